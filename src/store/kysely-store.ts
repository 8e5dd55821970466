import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect, Store, StoreStats } from './ports.js';
import { KyselyDocuments, type DocumentWriter, type TextSearch } from './documents.js';
import { KyselyAnalyses, type AnalysisWriter } from './analyses.js';
import { KyselyFeeds } from './feeds.js';
import { KyselyStories } from './stories.js';
import { KyselyRelationships } from './relationships.js';

/** What a database brings to the store: its Kysely instance, its write path and its text search. */
export interface Backend {
  dialect: Dialect;
  location: string;
  db: Kysely<Database>;
  writer: DocumentWriter & AnalysisWriter;
  search: TextSearch;
}

/** A store over one database: the ports share the Kysely instance; only writes and text search differ per database. */
export class KyselyStore implements Store {
  readonly location: string;
  readonly dialect: Dialect;
  readonly documents: KyselyDocuments;
  readonly analyses: KyselyAnalyses;
  readonly feeds: KyselyFeeds;
  readonly stories: KyselyStories;
  readonly relationships: KyselyRelationships;
  private readonly db: Kysely<Database>;

  constructor(backend: Backend) {
    this.location = backend.location;
    this.dialect = backend.dialect;
    this.db = backend.db;
    this.documents = new KyselyDocuments(backend.db, backend.writer, backend.search);
    this.analyses = new KyselyAnalyses(backend.db, backend.writer);
    this.feeds = new KyselyFeeds(backend.db);
    this.stories = new KyselyStories(backend.db);
    this.relationships = new KyselyRelationships(backend.db);
  }

  async stats(): Promise<StoreStats> {
    const count = async (table: 'documents' | 'document_sources' | 'rejections' | 'mentions' | 'events') => {
      const row = await this.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    };
    return {
      documents: await count('documents'),
      sources: await count('document_sources'),
      rejections: await count('rejections'),
      mentions: await count('mentions'),
      events: await count('events'),
    };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
