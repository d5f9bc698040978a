/**
 * The two decisions on a pending proposal, as forms: accept (edited, with a dry-run
 * preview of what it would write) and reject (with a reason). A refusal is shown next to
 * the form in the server's words, and the form keeps what the curator typed.
 */
import { h } from '../dom.js';
import type { DecisionFragment, ProposalCardFragment, ProposalEdits } from '../generated/graphql.js';
import { changesList, decisionSummary } from './decision.js';
import { editsOf, type FieldSpec, type FieldValues, fieldsOf, initialValues } from './edits.js';

export type DecisionRequest = { action: 'accept'; edits: ProposalEdits } | { action: 'reject'; reason: string };

/** Sends a decision (or its dry run); rejects with the server's error. */
export type Decide = (proposal: ProposalCardFragment, request: DecisionRequest, dryRun: boolean) => Promise<DecisionFragment>;

function control(spec: FieldSpec, id: string, value: string): HTMLElement {
  const described = spec.hint ? `${id}-hint` : undefined;
  const common = { id, name: spec.name, 'aria-describedby': described, required: spec.required, 'aria-required': spec.required ? 'true' : undefined };
  if (spec.control === 'textarea') {
    const area = h('textarea', { ...common, rows: spec.name === 'aliases' ? '2' : '3' });
    area.value = value;
    return area;
  }
  if (spec.control === 'select') {
    const select = h(
      'select',
      common,
      spec.optional || !spec.options?.includes(value) ? h('option', { value: '' }, 'none') : null,
      (spec.options ?? []).map((option) => h('option', { value: option }, option)),
    );
    select.value = value;
    return select;
  }
  const input = h('input', { ...common, type: spec.control === 'checkbox' ? 'checkbox' : 'text', autocomplete: 'off', spellcheck: 'false' });
  if (spec.control === 'checkbox') input.checked = value === 'true';
  else input.value = value;
  return input;
}

function field(spec: FieldSpec, id: string, value: string): HTMLElement {
  const label = h('label', { for: id }, spec.label, spec.required ? h('span', { class: 'required' }, ' (required)') : null);
  const hint = spec.hint ? h('p', { class: 'hint muted', id: `${id}-hint` }, spec.hint) : null;
  return h('div', { class: `field ${spec.control}` }, spec.control === 'checkbox' ? [control(spec, id, value), label] : [label, control(spec, id, value)], hint);
}

function valuesOf(form: HTMLFormElement, specs: readonly FieldSpec[]): FieldValues {
  const values: FieldValues = {};
  for (const spec of specs) {
    const element = form.elements.namedItem(spec.name) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
    if (!element) continue;
    values[spec.name] = element instanceof HTMLInputElement && element.type === 'checkbox' ? String(element.checked) : element.value;
  }
  return values;
}

/** Shows an error (verbatim) or nothing. */
function errorBox(): { element: HTMLElement; show(message: string | null): void } {
  const element = h('div', { class: 'form-error', role: 'alert', 'data-role': 'error' });
  return {
    element,
    show(message) {
      element.textContent = message ?? '';
      element.hidden = message === null;
    },
  };
}

/** Disables the form's buttons while a request runs. */
async function busy<T>(form: HTMLFormElement, run: () => Promise<T>): Promise<T> {
  const buttons = [...form.querySelectorAll('button')];
  for (const button of buttons) button.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    return await run();
  } finally {
    for (const button of buttons) button.disabled = false;
    form.removeAttribute('aria-busy');
  }
}

export function acceptForm(proposal: ProposalCardFragment, idBase: string, decide: Decide, onDecided: (decision: DecisionFragment) => void): HTMLFormElement {
  const specs = fieldsOf(proposal);
  const initial = initialValues(proposal);
  const plain = specs.filter((spec) => spec.group !== 'figure');
  const figure = specs.filter((spec) => spec.group === 'figure');
  const error = errorBox();
  error.show(null);
  const preview = h('div', { class: 'preview', 'data-role': 'preview', 'aria-live': 'polite' });
  const headingId = `${idBase}-accept-title`;
  const form = h(
    'form',
    { class: 'accept', novalidate: true, 'aria-labelledby': headingId },
    h('h4', { id: headingId }, proposal.kind === 'ENTITY' ? 'Accept this entity, as edited' : 'Accept this fact, as edited'),
    plain.map((spec) => field(spec, `${idBase}-${spec.name}`, initial[spec.name] ?? '')),
    figure.length
      ? h('fieldset', { class: 'figure' }, h('legend', {}, 'Figure'), figure.map((spec) => field(spec, `${idBase}-${spec.name}`, initial[spec.name] ?? '')))
      : null,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', 'data-action': 'preview' }, 'Preview (dry run)'),
      h('button', { type: 'submit', class: 'primary', 'data-action': 'accept' }, 'Accept'),
    ),
    error.element,
    preview,
  );
  const request = (): DecisionRequest => ({ action: 'accept', edits: editsOf(proposal.kind, initial, valuesOf(form, specs)) });
  const send = (dryRun: boolean) =>
    busy(form, async () => {
      error.show(null);
      preview.replaceChildren();
      try {
        const decision = await decide(proposal, request(), dryRun);
        if (dryRun) preview.replaceChildren(h('p', {}, decisionSummary(decision)), changesList(decision.changes));
        else onDecided(decision);
      } catch (problem) {
        error.show((problem as Error).message);
      }
    });
  form.querySelector('[data-action="preview"]')!.addEventListener('click', () => void send(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send(false);
  });
  return form;
}

export function rejectForm(proposal: ProposalCardFragment, idBase: string, decide: Decide, onDecided: (decision: DecisionFragment) => void): HTMLFormElement {
  const error = errorBox();
  error.show(null);
  const headingId = `${idBase}-reject-title`;
  const reason: FieldSpec = { name: 'reason', label: 'Reason', control: 'textarea', required: true, hint: 'Why it should not go into the graph; kept with the proposal.' };
  const form = h(
    'form',
    { class: 'reject', novalidate: true, 'aria-labelledby': headingId },
    h('h4', { id: headingId }, 'Reject this proposal'),
    field(reason, `${idBase}-reason`, ''),
    h('div', { class: 'actions' }, h('button', { type: 'submit', 'data-action': 'reject' }, 'Reject')),
    error.element,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(form, async () => {
      error.show(null);
      try {
        onDecided(await decide(proposal, { action: 'reject', reason: valuesOf(form, [reason]).reason ?? '' }, false));
      } catch (problem) {
        error.show((problem as Error).message);
      }
    });
  });
  return form;
}
