import { after } from 'node:test';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/index.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from '../../src/store/postgres/ephemeral.js';

export { postgresUnavailable, startPostgres, type TestPostgres };

export type StoreSuite = (name: string, open: () => Promise<Store | undefined>, skip?: string) => void;

/**
 * Runs one suite of store tests twice: on a SQLite file in `dir`, and on a fresh database of a throwaway
 * PostgreSQL server (stopped after the file's tests), skipped with the reason where its binaries are absent.
 */
export function onBothStores(suite: StoreSuite, dir: string, file = 'store.db'): void {
  suite('SQLite', () => openStore(join(dir, file), { create: true }));
  const unavailable = postgresUnavailable();
  let pg: TestPostgres | undefined;
  after(() => pg?.stop());
  suite('PostgreSQL', async () => {
    pg = await startPostgres();
    return openStore(pg.newDatabase());
  }, unavailable ? `skipped: ${unavailable}` : undefined);
}
