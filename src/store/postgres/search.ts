import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { SearchOptions, SearchResults } from '../ports.js';
import type { TextSearch } from '../documents.js';
import { hasCjk, likePattern, substringSnippet } from '../cjk.js';
import { summaryHead, toSummary, type SummaryRow } from '../rows.js';
import { parseSearchQuery, positiveTerms, type SearchQuery } from '../fts-query.js';

/**
 * Full-text search in PostgreSQL, with the query syntax and the matches of SQLite's FTS5: the same parsed
 * query (fts-query.ts), words folded as FTS5's unicode61 folds them (the `search` column, see migrations),
 * each word or "quoted phrase" a phrase query. Unspaced Chinese, Japanese and Korean text is searched by
 * substring through the trigram index.
 */
export class PostgresSearch implements TextSearch {
  constructor(private readonly db: Kysely<Database>) {}

  async search(query: string, options: SearchOptions): Promise<SearchResults> {
    const parsed = parseSearchQuery(query);
    if (hasCjk(query)) return this.searchUnspaced(parsed, options);
    const tsquery = toTsQuery(parsed);
    const [open, close] = options.highlight ?? ['**', '**'];
    const headline = `StartSel="${open}", StopSel="${close}", MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"`;
    const { rows: counted } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM documents d WHERE d.search @@ ${tsquery}`.execute(this.db);
    const total = Number(counted[0]?.n ?? 0);
    if (!total) return { total, hits: [] };
    // Ranked first, then snippets for the page only: ts_headline re-reads the whole text.
    const { rows } = await sql<SummaryRow & { snippet: string; rank: number }>`
      WITH q AS (SELECT ${tsquery} AS query),
      hits AS (
        SELECT d.seq, ts_rank_cd(d.search, q.query) AS rank FROM documents d, q
        WHERE d.search @@ q.query ORDER BY rank DESC, d.seq LIMIT ${options.limit ?? 20} OFFSET ${options.offset ?? 0}
      )
      SELECT d.id, d.title, d.outlet, d.url, d.published_at, d.language, length(d.text) AS chars, ${sql.raw(summaryHead('d'))} AS head,
             ts_headline('simple'::regconfig, left(d.text, 200000), q.query, ${headline}) AS snippet, hits.rank
      FROM hits JOIN documents d ON d.seq = hits.seq, q
      ORDER BY hits.rank DESC, d.seq`.execute(this.db);
    return { total, hits: rows.map((r) => ({ ...toSummary(r), snippet: r.snippet.replace(/\s+/g, ' '), rank: -Number(r.rank) })) };
  }

  /** The query as substring matches (ILIKE), newest first. */
  private async searchUnspaced(query: SearchQuery, options: SearchOptions): Promise<SearchResults> {
    const where = toLikeCondition(query);
    const counted = await this.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).where(where).executeTakeFirstOrThrow();
    const total = Number(counted.n);
    const offset = options.offset ?? 0;
    const rows = await this.db
      .selectFrom('documents')
      .select([
        'id', 'title', 'outlet', 'url', 'published_at', 'language', 'text',
        sql<number>`length(text)`.as('chars'), sql.raw<string>(summaryHead()).as('head'),
      ])
      .where(where)
      .orderBy(sql`coalesce(published_at, retrieved_at)`, 'desc')
      .orderBy('seq', 'desc')
      .limit(options.limit ?? 20)
      .offset(offset)
      .execute();
    const terms = positiveTerms(query);
    const highlight = options.highlight ?? ['**', '**'];
    return { total, hits: rows.map((r, rank) => ({ ...toSummary(r), snippet: substringSnippet(r.text, terms, highlight), rank: offset + rank })) };
  }
}

/**
 * The query as a tsquery expression. A word or phrase is a phrase query over its folded words (so
 * "Entente-4" is entente followed by 4, as FTS5 reads it); a prefix marks the last of them `:*`.
 */
function toTsQuery(query: SearchQuery): RawBuilder<unknown> {
  switch (query.kind) {
    case 'term':
      if (query.prefix) {
        // `:*` after the phrase's last word; a phrase with no words (letters the parser of to_tsvector drops) stays empty.
        return sql`(SELECT CASE WHEN p::text = '' THEN p ELSE (p::text || ':*')::tsquery END
          FROM phraseto_tsquery('simple'::regconfig, rift_fold(${query.text})) AS p)`;
      }
      return sql`phraseto_tsquery('simple'::regconfig, rift_fold(${query.text}))`;
    case 'phrase':
      return sql`phraseto_tsquery('simple'::regconfig, rift_fold(${query.text}))`;
    case 'and':
    case 'or':
      return sql`(${sql.join(query.items.map(toTsQuery), query.kind === 'and' ? sql` && ` : sql` || `)})`;
    case 'not':
      return sql`(${toTsQuery(query.include)} && !!${toTsQuery(query.exclude)})`;
  }
}

/** The query as a condition of case-blind substring matches on the text. */
function toLikeCondition(query: SearchQuery): RawBuilder<boolean> {
  switch (query.kind) {
    case 'term':
    case 'phrase':
      return sql<boolean>`text ILIKE ${likePattern(query.text)} ESCAPE '\\'`;
    case 'and':
    case 'or':
      return sql<boolean>`(${sql.join(query.items.map(toLikeCondition), query.kind === 'and' ? sql` AND ` : sql` OR `)})`;
    case 'not':
      return sql<boolean>`(${toLikeCondition(query.include)} AND NOT ${toLikeCondition(query.exclude)})`;
  }
}
