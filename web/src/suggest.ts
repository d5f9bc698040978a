/**
 * A search box with suggestions as the user types: ranked search over names and aliases
 * (an exact name first; each entity a text names together with others, tagged with the
 * words that name it), keyboard and mouse selection. Enter takes the highlighted
 * suggestion when the list on screen is for the text in the box; when the user typed
 * faster than the suggestions came, it asks for the text as it is and takes the top hit,
 * so what Enter opens never depends on typing speed.
 */
import { execute } from './api.js';
import { h } from './dom.js';
import { EntityByNameDocument, SuggestDocument, type SuggestQuery } from './generated/graphql.js';
import { typeLabel } from './edge-label.js';
import { kindStyle } from './kinds.js';

export interface Picked {
  id: string;
  name: string;
  /** A fact picked from the suggestions: open `id`'s neighbourhood with this fact selected. */
  fact?: string;
}

type EntityHit = SuggestQuery['search'][number];
type FactHit = NonNullable<SuggestQuery['facts']>[number];
/** A suggestion: an entity, or a fact found by its words or between entities the text names. */
type Hit = { entity: EntityHit; fact?: undefined } | { fact: FactHit; entity?: undefined };

const DEBOUNCE_MS = 150;

export class SuggestBox {
  private hits: Hit[] = [];
  private active = -1;
  /** The text the suggestions on screen were found for. */
  private shownFor: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: AbortController | undefined;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly onPick: (picked: Picked) => void,
    private readonly onError: (message: string) => void,
    /** Whether facts are suggested too (after the entities). */
    private readonly withFacts = false,
  ) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('aria-expanded', 'false');
    list.setAttribute('role', 'listbox');
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (event) => this.key(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const text = this.input.value.trim();
    if (text.length < 2) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.fetch(text), DEBOUNCE_MS);
  }

  /**
   * The hits for `text`, cancelling any search still running; undefined when this search
   * was overtaken (a newer one, or the text changed) or failed (the error is reported).
   */
  private async search(text: string): Promise<Hit[] | undefined> {
    this.request?.abort();
    const request = new AbortController();
    this.request = request;
    try {
      const data = await execute(SuggestDocument, { text, first: 8, withFacts: this.withFacts }, request.signal);
      if (request.signal.aborted || this.input.value.trim() !== text) return undefined;
      return [...data.search.map((entity): Hit => ({ entity })), ...(data.facts ?? []).map((fact): Hit => ({ fact }))];
    } catch (error) {
      if (!request.signal.aborted) this.onError(`Search failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  private async fetch(text: string): Promise<void> {
    const hits = await this.search(text);
    if (hits) this.show(hits, text);
  }

  private show(hits: Hit[], text: string): void {
    this.hits = hits;
    this.shownFor = text;
    this.active = hits.length ? 0 : -1;
    const needle = text.toLowerCase();
    this.list.replaceChildren(
      ...(hits.length
        ? hits.map((hit, index) => {
            const option = (id: string, ...children: (Node | string | null)[]) =>
              h(
                'li',
                {
                  role: 'option',
                  id: `${this.list.id}-${index}`,
                  'data-id': id,
                  'aria-selected': index === this.active ? 'true' : 'false',
                  onmousedown: (event: Event) => {
                    event.preventDefault();
                    this.pick(index);
                  },
                },
                ...children,
              );
            if (hit.fact) {
              const { relationship } = hit.fact;
              const claim = relationship.evidence.claim;
              return option(
                `fact:${relationship.id}`,
                h('span', { class: 'name' }, `${relationship.from.name} ${typeLabel(relationship.type)} ${relationship.to.name}`),
                h('span', { class: 'alias claim' }, `“${claim.length > 70 ? `${claim.slice(0, 68)}…` : claim}”`),
                h('span', { class: 'kind' }, 'Fact'),
              );
            }
            const entity = hit.entity.entity;
            // A text naming several entities ("BMW Germany") suggests each: say which words name this one.
            const part = hit.entity.match === 'PART' ? hit.entity.matched : undefined;
            const alias =
              part || entity.name.toLowerCase().includes(needle)
                ? undefined
                : entity.aliases.find((a) => a.toLowerCase().includes(needle));
            const style = kindStyle(entity.kind);
            return option(
              entity.id,
              h('span', { class: 'swatch', style: `background:${style.color};clip-path:${style.clip}` }),
              h('span', { class: 'name' }, entity.name),
              alias ? h('span', { class: 'alias' }, `also “${alias}”`) : null,
              part ? h('span', { class: 'alias' }, `part “${part}”`) : null,
              h('span', { class: 'kind' }, style.label),
            );
          })
        : [h('li', { class: 'empty' }, `Nothing matches “${text}”.`)]),
    );
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.markActive();
  }

  private markActive(): void {
    [...this.list.querySelectorAll('li[role=option]')].forEach((li, index) =>
      li.setAttribute('aria-selected', index === this.active ? 'true' : 'false'),
    );
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private key(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!this.hits.length) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.hits.length) % this.hits.length;
      this.markActive();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void this.enter();
    } else if (event.key === 'Escape') {
      // A search box clears itself on Escape; with suggestions open, Escape only closes them.
      if (!this.list.hidden) event.preventDefault();
      this.close();
    }
  }

  private async enter(): Promise<void> {
    const text = this.input.value.trim();
    if (!this.list.hidden && this.active >= 0 && this.shownFor === text) {
      this.pick(this.active);
      return;
    }
    if (text.length === 0) return;
    clearTimeout(this.timer);
    const hits = await this.search(text);
    if (!hits) return;
    if (hits.length > 0) {
      this.hits = hits;
      this.pick(0);
    } else await this.exact(text);
  }

  private async exact(name: string): Promise<void> {
    if (!name) return;
    try {
      const { entityByName } = await execute(EntityByNameDocument, { name });
      if (entityByName) this.choose({ id: entityByName.id, name: entityByName.name });
      else this.onError(`No entity is called “${name}”.`);
    } catch (error) {
      this.onError(`Lookup failed: ${(error as Error).message}`);
    }
  }

  private pick(index: number): void {
    const hit = this.hits[index];
    if (hit?.fact) {
      const { relationship } = hit.fact;
      this.choose({ id: relationship.from.id, name: relationship.from.name, fact: relationship.id });
    } else if (hit) this.choose({ id: hit.entity.entity.id, name: hit.entity.entity.name });
  }

  private choose(picked: Picked): void {
    clearTimeout(this.timer);
    this.request?.abort();
    this.input.value = picked.name;
    this.close();
    this.onPick(picked);
  }

  close(): void {
    this.list.hidden = true;
    this.hits = [];
    this.active = -1;
    this.shownFor = null;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  set(value: string): void {
    this.input.value = value;
  }
}
