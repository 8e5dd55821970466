import { createHash } from 'node:crypto';

/** The form of a text that identity is computed on: Unicode NFC, runs of whitespace as one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A document's id: the first 24 hex digits of the SHA-256 of its normalized text. */
export function documentId(text: string): string {
  return createHash('sha256').update(normalizeText(text), 'utf8').digest('hex').slice(0, 24);
}
