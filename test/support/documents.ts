import type { Document, DocumentDraft } from '../../src/model/index.js';
import { newDocument } from '../../src/app/document-factory.js';

/** Retrieval time of test documents: a document without a date of its own is read as of this day (assumed). */
export const TEST_RETRIEVED_AT = '2025-06-01T00:00:00Z';

/**
 * A plain-text document through the document factory, as ingest would make it: `publishedAt` is the source's
 * own date; `id` replaces the fingerprint where a test wants a short one.
 */
export function testDocument(text: string, fields: Partial<Omit<DocumentDraft, 'text'>> & { id?: string; retrievedAt?: string } = {}): Document {
  const { id, retrievedAt = TEST_RETRIEVED_AT, ...draft } = fields;
  const document = newDocument({ format: 'text', ...draft, text }, { ref: 't', retrievedAt });
  return id === undefined ? document : { ...document, id };
}
