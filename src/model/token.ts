import type { Span } from './span.js';

/**
 * Tokens of one text as parallel typed arrays (struct of arrays), so that hot
 * loops touch numbers, not objects. Token i covers text[starts[i], ends[i]).
 */
export interface TokenTable {
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
}

export interface Sentence extends Span {
  /** Index of the first token and one past the last token of the sentence. */
  tokenStart: number;
  tokenEnd: number;
}
