import type { Database as Db } from 'better-sqlite3';
import type { SearchOptions, SearchResults } from '../ports.js';
import type { TextSearch } from '../documents.js';
import { parseSearchQuery, positiveTerms, type SearchQuery } from '../fts-query.js';
import { toFts5Match, toLikeCondition } from './fts5-query.js';
import { hasCjk, substringSnippet } from '../cjk.js';
import { summaryHead, toSummary, type SummaryRow } from '../rows.js';

/** The columns of a summary, from `documents d`. */
const SUMMARY_COLUMNS = `d.id, d.title, d.outlet, d.url, d.published_at, d.language, length(d.text) AS chars,
  ${summaryHead('d')} AS head`;

/** Full-text search in SQLite: FTS5's word index, and its trigram index for unspaced Chinese, Japanese and Korean. */
export class Fts5Search implements TextSearch {
  constructor(private readonly db: Db) {}

  async search(query: string, options: SearchOptions): Promise<SearchResults> {
    const parsed = parseSearchQuery(query);
    if (hasCjk(query)) return this.searchUnspaced(parsed, options);
    const match = toFts5Match(parsed);
    const [open, close] = options.highlight ?? ['**', '**'];
    const total = this.db.prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck().get(match) as number;
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, snippet(documents_fts, 1, ?, ?, '…', 24) AS snippet, bm25(documents_fts, 4.0, 1.0) AS rank
         FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
         WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`,
      )
      .all(open, close, match, options.limit ?? 20, options.offset ?? 0) as (SummaryRow & { snippet: string; rank: number })[];
    return { total, hits: rows.map((r) => ({ ...toSummary(r), snippet: r.snippet.replace(/\s+/g, ' '), rank: r.rank })) };
  }

  /** The query as substring matches on CJK documents, through the trigram index (newest first). */
  private searchUnspaced(query: SearchQuery, options: SearchOptions): SearchResults {
    const where = toLikeCondition(query, 'documents_cjk.text');
    const total = this.db.prepare(`SELECT count(*) FROM documents_cjk WHERE ${where.sql}`).pluck().get(...where.params) as number;
    const offset = options.offset ?? 0;
    const rows = this.db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS}, d.text
         FROM documents_cjk JOIN documents d ON d.seq = documents_cjk.rowid
         WHERE ${where.sql}
         ORDER BY coalesce(d.published_at, d.retrieved_at) DESC, d.seq DESC LIMIT ? OFFSET ?`,
      )
      .all(...where.params, options.limit ?? 20, offset) as (SummaryRow & { text: string })[];
    const terms = positiveTerms(query);
    const highlight = options.highlight ?? ['**', '**'];
    return { total, hits: rows.map((r, rank) => ({ ...toSummary(r), snippet: substringSnippet(r.text, terms, highlight), rank: offset + rank })) };
  }
}
