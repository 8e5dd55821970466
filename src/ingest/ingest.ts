import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Document, Rejection } from '../model/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { DocumentToStore, Store } from '../store/store.js';
import { binaryReason } from './decode.js';
import { documentId } from './fingerprint.js';
import { expandInputs, type Input } from './inputs.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
import { fetchUrl, DEFAULT_FETCH_LIMITS } from './fetch.js';
import { readerFor, type ReadItem } from './readers/index.js';

export interface IngestProgress {
  bytesDone: number;
  bytesTotal: number;
  ingested: number;
  duplicates: number;
  rejected: number;
}

export interface IngestOptions {
  store: Store;
  /** Runs on each new document before it is stored; without it only the text is stored. */
  pipeline?: Pipeline;
  /** Documents per transaction. */
  batchSize?: number;
  limits?: IngestLimits;
  onProgress?: (progress: IngestProgress) => void;
  /** Clock, for reproducible tests. */
  now?: () => string;
}

export interface IngestSummary {
  ingested: number;
  duplicates: number;
  rejected: number;
  rejections: { ref: string; reason: string }[];
  /** Documents whose analysis failed: stored with their text, without extracted facts. */
  unanalyzed: { ref: string; reason: string }[];
  seconds: number;
}

/**
 * Reads files, folders and URLs into the store. Each batch is one transaction, and a document's id is
 * the hash of its text, so an ingest killed half-way and run again loses nothing and stores nothing twice.
 */
export async function ingest(args: string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const { store, pipeline } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const batchSize = options.batchSize ?? 200;
  const now = options.now ?? (() => new Date().toISOString());

  const expanded = await expandInputs(args);
  const summary: IngestSummary = { ingested: 0, duplicates: 0, rejected: 0, rejections: [], unanalyzed: [], seconds: 0 };
  const progress: IngestProgress = {
    bytesDone: 0,
    bytesTotal: expanded.inputs.reduce((n, i) => n + (i.kind === 'file' ? i.size : 0), 0),
    ingested: 0,
    duplicates: 0,
    rejected: 0,
  };
  let batch: Document[] = [];
  let pendingRejections: Rejection[] = [];

  const reject = (ref: string, reason: string) => {
    summary.rejections.push({ ref, reason });
    pendingRejections.push({ ref, reason, at: now() });
    progress.rejected = summary.rejections.length;
  };

  const flush = async () => {
    if (pendingRejections.length) {
      await store.recordRejections(pendingRejections);
      pendingRejections = [];
    }
    if (!batch.length) return;
    const toStore: DocumentToStore[] = [];
    const seen = new Set<string>();
    for (const document of batch) {
      const known = seen.has(document.id) || (await store.hasDocument(document.id));
      seen.add(document.id);
      toStore.push({ document, analysis: known ? undefined : analyzeSafely(document) });
    }
    for (const result of await store.putDocuments(toStore)) {
      if (result.status === 'ingested') summary.ingested++;
      else summary.duplicates++;
    }
    progress.ingested = summary.ingested;
    progress.duplicates = summary.duplicates;
    batch = [];
  };

  const analyzeSafely = (document: Document) => {
    if (!pipeline) return undefined;
    try {
      return pipeline.analyze(document);
    } catch (err) {
      summary.unanalyzed.push({ ref: document.source.ref, reason: (err as Error).message });
      return undefined;
    }
  };

  for (const r of expanded.rejections) reject(r.ref, r.reason);

  for (const input of expanded.inputs) {
    const size = input.kind === 'file' ? input.size : 0;
    const base = progress.bytesDone;
    const items = await readInput(input, limits, reject);
    for (let i = 0; i < items.length; i++) {
      const { ref, draft } = items[i];
      if (draft.text.trim().length < limits.minChars) {
        reject(ref, 'empty: no text');
        continue;
      }
      const retrievedAt = now();
      batch.push({
        ...draft,
        id: documentId(draft.text),
        retrievedAt,
        source: { ref, url: draft.url, outlet: draft.outlet, retrievedAt },
      });
      if (batch.length >= batchSize) await flush();
      progress.bytesDone = base + Math.round((size * (i + 1)) / items.length);
      options.onProgress?.(progress);
    }
    progress.bytesDone = base + size;
    options.onProgress?.(progress);
  }
  await flush();
  options.onProgress?.(progress);
  summary.rejected = summary.rejections.length;
  summary.seconds = Number(((performance.now() - started) / 1000).toFixed(3));
  return summary;
}

async function readInput(
  input: Input,
  limits: IngestLimits,
  reject: (ref: string, reason: string) => void,
): Promise<ReadItem[]> {
  let bytes: Uint8Array;
  let contentType: string | undefined;
  let name: string;
  if (input.kind === 'url') {
    try {
      const fetched = await fetchUrl(input.url, { ...DEFAULT_FETCH_LIMITS, maxBytes: limits.maxBytes });
      bytes = fetched.bytes;
      contentType = fetched.contentType;
      name = new URL(fetched.url).pathname;
    } catch (err) {
      reject(input.ref, (err as Error).message);
      return [];
    }
  } else {
    if (input.size > limits.maxBytes) {
      reject(input.ref, `too large: ${input.size} bytes, the limit is ${limits.maxBytes} (--max-bytes)`);
      return [];
    }
    try {
      bytes = await readFile(input.path);
    } catch (err) {
      reject(input.ref, `unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return [];
    }
    name = basename(input.path);
  }
  if (bytes.length === 0) {
    reject(input.ref, 'empty: 0 bytes');
    return [];
  }
  const binary = binaryReason(bytes);
  if (binary) {
    reject(input.ref, binary);
    return [];
  }
  const reader = readerFor(name, bytes, contentType);
  if (!reader) {
    reject(input.ref, `unsupported content type ${contentType}`);
    return [];
  }
  try {
    const outcome = await reader.read(bytes, input.ref);
    for (const r of outcome.rejections) reject(r.ref, r.reason);
    if (input.kind === 'url') for (const item of outcome.items) item.draft.url ??= input.url;
    return outcome.items;
  } catch (err) {
    reject(input.ref, `${reader.format} reader failed: ${(err as Error).message}`);
    return [];
  }
}
