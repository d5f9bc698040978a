/**
 * The NLP library, set up once: compromise (sentences, numbers, organisations, places)
 * with its dates plugin. Both ship their models inside the npm package, so nothing is
 * downloaded at run time.
 */
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';

nlp.plugin(datesPlugin);

export { nlp };

/** A stretch of the text: [start, end) in UTF-16 code units, as String.slice takes them. */
export interface Span {
  start: number;
  end: number;
}

/** compromise's `{ offset: true }` JSON gives a start and a length; this is the span. */
export const spanOf = (offset: { start: number; length: number }): Span => ({ start: offset.start, end: offset.start + offset.length });
