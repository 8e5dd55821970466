export interface IngestLimits {
  /** Largest file or fetched body accepted, in bytes. */
  maxBytes: number;
  /** Fewest characters of text a document must keep after reading. */
  minChars: number;
  /** Time budget per file read and per document analysis, in ms (enforced in worker threads only). */
  timeoutMs: number;
  /** Longest text stored as one document, in characters; longer ones are stored in parts (see splitIntoParts). */
  maxDocumentChars: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 50 * 1024 * 1024,
  minChars: 1,
  timeoutMs: 60_000,
  maxDocumentChars: 200_000, // DEFAULT_MAX_DOCUMENT_CHARS (parts.ts)
};
