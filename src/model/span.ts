/**
 * A half-open range [start, end) of UTF-16 code units in `Document.text`,
 * which is what JavaScript strings index. Every stored fact carries one.
 */
export interface Span {
  start: number;
  end: number;
}

/** A span with the document it belongs to and the text it covers, as stored and exported. */
export interface Evidence extends Span {
  docId: string;
  text: string;
}
