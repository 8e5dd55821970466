import type { Store } from '../store/index.js';
import { lookUpDocumentId } from '../store/document-ids.js';
import { CliError } from './errors.js';

/** A full document id from what the user typed: the whole id or an unambiguous prefix of it. */
export async function resolveDocumentId(store: Store, typed: string): Promise<string> {
  const found = await lookUpDocumentId(store, typed);
  if ('id' in found) return found.id;
  if ('ambiguous' in found) throw new CliError(`document id "${typed}" is ambiguous: type more of it`);
  throw new CliError(`no document with id "${typed}" in ${store.location}`);
}
