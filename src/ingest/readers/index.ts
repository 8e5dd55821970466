import { extname } from 'node:path';
import type { Reader } from './reader.js';
import { textReader } from './text.js';
import { htmlReader } from './html.js';
import { jsonlReader } from './jsonl.js';
import { pdfReader } from './pdf.js';
import { feedReader } from './feed.js';
import { emailReader } from './email.js';

export type { Reader, ReadItem, ReadOutcome } from './reader.js';
export { textReader, htmlReader, jsonlReader, pdfReader, feedReader, emailReader };

/** Every reader, one per format family (the feed reader covers RSS and Atom). */
export const readers: readonly Reader[] = [textReader, htmlReader, jsonlReader, pdfReader, feedReader, emailReader];

const BY_EXTENSION: Record<string, Reader> = {
  '.txt': textReader,
  '.text': textReader,
  '.md': textReader,
  '.html': htmlReader,
  '.htm': htmlReader,
  '.xhtml': htmlReader,
  '.jsonl': jsonlReader,
  '.ndjson': jsonlReader,
  '.pdf': pdfReader,
  '.rss': feedReader,
  '.atom': feedReader,
  '.eml': emailReader,
};

/** Readers whose input is binary; the others get the binary-content check first. */
export const isBinaryFormat = (reader: Reader): boolean => reader === pdfReader;

const EMAIL_HEADER = /^(return-path|received|delivered-to|from|to|message-id|mime-version|date|subject|x-[\w-]+):/i;

/**
 * The reader for a file or response. The bytes' own signature wins over the name (a PDF saved as .txt is
 * still a PDF); then a specific Content-Type; then the extension; then a look at the first bytes; text last.
 * Undefined when a server declares a type no reader takes.
 */
export function readerFor(name: string, head: Uint8Array, contentType?: string): Reader | undefined {
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46 && head[4] === 0x2d) return pdfReader; // %PDF-
  const start = new TextDecoder().decode(head.subarray(0, 1024)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  const looksLikeFeed = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype[^>]*>\s*)?<(rss|feed|rdf:rdf)[\s>]/.test(start);
  const type = contentType?.split(';')[0].trim().toLowerCase();
  if (type) {
    if (type.includes('html')) return htmlReader;
    if (type === 'application/pdf') return pdfReader;
    if (type.includes('rss') || type.includes('atom') || (type.endsWith('xml') && looksLikeFeed)) return feedReader;
    if (type === 'message/rfc822') return emailReader;
    if (type.includes('ndjson') || type.includes('jsonl') || type.includes('json-seq')) return jsonlReader;
  }
  const ext = extname(name).toLowerCase();
  const byExt = BY_EXTENSION[ext];
  if (byExt) return byExt;
  if (looksLikeFeed) return feedReader;
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return htmlReader;
  if (type && !type.startsWith('text/') && type !== 'application/octet-stream') return undefined;
  if (ext !== '.xml' && EMAIL_HEADER.test(start) && /\r?\n\r?\n/.test(start)) return emailReader;
  return textReader;
}
