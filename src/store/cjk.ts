import { parseSearchQuery, positiveTerms, SearchQueryError } from './fts-query.js';

/**
 * Chinese, Japanese and Korean text has no spaces between words, so a word index (FTS5 unicode61)
 * cannot find a word inside it. Such documents are also kept in a trigram index and searched by substring.
 */
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

export const hasCjk = (text: string): boolean => CJK.test(text);

/** The words and phrases a matching document contains, for highlighting (none when the query has nothing to search for). */
export function queryTerms(query: string): string[] {
  try {
    return positiveTerms(parseSearchQuery(query));
  } catch (err) {
    if (err instanceof SearchQueryError) return [];
    throw err;
  }
}

/** LIKE pattern for a substring, with LIKE's own wildcards escaped by a backslash. */
export const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** Text around the first match of any term, every match wrapped in the markers. */
export function substringSnippet(text: string, terms: string[], [open, close]: [string, string], radius = 60): string {
  const lower = text.toLowerCase();
  const needles = terms.map((t) => t.toLowerCase());
  let first = text.length;
  for (const n of needles) {
    const at = lower.indexOf(n);
    if (at >= 0 && at < first) first = at;
  }
  if (first === text.length) first = 0;
  const from = Math.max(0, first - radius);
  const to = Math.min(text.length, first + radius * 2);
  let out = '';
  let i = from;
  while (i < to) {
    const hit = needles.find((n) => n && lower.startsWith(n, i));
    if (hit) {
      out += open + text.slice(i, i + hit.length) + close;
      i += hit.length;
    } else {
      out += text[i++];
    }
  }
  return (from > 0 ? '…' : '') + out.replace(/\s+/g, ' ') + (to < text.length ? '…' : '');
}
