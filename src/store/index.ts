import { CliError } from '../cli/errors.js';
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export type * from './store.js';
export { encodeAnalysis, type EncodedAnalysis } from './encoded-analysis.js';

/** Opens the store at a location: a file path (SQLite) or, later, a postgres:// URL. */
export async function openStore(location: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new CliError('the PostgreSQL backend is not built yet; use a SQLite file path');
  }
  return SqliteStore.open(location);
}
