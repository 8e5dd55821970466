import type { AddressInfo } from 'node:net';
import { buildServer, type ServerOptions } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { documentId } from '../../src/ingest/index.js';
import type { Document } from '../../src/model/index.js';
import type { EncodedAnalysis } from '../../src/store/index.js';

/** A document as a test stores it: id from the text, a fixed retrieval date. */
export function testDocument(text: string, fields: Partial<Document> = {}): Document {
  return {
    id: documentId(text),
    text,
    format: 'text',
    language: 'en',
    retrievedAt: '2025-06-10T00:00:00Z',
    source: { ref: `test#${documentId(text).slice(0, 6)}`, retrievedAt: '2025-06-10T00:00:00Z' },
    ...fields,
  };
}

/** A store in memory holding the given documents (and analyses). */
export async function memoryStore(items: { document: Document; analysis?: EncodedAnalysis }[]): Promise<SqliteStore> {
  const store = await SqliteStore.open(':memory:');
  await store.putDocuments(items);
  return store;
}

/** The API over a store, listening on a free port of 127.0.0.1; `base` is its URL. */
export async function startServer(store: SqliteStore, options?: ServerOptions): Promise<{ base: string; port: number; close: () => Promise<void> }> {
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
