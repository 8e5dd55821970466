import { sentenceWindows } from '../pipeline/windows.js';
import { headingOf } from '../analysis/heading.js';
import type { ReadItem } from './readers/index.js';

/**
 * Longest document text stored whole, in characters; a longer text is stored as parts of at most this.
 * It is what PostgreSQL's search vector indexes of a text (migration 0001: a tsvector is capped at 1 MB),
 * so every character of a stored text is searchable on both databases, and one analysis window.
 */
export const DEFAULT_MAX_DOCUMENT_CHARS = 200_000;

/**
 * A draft whose text is longer than `maxChars` (a book, a dump of a mailbox) as consecutive parts cut
 * where sentences end. Each part is a document of its own, so its analysis, its search snippets and
 * the API's answers about it stay bounded. Parts keep the draft's metadata; the ref says which part
 * (`big.txt#part2`), `extra.part` where it lies in the whole text, the title which part it is.
 */
export function splitIntoParts(item: ReadItem, maxChars = DEFAULT_MAX_DOCUMENT_CHARS): ReadItem[] {
  const { ref, draft } = item;
  if (draft.text.length <= maxChars) return [item];
  const windows = sentenceWindows(draft.text, maxChars);
  const base = headingOf(draft.title, draft.text);
  return windows.map(({ start, end }, i) => ({
    ref: `${ref}${ref.includes('#') ? '-' : '#'}part${i + 1}`,
    draft: {
      ...draft,
      text: draft.text.slice(start, end),
      title: `${base} (part ${i + 1} of ${windows.length})`,
      extra: { ...draft.extra, part: { index: i + 1, count: windows.length, start, end, of: draft.text.length } },
    },
  }));
}
