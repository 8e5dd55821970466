import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { SearchHit, SearchOptions } from '../ports.js';
import type { TextSearch } from '../documents.js';
import { hasCjk, likePattern, queryTerms, substringSnippet } from '../cjk.js';
import { toSummary, type SummaryRow } from '../rows.js';
import { searchGroups } from '../fts-query.js';

/**
 * Full-text search in PostgreSQL, with the query syntax and the matches of SQLite's FTS5: words folded as
 * FTS5's unicode61 folds them (the `search` column, see migrations), each word or "quoted phrase" a phrase
 * query, OR between groups. Unspaced Chinese, Japanese and Korean text is searched by substring through
 * the trigram index.
 */
export class PostgresSearch implements TextSearch {
  constructor(private readonly db: Kysely<Database>) {}

  async search(query: string, options: SearchOptions): Promise<SearchHit[]> {
    if (hasCjk(query)) return this.searchUnspaced(query, options);
    const tsquery = toTsQuery(query);
    if (!tsquery) return [];
    const [open, close] = options.highlight ?? ['**', '**'];
    const headline = `StartSel="${open}", StopSel="${close}", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"`;
    // Ranked first, then snippets for the page only: ts_headline re-reads the whole text.
    const { rows } = await sql<SummaryRow & { snippet: string; rank: number }>`
      WITH q AS (SELECT ${tsquery} AS query),
      hits AS (
        SELECT d.seq, ts_rank_cd(d.search, q.query) AS rank FROM documents d, q
        WHERE d.search @@ q.query ORDER BY rank DESC, d.seq LIMIT ${options.limit ?? 20}
      )
      SELECT d.id, d.title, d.outlet, d.url, d.published_at, d.language, length(d.text) AS chars,
             ts_headline('simple'::regconfig, left(d.text, 200000), q.query, ${headline}) AS snippet, hits.rank
      FROM hits JOIN documents d ON d.seq = hits.seq, q
      ORDER BY hits.rank DESC, d.seq`.execute(this.db);
    return rows.map((r) => ({ ...toSummary(r), snippet: r.snippet.replace(/\s+/g, ' '), rank: -Number(r.rank) }));
  }

  private async searchUnspaced(query: string, options: SearchOptions): Promise<SearchHit[]> {
    const terms = queryTerms(query);
    if (!terms.length) return [];
    let q = this.db
      .selectFrom('documents')
      .select(['id', 'title', 'outlet', 'url', 'published_at', 'language', 'text', sql<number>`length(text)`.as('chars')]);
    for (const term of terms) q = q.where(sql<boolean>`text ILIKE ${likePattern(term)} ESCAPE '\\'`);
    const rows = await q
      .orderBy(sql`coalesce(published_at, retrieved_at)`, 'desc')
      .orderBy('seq', 'desc')
      .limit(options.limit ?? 20)
      .execute();
    return rows.map((r, rank) => ({
      ...toSummary(r),
      snippet: substringSnippet(r.text, terms, options.highlight ?? ['**', '**']),
      rank,
    }));
  }
}

/** The query as a tsquery expression: each term a phrase query over folded words, AND within a group, OR between. */
function toTsQuery(query: string): RawBuilder<unknown> | undefined {
  const groups = searchGroups(query)
    .map((terms) => terms.filter((t) => /[\p{L}\p{N}]/u.test(t)))
    .filter((terms) => terms.length);
  if (!groups.length) return undefined;
  const phrase = (t: string) => sql`phraseto_tsquery('simple'::regconfig, rift_fold(${t}))`;
  const group = (terms: string[]) => sql`(${sql.join(terms.map(phrase), sql` && `)})`;
  return sql`(${sql.join(groups.map(group), sql` || `)})`;
}
