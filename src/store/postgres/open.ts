import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.js';
import { StoreError } from '../errors.js';
import { KyselyStore } from '../kysely-store.js';
import { migrateToLatest } from '../migrate.js';
import { PostgresWriter } from './writer.js';
import { PostgresSearch } from './search.js';

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The URL without its password, to show in messages and `store.location`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

/** Opens the store in a PostgreSQL database (which must exist), brought up to the latest schema. */
export async function openPostgresStore(url: string): Promise<KyselyStore> {
  const location = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its server (a restart) reports here; the pool replaces it on next use.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new StoreError('unavailable', `cannot reach PostgreSQL at ${location}: ${(err as Error).message}`, { cause: err });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  await migrateToLatest(db, 'postgres', location);
  return new KyselyStore({
    dialect: 'postgres',
    location,
    db,
    writer: new PostgresWriter(db),
    search: new PostgresSearch(db),
  });
}
