/**
 * The accept form's fields, prefilled from a proposal, and the edits sent from what the
 * curator changed. Only changed fields are sent: the server then keeps the proposal's
 * own values for the rest, and its rules apply as documented (a fact whose type, ends,
 * good or period were edited gets an id that follows them, unless the id was edited too).
 * The description of an entity and the claim of a fact are the curator's words: sent
 * whenever they are filled in, and refused by the server when they are not.
 */
import type { Bound, ChangeBasis, FigureInput, Nature, ProposalCardFragment, ProposalEdits, RelationshipType } from '../generated/graphql.js';
import { NATURES } from '../view-options.js';

const TYPE_SET: Record<RelationshipType, true> = {
  ALTERNATIVE_TO: true,
  APPLIES_TO: true,
  COMPETES_WITH: true,
  COMPLIES_WITH: true,
  CONSUMES: true,
  DEPENDS_ON: true,
  DEVELOPS: true,
  EXPORTS: true,
  EXPORTS_TO: true,
  FUNDS: true,
  HAS_CAPACITY: true,
  HAS_METRIC: true,
  HAS_RESOURCE: true,
  IMPORTS: true,
  IMPORTS_FROM: true,
  IN_DISPUTE_WITH: true,
  ISSUED_BY: true,
  JOINT_VENTURE: true,
  LICENSES_TO: true,
  LOCATED_IN: true,
  MADE_FROM: true,
  MEMBER_OF: true,
  OWNS: true,
  PARTICIPATES_IN: true,
  PARTNERS_WITH: true,
  PRODUCES: true,
  QUOTES_PRICE: true,
  RELIES_ON_MARKET: true,
  REPORTS_ON: true,
  RESTRICTS: true,
  SERVES_SECTOR: true,
  SUBJECT_TO: true,
  SUPPLIES: true,
  SUPPORTS: true,
  USED_IN: true,
  USES_TECHNOLOGY: true,
};
/** Every relationship type (a new one in the schema fails the typecheck here until added). */
export const RELATIONSHIP_TYPES = Object.keys(TYPE_SET) as RelationshipType[];

const BASIS_SET: Record<ChangeBasis, true> = { YOY: true, MOM: true, DOD: true, CAGR: true, FROM_LOW: true, VS_BASELINE: true };
export const CHANGE_BASES = Object.keys(BASIS_SET) as ChangeBasis[];
export const BOUNDS: readonly Bound[] = ['AT_LEAST', 'AT_MOST'];

export interface FieldSpec {
  name: string;
  label: string;
  control: 'text' | 'textarea' | 'select' | 'checkbox';
  /** For selects: the values, with '' for none when `optional`. */
  options?: readonly string[];
  optional?: boolean;
  required?: boolean;
  hint?: string;
  group?: 'figure';
}

/** What the form holds: every field as text ('true'/'false' for checkboxes). */
export type FieldValues = Record<string, string>;

export const ENTITY_FIELDS: readonly FieldSpec[] = [
  { name: 'id', label: 'Id', control: 'text', hint: '<kind>:<kebab-slug>; the kind comes from the prefix.' },
  { name: 'name', label: 'Name', control: 'text' },
  { name: 'aliases', label: 'Aliases (one per line)', control: 'textarea' },
  { name: 'description', label: 'Description', control: 'textarea', required: true, hint: 'What it is, in your own words (one or two sentences).' },
];

export const FACT_FIELDS: readonly FieldSpec[] = [
  { name: 'id', label: 'Id', control: 'text', hint: 'Leave it as suggested and an edited type, end, good or period gives the fact an id that follows them.' },
  { name: 'type', label: 'Type', control: 'select', options: RELATIONSHIP_TYPES },
  { name: 'from', label: 'From (entity id)', control: 'text' },
  { name: 'to', label: 'To (entity id)', control: 'text' },
  { name: 'item', label: 'Item (entity id of the good, if any)', control: 'text' },
  { name: 'period', label: 'Period', control: 'text', hint: 'e.g. 2026-01, 2027, 2025-Q3' },
  { name: 'nature', label: 'Nature', control: 'select', options: NATURES },
  { name: 'claim', label: 'Claim', control: 'textarea', required: true, hint: 'What the passage states, in your own words.' },
  { name: 'note', label: 'Note', control: 'textarea', hint: 'The passage is added to the note for you.' },
  { name: 'figureValue', label: 'Figure value', control: 'text', group: 'figure' },
  { name: 'figureUnit', label: 'Figure unit', control: 'text', group: 'figure' },
  { name: 'figureApproximate', label: 'Approximate', control: 'checkbox', group: 'figure' },
  { name: 'figureBound', label: 'Bound', control: 'select', options: BOUNDS, optional: true, group: 'figure' },
  { name: 'changeValue', label: 'Change value', control: 'text', group: 'figure' },
  { name: 'changeUnit', label: 'Change unit', control: 'text', group: 'figure' },
  { name: 'changeBasis', label: 'Change basis', control: 'select', options: CHANGE_BASES, optional: true, group: 'figure' },
];

