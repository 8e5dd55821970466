import { sql, type Kysely } from 'kysely';
import type { Rejection } from '../model/index.js';
import type { Database, DocumentRow } from './schema.js';
import type {
  DocumentPort, DocumentSummary, DocumentToStore, PageOptions, PutResult, SearchOptions, SearchResults, StoredDocument,
} from './ports.js';
import { summaryHead, toDocument, toSource, toSummary } from './rows.js';
import { checkPage } from './paging.js';

/** How a backend writes: in one transaction per batch, the fastest way its driver allows. */
export interface DocumentWriter {
  put(batch: DocumentToStore[]): Promise<PutResult[]>;
  recordRejections(rejections: Rejection[]): Promise<void>;
}

/** How a backend searches text: FTS5 in SQLite, tsvector and trigrams in PostgreSQL. The page is checked before. */
export interface TextSearch {
  search(query: string, options: SearchOptions): Promise<SearchResults>;
}

/** Every column of a document but its insertion number (and PostgreSQL's search vector, which is not in the schema). */
const DOCUMENT_COLUMNS = [
  'id', 'url', 'outlet', 'title', 'byline', 'published_at', 'date_day', 'date_source', 'retrieved_at', 'language',
  'format', 'marking', 'story_id', 'duplicate_of', 'extra', 'text',
] as const satisfies readonly (keyof DocumentRow)[];

/** Ids per `IN (...)` list: under SQLite's and PostgreSQL's limits on bound parameters. */
const IDS_PER_QUERY = 500;

/** The documents port over Kysely: reads are the same queries in both databases. */
export class KyselyDocuments implements DocumentPort {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly writer: DocumentWriter,
    private readonly text: TextSearch,
  ) {}

  put(batch: DocumentToStore[]): Promise<PutResult[]> {
    return this.writer.put(batch);
  }

  recordRejections(rejections: Rejection[]): Promise<void> {
    return rejections.length ? this.writer.recordRejections(rejections) : Promise.resolve();
  }

  async existing(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += IDS_PER_QUERY) {
      const rows = await this.db.selectFrom('documents').select('id').where('id', 'in', ids.slice(i, i + IDS_PER_QUERY)).execute();
      for (const r of rows) found.add(r.id);
    }
    return found;
  }

  async get(id: string): Promise<StoredDocument | undefined> {
    const row = await this.db.selectFrom('documents').select(DOCUMENT_COLUMNS).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const sources = (
      await this.db
        .selectFrom('document_sources')
        .select(['ref', 'url', 'outlet', 'retrieved_at'])
        .where('doc_id', '=', id)
        .orderBy('retrieved_at')
        .orderBy('ref')
        .execute()
    ).map(toSource);
    return { ...toDocument(row, sources[0]!), sources };
  }

  async findIds(prefix: string, limit = 10): Promise<string[]> {
    if (!/^[0-9a-f]+$/.test(prefix)) return [];
    // A range rather than LIKE: both databases read it from the unique index on id.
    const rows = await this.db
      .selectFrom('documents')
      .select('id')
      .where('id', '>=', prefix)
      .where('id', '<', prefix + 'g')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async list(options: PageOptions = {}): Promise<DocumentSummary[]> {
    checkPage(options);
    const rows = await this.db
      .selectFrom('documents')
      .select([
        'id', 'title', 'outlet', 'url', 'published_at', 'language',
        sql<number>`length(text)`.as('chars'), sql.raw<string>(summaryHead()).as('head'),
      ])
      .orderBy(sql`coalesce(published_at, retrieved_at)`, 'desc')
      .orderBy('seq', 'desc')
      .limit(options.limit ?? 50)
      .offset(options.offset ?? 0)
      .execute();
    return rows.map(toSummary);
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    checkPage(options);
    return this.text.search(query, options);
  }

  async listRejections(options: { limit?: number } = {}): Promise<Rejection[]> {
    return this.db
      .selectFrom('rejections')
      .select(['ref', 'reason', 'at'])
      .orderBy('seq', 'desc')
      .limit(options.limit ?? 100)
      .execute();
  }
}
