import type { Store } from './ports.js';
import { openSqliteStore } from './sqlite/open.js';
import { openPostgresStore, isPostgresUrl } from './postgres/open.js';

export type * from './ports.js';
export type * from './relationship-ports.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export { encodeAnalysis, countryOfCode, type EncodedAnalysis } from './encoded-analysis.js';

export interface OpenStoreOptions {
  /** Create the store when it does not exist: commands that write (ingest, demo, watch) do; readers must not. */
  create?: boolean;
}

/** Opens the store at a location: a file path (SQLite, the embedded default) or a postgres:// URL. */
export function openStore(location: string, options: OpenStoreOptions = {}): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location) : openSqliteStore(location, options);
}
