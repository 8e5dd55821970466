import type { Store } from './ports.js';

export type IdLookup = { id: string } | { missing: true } | { ambiguous: true };

/**
 * The document a typed id stands for: the whole id, or its first characters when only one document's
 * id starts with them (any case). The CLI and the API accept the same ids.
 */
export async function lookUpDocumentId(store: Store, typed: string): Promise<IdLookup> {
  const prefix = typed.trim().toLowerCase();
  if (!/^[0-9a-f]{1,64}$/.test(prefix)) return { missing: true };
  const ids = await store.documents.findIds(prefix, 2);
  if (ids.length === 1) return { id: ids[0] };
  return ids.length > 1 ? { ambiguous: true } : { missing: true };
}
