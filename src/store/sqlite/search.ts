import type { Database as Db } from 'better-sqlite3';
import type { SearchHit, SearchOptions } from '../ports.js';
import type { TextSearch } from '../documents.js';
import { toMatchQuery } from '../fts-query.js';
import { hasCjk, likePattern, queryTerms, substringSnippet } from '../cjk.js';
import { toSummary, type SummaryRow } from '../rows.js';

/** Full-text search in SQLite: FTS5's word index, and its trigram index for unspaced Chinese, Japanese and Korean. */
export class Fts5Search implements TextSearch {
  constructor(private readonly db: Db) {}

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    if (hasCjk(query)) return this.searchUnspaced(query, options);
    const match = toMatchQuery(query);
    if (!match) return [];
    const [open, close] = options.highlight ?? ['**', '**'];
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.outlet, d.url, d.published_at, d.language, length(d.text) AS chars,
                snippet(documents_fts, 1, ?, ?, '…', 24) AS snippet, bm25(documents_fts, 4.0, 1.0) AS rank
         FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
         WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(open, close, match, options.limit ?? 20) as (SummaryRow & { snippet: string; rank: number })[];
    return rows.map((r) => ({ ...toSummary(r), snippet: r.snippet.replace(/\s+/g, ' '), rank: r.rank }));
  }

  /** Every term as a substring of a CJK document, through the trigram index (newest first). */
  private searchUnspaced(query: string, options: SearchOptions): SearchHit[] {
    const terms = queryTerms(query);
    if (!terms.length) return [];
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.outlet, d.url, d.published_at, d.language, length(d.text) AS chars, d.text
         FROM documents_cjk JOIN documents d ON d.seq = documents_cjk.rowid
         WHERE ${terms.map(() => "documents_cjk.text LIKE ? ESCAPE '\\'").join(' AND ')}
         ORDER BY coalesce(d.published_at, d.retrieved_at) DESC, d.seq DESC LIMIT ?`,
      )
      .all(...terms.map(likePattern), options.limit ?? 20) as (SummaryRow & { text: string })[];
    return rows.map((r, rank) => ({
      ...toSummary(r),
      snippet: substringSnippet(r.text, terms, options.highlight ?? ['**', '**']),
      rank,
    }));
  }
}
