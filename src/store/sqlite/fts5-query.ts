import type { SearchQuery } from '../fts-query.js';
import { likePattern } from '../cjk.js';

/**
 * A search query as an FTS5 MATCH expression. Every word and phrase is a quoted FTS5 string, so its
 * punctuation is split by the index's tokenizer and never read as FTS5 syntax; operators are explicit
 * and parenthesized, so FTS5's own precedence does not matter.
 */
export function toFts5Match(query: SearchQuery): string {
  switch (query.kind) {
    case 'term':
      return quote(query.text) + (query.prefix ? ' *' : '');
    case 'phrase':
      return quote(query.text);
    case 'and':
    case 'or':
      return '(' + query.items.map(toFts5Match).join(query.kind === 'and' ? ' AND ' : ' OR ') + ')';
    case 'not':
      return `(${toFts5Match(query.include)} NOT ${toFts5Match(query.exclude)})`;
  }
}

const quote = (text: string): string => `"${text.replaceAll('"', '""')}"`;

/**
 * A search query as a SQL condition of substring matches on one column (LIKE, with `\` escaping its
 * wildcards), for text that a word index cannot split (see cjk.ts). Returns the SQL and its parameters.
 */
export function toLikeCondition(query: SearchQuery, column: string): { sql: string; params: string[] } {
  const params: string[] = [];
  const render = (q: SearchQuery): string => {
    switch (q.kind) {
      case 'term':
      case 'phrase':
        params.push(likePattern(q.text));
        return `${column} LIKE ? ESCAPE '\\'`;
      case 'and':
      case 'or':
        return '(' + q.items.map(render).join(q.kind === 'and' ? ' AND ' : ' OR ') + ')';
      case 'not':
        return `(${render(q.include)} AND NOT ${render(q.exclude)})`;
    }
  };
  return { sql: render(query), params };
}
