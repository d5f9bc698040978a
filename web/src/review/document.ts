/**
 * A taken-in document's text, with the mentions of entities the graph already knows
 * marked; loaded when the curator opens it.
 */
import { h } from '../dom.js';
import type { DocumentTextQuery } from '../generated/graphql.js';
import { segmentNodes } from './card.js';
import { mentionSegments } from './passage.js';

type Loaded = DocumentTextQuery['document'];

export function documentText(load: () => Promise<Loaded>): HTMLDetailsElement {
  const body = h('div', { class: 'document-text' }, 'Loading…');
  const details = h('details', { class: 'document' }, h('summary', {}, 'The document’s text, with the entities the graph knows marked'), body);
  let loaded = false;
  details.addEventListener('toggle', () => {
    if (!details.open || loaded) return;
    loaded = true;
    load().then(
      (document) => {
        if (!document) return void body.replaceChildren('The service has no text for this document.');
        body.replaceChildren(
          h('p', { class: 'muted' }, `Taken in by ${document.receivedBy} at ${document.receivedAt}; ${document.mentions.length} mentions of known entities.`),
          h('p', { class: 'text' }, segmentNodes(mentionSegments(document.text, document.mentions))),
        );
      },
      (error: unknown) => {
        loaded = false;
        body.replaceChildren(h('span', { class: 'form-error', role: 'alert' }, (error as Error).message));
      },
    );
  });
  return details;
}