export function fieldsOf(proposal: ProposalCardFragment): readonly FieldSpec[] {
  if (proposal.kind === 'ENTITY') return ENTITY_FIELDS;
  return proposal.figure ? FACT_FIELDS : FACT_FIELDS.filter((field) => field.group !== 'figure');
}

/** The form as the proposal stands. */
export function initialValues(proposal: ProposalCardFragment): FieldValues {
  if (proposal.kind === 'ENTITY') return { id: proposal.suggestedId, name: proposal.name ?? '', aliases: '', description: '' };
  const figure = proposal.figure;
  return {
    id: proposal.suggestedId,
    type: proposal.factType ?? '',
    from: proposal.from?.id ?? '',
    to: proposal.to?.id ?? '',
    item: '',
    period: proposal.period ?? '',
    nature: proposal.nature ?? '',
    claim: '',
    note: '',
    ...(figure
      ? {
          // A change given without a figure: the curator types the figure in.
          figureValue: figure.value === null ? '' : String(figure.value),
          figureUnit: figure.unit ?? '',
          figureApproximate: String(figure.approximate),
          figureBound: figure.bound ?? '',
          changeValue: figure.change ? String(figure.change.value) : '',
          changeUnit: figure.change?.unit ?? '',
          changeBasis: figure.change?.basis ?? '',
        }
      : {}),
  };
}

/** A number typed in; what cannot be read as one is sent as typed, for the server to refuse in its words. */
function numberOf(text: string): number {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) ? value : (text as unknown as number);
}

/** The edits to send: the fields the curator changed, and their own words. */
export function editsOf(kind: 'ENTITY' | 'FACT', initial: FieldValues, current: FieldValues): ProposalEdits {
  const edits: ProposalEdits = {};
  const changed = (name: string) => (current[name] ?? '').trim() !== (initial[name] ?? '').trim();
  const text = (name: string) => (current[name] ?? '').trim();
  const given = (name: string) => text(name) !== '';
  if (changed('id') && given('id')) edits.id = text('id');
  if (kind === 'ENTITY') {
    if (changed('name') && given('name')) edits.name = text('name');
    if (changed('aliases')) {
      edits.aliases = (current.aliases ?? '')
        .split('\n')
        .map((alias) => alias.trim())
        .filter(Boolean);
    }
    if (given('description')) edits.description = text('description');
    return edits;
  }
  if (changed('type') && given('type')) edits.type = text('type') as RelationshipType;
  for (const name of ['from', 'to', 'item', 'period'] as const) if (changed(name) && given(name)) edits[name] = text(name);
  if (changed('nature') && given('nature')) edits.nature = text('nature') as Nature;
  if (given('claim')) edits.claim = text('claim');
  if (given('note')) edits.note = text('note');
  const figureFields = ['figureValue', 'figureUnit', 'figureApproximate', 'figureBound', 'changeValue', 'changeUnit', 'changeBasis'];
  if (figureFields.some(changed)) {
    const figure: FigureInput = {
      value: numberOf(current.figureValue ?? ''),
      unit: text('figureUnit'),
      approximate: current.figureApproximate === 'true',
      bound: given('figureBound') ? (text('figureBound') as Bound) : null,
      change: given('changeValue') ? { value: numberOf(current.changeValue ?? ''), unit: text('changeUnit'), basis: text('changeBasis') as ChangeBasis } : null,
    };
    edits.figure = figure;
  }
  return edits;
}
