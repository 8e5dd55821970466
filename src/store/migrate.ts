import { Migrator, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Dialect } from './ports.js';
import { StoreError } from './errors.js';
import { migrationProvider } from './migrations.js';

/** Brings a store's schema up to date; several processes opening one PostgreSQL store at once take turns (Kysely's lock). */
export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect, location: string): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    await db.destroy();
    throw new StoreError(
      'migration',
      `cannot bring the store at ${location} up to date${failed ? ` (migration ${failed})` : ''}: ${(error as Error).message ?? String(error)}`,
      { cause: error },
    );
  }
}
