import { binaryReason } from './decode.js';
import { isBinaryFormat, readerFor, type ReadOutcome } from './readers/index.js';

/** One file's or response's bytes, and what is known about them. Plain data: it crosses into worker threads. */
export interface ReadRequest {
  ref: string;
  /** File name or URL path: its extension helps pick the reader. */
  name: string;
  bytes: Uint8Array;
  contentType?: string;
  /** The URL the bytes were fetched from, for drafts that do not name their own. */
  url?: string;
}

/**
 * Bytes to drafts: picks the reader, checks the bytes suit it, reads. Never throws: every failure is a
 * rejection with its reason. (Languages are settled later, for new documents only: see settleLanguage.)
 */
export async function readRequest(req: ReadRequest): Promise<ReadOutcome> {
  const { ref, bytes } = req;
  if (bytes.length === 0) return { items: [], rejections: [{ ref, reason: 'empty: 0 bytes' }] };
  const reader = readerFor(req.name, bytes, req.contentType);
  if (!reader) return { items: [], rejections: [{ ref, reason: `unsupported content type ${req.contentType}` }] };
  if (!isBinaryFormat(reader)) {
    const binary = binaryReason(bytes);
    if (binary) return { items: [], rejections: [{ ref, reason: binary }] };
  }
  let outcome: ReadOutcome;
  try {
    outcome = await reader.read(bytes, ref);
  } catch (err) {
    return { items: [], rejections: [{ ref, reason: `${reader.format} reader failed: ${(err as Error).message}` }] };
  }
  if (req.url) for (const { draft } of outcome.items) draft.url ??= req.url;
  return outcome;
}
