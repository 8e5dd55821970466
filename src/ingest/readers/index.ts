import { extname } from 'node:path';
import type { Reader } from './reader.js';
import { textReader } from './text.js';
import { htmlReader } from './html.js';
import { jsonlReader } from './jsonl.js';

export type { Reader, ReadItem, ReadOutcome } from './reader.js';

const BY_EXTENSION: Record<string, Reader> = {
  '.txt': textReader,
  '.text': textReader,
  '.md': textReader,
  '.html': htmlReader,
  '.htm': htmlReader,
  '.xhtml': htmlReader,
  '.jsonl': jsonlReader,
  '.ndjson': jsonlReader,
};

/** The reader for a file: by its extension, else by a look at its first bytes; undefined when none fits. */
export function readerFor(name: string, head: Uint8Array, contentType?: string): Reader | undefined {
  if (contentType?.includes('html')) return htmlReader;
  const byExt = BY_EXTENSION[extname(name).toLowerCase()];
  if (byExt) return byExt;
  const start = new TextDecoder().decode(head.subarray(0, 512)).trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return htmlReader;
  if (contentType && !contentType.startsWith('text/')) return undefined;
  return textReader;
}
