import type { Document, DocumentDraft } from '../model/index.js';
import { documentId } from '../ingest/fingerprint.js';
import { settleLanguage } from '../ingest/language.js';
import { settleDate } from './document-date.js';

/** What the caller knows beside the draft: where it came from, when, and what the user said about it. */
export interface DocumentOrigin {
  /** File path, URL or `file.jsonl#L12` the text was read from. */
  ref: string;
  /** ISO 8601 date-time of retrieval (the assumed date when the document has no other). */
  retrievedAt: string;
  /** A date the user gave (`--date`, the API's `publishedAt`): wins over the draft's. */
  date?: string;
  /** A language the user gave (ISO 639-1): wins over the draft's and is never second-guessed. */
  language?: string;
}

/**
 * A document from a draft, without its language settled: its id (the fingerprint of its text), its one
 * date and where that came from, its source. Ingest settles the language where it analyses (in worker
 * threads, many at once: see analyzeDocument); every other caller wants makeDocument.
 */
export function newDocument(draft: DocumentDraft, origin: DocumentOrigin): Document {
  const { dateSource, ...rest } = draft;
  return {
    ...rest,
    language: origin.language || draft.language,
    id: documentId(draft.text),
    retrievedAt: origin.retrievedAt,
    date: settleDate({ given: origin.date, published: draft.publishedAt, publishedSource: dateSource, retrievedAt: origin.retrievedAt }),
    source: { ref: origin.ref, url: draft.url, outlet: draft.outlet, retrievedAt: origin.retrievedAt },
  };
}

/** A document ready for the pipeline: newDocument, with its language detected when nobody gave one. */
export async function makeDocument(draft: DocumentDraft, origin: DocumentOrigin): Promise<Document> {
  const document = newDocument(draft, origin);
  await settleLanguage(document);
  return document;
}
