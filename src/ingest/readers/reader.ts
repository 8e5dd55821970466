import type { DocumentDraft, DocumentFormat } from '../../model/index.js';

export interface ReadItem {
  /** Where this draft came from: the file, or `file.jsonl#L12` for one record of many. */
  ref: string;
  draft: DocumentDraft;
}

export interface ReadOutcome {
  items: ReadItem[];
  rejections: { ref: string; reason: string }[];
}

/** Turns the bytes of one file or response into document drafts. Never throws on bad input: rejects instead. */
export interface Reader {
  format: DocumentFormat;
  read(bytes: Uint8Array, ref: string): ReadOutcome | Promise<ReadOutcome>;
}

export const single = (ref: string, draft: DocumentDraft): ReadOutcome => ({ items: [{ ref, draft }], rejections: [] });
export const rejected = (ref: string, reason: string): ReadOutcome => ({ items: [], rejections: [{ ref, reason }] });
