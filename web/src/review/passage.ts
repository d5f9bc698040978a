/**
 * Text cut into plain and marked pieces: a proposal's passage with the name or figure it
 * proposes marked, and a document's text with the known entities it names marked.
 */
export interface Segment {
  text: string;
  /** What the mark is: the proposed name or figure, or the entity a mention names. */
  mark?: { title: string; entityId?: string };
}

/** The passage with [start, end) marked; start and end are offsets in the document, the passage begins at passageStart. */
export function passageSegments(p: { passage: string; passageStart: number; start: number; end: number }, title = 'proposed'): Segment[] {
  const from = Math.min(Math.max(p.start - p.passageStart, 0), p.passage.length);
  const to = Math.min(Math.max(p.end - p.passageStart, from), p.passage.length);
  return [
    { text: p.passage.slice(0, from) },
    { text: p.passage.slice(from, to), mark: { title } },
    { text: p.passage.slice(to) },
  ].filter((segment) => segment.text !== '');
}

export interface MentionSpan {
  start: number;
  end: number;
  entity: { id: string; name: string };
}

/** The document's text with each mention marked, in order; a mention overlapping an earlier one is left out. */
export function mentionSegments(text: string, mentions: readonly MentionSpan[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (mention.start < at || mention.end > text.length || mention.end <= mention.start) continue;
    if (mention.start > at) segments.push({ text: text.slice(at, mention.start) });
    segments.push({
      text: text.slice(mention.start, mention.end),
      mark: { title: `${mention.entity.name} (${mention.entity.id})`, entityId: mention.entity.id },
    });
    at = mention.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
