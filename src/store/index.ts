import { StoreOpenError, type OpenOptions, type Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export type * from './store.js';
export { StoreOpenError, checkPage, MAX_PAGE_LIMIT } from './store.js';
export { SearchQueryError, parseSearchQuery, type SearchQuery } from './search-query.js';
export { encodeAnalysis, type EncodedAnalysis } from './encoded-analysis.js';

/** Opens the store at a location: a file path (SQLite) or, later, a postgres:// URL. Throws StoreOpenError. */
export async function openStore(location: string, options: OpenOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new StoreOpenError('the PostgreSQL backend is not built yet; use a SQLite file path');
  }
  return SqliteStore.open(location, options);
}
