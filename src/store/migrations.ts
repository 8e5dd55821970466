import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './ports.js';
import { relationshipsMigration } from './relationships-migration.js';

/**
 * The schema, as Kysely migrations: append, never edit. Each runs once, in order, in a transaction.
 * Tables and plain indexes are written once with Kysely's schema builder for both databases; what only
 * one database has (SQLite's FTS5 tables, PostgreSQL's tsvector and trigram indexes) is written per dialect.
 */
/** Punctuation, as a PostgreSQL regular expression: ASCII's and the common typographic and CJK marks. */
const SEPARATORS = '[][\\\\^_`!-/:-@{-~«»“”„‘’‚‹›–—…·•¡¿、。，：；！？（）【】《》「」『』]+';

type Step = (db: Kysely<any>, dialect: Dialect) => Promise<void>;

const STEPS: [name: string, up: Step][] = [
  ['0001-documents', async (db, dialect) => {
    await db.schema
      .createTable('documents').ifNotExists()
      .addColumn('seq', 'integer', (c) => (dialect === 'postgres' ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey()))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('url', 'text')
      .addColumn('outlet', 'text')
      .addColumn('title', 'text')
      .addColumn('byline', 'text')
      .addColumn('published_at', 'text')
      .addColumn('retrieved_at', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('marking', 'text')
      .addColumn('story_id', 'text')
      .addColumn('duplicate_of', 'text')
      .addColumn('extra', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('documents_published').ifNotExists().on('documents').column('published_at').execute();
    await db.schema.createIndex('documents_outlet').ifNotExists().on('documents').column('outlet').execute();
    await db.schema
      .createTable('document_sources').ifNotExists()
      .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      .addColumn('outlet', 'text')
      .addColumn('retrieved_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('document_sources_pk', ['doc_id', 'ref'])
      .execute();
    await db.schema.createIndex('document_sources_ref').ifNotExists().on('document_sources').column('ref').execute();
    await db.schema
      .createTable('rejections').ifNotExists()
      .addColumn('seq', 'integer', (c) => (dialect === 'postgres' ? c.generatedByDefaultAsIdentity().primaryKey() : c.primaryKey()))
      .addColumn('ref', 'text', (c) => c.notNull().unique())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
        title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2')`.execute(db);
    } else {
      // Words as FTS5's unicode61 tokenizer reads them: no stemming, case and diacritics folded, punctuation
      // a separator (so "US$240.1" holds the word 240, and "«Feind»" the word feind, as in SQLite) — an explicit
      // list rather than [[:punct:]], whose meaning depends on the database's locale. unaccent() is not
      // immutable, so a wrapper that pins its dictionary makes it usable in a generated column. Only the first
      // 200,000 characters are indexed: a tsvector is capped at 1 MB.
      await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
      await sql`CREATE OR REPLACE FUNCTION rift_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, t)), ${sql.lit(SEPARATORS)}, ' ', 'g') $$`.execute(db);
      await sql`ALTER TABLE documents ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple'::regconfig, rift_fold(coalesce(title, ''))), 'A') ||
        setweight(to_tsvector('simple'::regconfig, rift_fold(left(text, 200000))), 'B')) STORED`.execute(db);
      await sql`CREATE INDEX documents_search ON documents USING gin (search)`.execute(db);
    }
  }],
  ['0002-analyses', async (db) => {
    await db.schema
      .createTable('analyses').ifNotExists()
      .addColumn('doc_id', 'text', (c) => c.primaryKey().references('documents.id'))
      .addColumn('pipeline', 'text', (c) => c.notNull())
      .addColumn('layers', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('mentions').ifNotExists()
      .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text')
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('mentions_pk', ['doc_id', 'start', 'end', 'kind'])
      .execute();
    await db.schema.createIndex('mentions_actor').ifNotExists().on('mentions').column('actor_id').execute();
    await db.schema
      .createTable('events').ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .addColumn('sources', 'text', (c) => c.notNull())
      .addColumn('targets', 'text', (c) => c.notNull())
      .addColumn('plover_type', 'text', (c) => c.notNull())
      .addColumn('plover_mode', 'text')
      .addColumn('cameo', 'text', (c) => c.notNull())
      .addColumn('goldstein', 'double precision', (c) => c.notNull())
      .addColumn('quad_class', 'integer', (c) => c.notNull())
      .addColumn('modality', 'text', (c) => c.notNull())
      .addColumn('time_from', 'text')
      .addColumn('time_to', 'text')
      .addColumn('confidence', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_doc').ifNotExists().on('events').column('doc_id').execute();
    await db.schema
      .createTable('claims').ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
      .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('speaker', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('certainty', 'double precision', (c) => c.notNull())
      .addColumn('icd', 'text', (c) => c.notNull())
      .addColumn('start', 'integer', (c) => c.notNull())
      .addColumn('end', 'integer', (c) => c.notNull())
      .execute();
  }],
  ['0003-feed-state', async (db) => {
    await db.schema
      .createTable('feed_state').ifNotExists()
      .addColumn('url', 'text', (c) => c.primaryKey())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('seen', 'text', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .execute();
  }],
  ['0004-unspaced-text-search', async (db, dialect) => {
    if (dialect === 'sqlite') {
      await sql`CREATE VIRTUAL TABLE IF NOT EXISTS documents_cjk USING fts5(text, content='documents', content_rowid='seq', tokenize='trigram')`.execute(db);
      await sql`INSERT INTO documents_cjk (rowid, text) SELECT seq, text FROM documents
        WHERE text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*' AND seq NOT IN (SELECT rowid FROM documents_cjk)`.execute(db);
    } else {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
      await sql`CREATE INDEX documents_trigrams ON documents USING gin (text gin_trgm_ops)`.execute(db);
    }
  }],
  ['0005-dates-versions-event-actors', async (db, dialect) => {
    await db.schema.alterTable('documents').addColumn('date_day', 'text').execute();
    await db.schema.alterTable('documents').addColumn('date_source', 'text').execute();
    await db.schema.createIndex('documents_date').on('documents').column('date_day').execute();
    if (dialect === 'sqlite') {
      // Documents stored before: the date part of an ISO published_at (a month as its 15th, a year as 1 July,
      // as the document factory reads them), else the retrieval day, assumed.
      await sql`UPDATE documents SET
        date_day = CASE
          WHEN published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' THEN substr(published_at, 1, 10)
          WHEN published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' THEN published_at || '-15'
          WHEN published_at GLOB '[0-9][0-9][0-9][0-9]' THEN published_at || '-07-01'
          ELSE substr(retrieved_at, 1, 10) END,
        date_source = CASE
          WHEN published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'
            OR published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
            OR published_at GLOB '[0-9][0-9][0-9][0-9]' THEN 'published'
          ELSE 'assumed' END`.execute(db);
    }
    await db.schema.alterTable('analyses').addColumn('versions', 'text', (c) => c.notNull().defaultTo('{}')).execute();
    await db.schema.alterTable('analyses').dropColumn('pipeline').execute();
    await db.schema.alterTable('events').addColumn('time_precision', 'text').execute();
    await db.schema.alterTable('events').addColumn('time_basis', 'text').execute();
    await db.schema
      .createTable('event_actors')
      .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
      .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id'))
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('country', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('time_from', 'text')
      .addColumn('time_to', 'text')
      .addPrimaryKeyConstraint('event_actors_pk', ['event_id', 'role', 'actor_id'])
      // In SQLite the primary key is the table (one b-tree fewer to write per row).
      .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
      .execute();
    // "Events between A and B from t1 to t2": one range of each index per side, joined on the event.
    await db.schema.createIndex('event_actors_actor').on('event_actors').columns(['actor_id', 'time_from', 'event_id']).execute();
    await db.schema.createIndex('event_actors_country').on('event_actors').columns(['country', 'time_from', 'event_id']).execute();
    await db.schema.createIndex('claims_event').on('claims').column('event_id').execute();
    await db.schema.createIndex('claims_doc').on('claims').column('doc_id').execute();
    if (dialect === 'sqlite') {
      // Stores made before this migration: their events' actors, from the JSON lists.
      await sql`INSERT OR IGNORE INTO event_actors (event_id, doc_id, actor_id, country, role, time_from, time_to)
        SELECT e.id, e.doc_id, j.value,
               CASE WHEN j.value GLOB '[A-Z][A-Z][A-Z]*' AND substr(j.value, 1, 3) NOT IN ('IGO','NGO','MNC','IMG','UIS','REB','INS','OPP')
                    THEN substr(j.value, 1, 3) END,
               r.role, e.time_from, e.time_to
        FROM events e
        JOIN (SELECT 'source' AS role UNION ALL SELECT 'target') r
        JOIN json_each(CASE r.role WHEN 'source' THEN e.sources ELSE e.targets END) j`.execute(db);
    }
  }],
  ['0006-relationships', relationshipsMigration],
  ['0007-stories', async (db, dialect) => {
    await db.schema
      .createTable('stories')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('representative', 'text', (c) => c.notNull())
      .addColumn('documents', 'integer', (c) => c.notNull())
      .addColumn('sources', 'integer', (c) => c.notNull())
      .addColumn('outlets', 'text', (c) => c.notNull())
      .addColumn('languages', 'text', (c) => c.notNull())
      .addColumn('first_report', 'text')
      .addColumn('last_report', 'text')
      .addColumn('facts', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.createIndex('stories_size').on('stories').columns(['documents', 'last_report']).execute();
    await db.schema
      .createTable('story_members')
      .addColumn('doc_id', 'text', (c) => c.primaryKey().references('documents.id'))
      .addColumn('story_id', 'text', (c) => c.notNull())
      .addColumn('copy_of', 'text')
      .addColumn('match', 'text', (c) => c.notNull())
      .addColumn('score', 'double precision', (c) => c.notNull())
      .addColumn('outlet', 'text')
      .addColumn('language', 'text')
      .addColumn('day', 'text')
      .addColumn('exact', 'text', (c) => c.notNull())
      .addColumn('sketch', 'text', (c) => c.notNull())
      .addColumn('weight', 'double precision', (c) => c.notNull())
      .addColumn('evidence_weight', 'double precision', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('story_members_story').on('story_members').column('story_id').execute();
    await db.schema.createIndex('story_members_exact').on('story_members').column('exact').execute();
    // Postings lists: a band or key, then the documents under it; in SQLite the primary key is the table.
    for (const [table, column] of [['story_bands', 'band'], ['story_keys', 'key']] as const) {
      await db.schema
        .createTable(table)
        .addColumn(column, 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint(`${table}_pk`, [column, 'doc_id'])
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      await db.schema.createIndex(`${table}_doc`).on(table).column('doc_id').execute();
    }
    await db.schema
      .createTable('story_key_counts')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('n', 'integer', (c) => c.notNull())
      .execute();
  }],
];

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return {
    async getMigrations() {
      const migrations: Record<string, Migration> = {};
      for (const [name, up] of STEPS) migrations[name] = { up: (db) => up(db, dialect) };
      return migrations;
    },
  };
}

/** The migration names the schema_migrations table of stores made before Kysely stood for. */
export const LEGACY_VERSIONS: Record<number, string> = {
  1: '0001-documents',
  2: '0002-analyses',
  3: '0003-feed-state',
  4: '0004-unspaced-text-search',
};
