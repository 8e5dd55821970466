import type { AddressInfo } from 'node:net';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import { openStore, type DocumentToStore, type EncodedAnalysis, type Store } from '../../src/store/index.js';

export { testDocument } from './documents.js';

/** A store in memory holding the given documents (and analyses). */
export async function memoryStore(items: DocumentToStore[]): Promise<Store> {
  const store = await openStore(':memory:');
  await store.documents.put(items);
  return store;
}

/** Stored layers as the store writes them, without rows for the tables queried across documents. */
export function layersOnly(docId: string, layers: object): EncodedAnalysis {
  return { docId, layers: JSON.stringify(layers), versions: '{}', mentions: [], events: [], eventActors: [], claims: [] };
}

/** The API over a store, listening on a free port of 127.0.0.1; `base` is its URL. */
export async function startServer(store: Store, options?: ServerOptions): Promise<{ base: string; port: number; close: () => Promise<void> }> {
  const app = buildServer(store, options);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port, close: () => app.close() };
}

/** True when a body is the API's one error shape with this status. */
export function isErrorBody(body: unknown, status: number): boolean {
  const e = (body as { error?: Record<string, unknown> })?.error;
  return (
    !!e && typeof e === 'object' && e.status === status && typeof e.code === 'string' && /^[a-z_]+$/.test(e.code as string) &&
    typeof e.message === 'string' && (e.message as string).length > 0 && Object.keys(body as object).length === 1
  );
}
