import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database as Schema } from '../schema.js';
import { StoreError } from '../errors.js';
import { KyselyStore } from '../kysely-store.js';
import { LEGACY_VERSIONS } from '../migrations.js';
import { migrateToLatest } from '../migrate.js';
import { SqliteWriter } from './writer.js';
import { Fts5Search } from './search.js';

export interface OpenOptions {
  /** Create the store when it does not exist (ingest); otherwise a missing file is an error. */
  create?: boolean;
}

/** Opens (or creates) the embedded store: one SQLite file, brought up to the latest schema. */
export async function openSqliteStore(path: string, options: OpenOptions = {}): Promise<KyselyStore> {
  const location = path === ':memory:' ? path : resolve(path);
  if (location !== ':memory:') {
    if (!existsSync(location)) {
      if (!options.create) throw new StoreError('missing', `no store at ${location} (rift ingest creates one; check --db or RIFT_DB)`);
      mkdirSync(dirname(location), { recursive: true });
    }
  }
  let raw: Db;
  try {
    raw = new Database(location);
    // A reader must not turn some other file (an empty one, another program's database) into a store.
    if (!options.create && location !== ':memory:' && !hasTable(raw, 'documents')) {
      raw.close();
      throw new StoreError('missing', `${location} is not a Rift store (it has no documents table; check --db or RIFT_DB)`);
    }
    // 16 KB pages for a new database (the default is 4 KB): an analysis is stored as a few KB of JSON
    // beside the text, and larger pages halve the pages a batch rewrites. Ignored for an existing file.
    if (isEmpty(raw)) raw.pragma('page_size = 16384');
    raw.pragma('journal_mode = WAL');
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError('unavailable', `cannot open database ${location}: ${(err as Error).message}`, { cause: err });
  }
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): ingest inserts into indexes keyed by random document ids.
  raw.pragma('cache_size = -65536');
  adoptLegacyMigrations(raw);
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  await migrateToLatest(db, 'sqlite', location);
  return new KyselyStore({
    dialect: 'sqlite',
    location,
    db,
    writer: new SqliteWriter(raw, db),
    search: new Fts5Search(raw),
  });
}

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function isEmpty(db: Db): boolean {
  return db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0;
}

/**
 * Stores made before the schema moved to Kysely's migrator kept their versions in schema_migrations:
 * those versions are recorded as Kysely migrations, so that only the newer ones run.
 */
function adoptLegacyMigrations(db: Db): void {
  const legacy = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!legacy) return;
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS kysely_migration (name varchar(255) NOT NULL PRIMARY KEY, timestamp varchar(255) NOT NULL)`);
    const versions = db.prepare('SELECT version, applied_at FROM schema_migrations').all() as { version: number; applied_at: string }[];
    const insert = db.prepare('INSERT OR IGNORE INTO kysely_migration (name, timestamp) VALUES (?, ?)');
    for (const v of versions) {
      const name = LEGACY_VERSIONS[v.version];
      if (name) insert.run(name, v.applied_at);
    }
    db.exec('DROP TABLE schema_migrations');
  }).immediate();
}
