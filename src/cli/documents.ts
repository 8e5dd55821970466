import type { Store } from '../store/index.js';
import { CliError } from './errors.js';

/** A full document id from what the user typed: the whole id or an unambiguous prefix of it. */
export async function resolveDocumentId(store: Store, typed: string): Promise<string> {
  const ids = await store.documents.findIds(typed.toLowerCase(), 2);
  if (ids.length === 1) return ids[0];
  if (ids.length > 1) throw new CliError(`document id "${typed}" is ambiguous: type more of it`);
  throw new CliError(`no document with id "${typed}" in ${store.location}`);
}
