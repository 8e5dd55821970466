import type { TokenAttributes } from '../features/attributes.js';
import { foldCode } from '../features/attributes.js';
import { HASH_START, step } from '../features/hash.js';

/** Everything the taggers read about one text: its tokens, their attributes, and the layers so far. */
export interface TagContext {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
  attrs: TokenAttributes;
  /** Gazetteer bits per token (see Gazetteer.match). */
  gazetteer: Int32Array;
  /** Per token, the lists its whole run of capitalized words is on, as a name (0 when none). */
  runLists: Int32Array;
  /** Word cluster per token: (coarse+1) << 20 | (middle+1) << 10 | (fine+1); 0 when the word has none. */
  clusters: Int32Array;
  /** Part-of-speech tag ids, once the tagger ran. */
  pos: Uint8Array;
}

// Stand-ins for the attributes of positions before and after the sentence.
export const BEFORE = [0x1b1e5f01, 0x1b1e5f02];
export const AFTER = [0x1b1e5f03, 0x1b1e5f04];

/** arr[i] when i is inside [s, e), else a padding value for the distance outside. */
export function at(arr: Int32Array, i: number, s: number, e: number): number {
  if (i < s) return BEFORE[Math.min(1, s - i - 1)];
  if (i >= e) return AFTER[Math.min(1, i - e)];
  return arr[i];
}

/** Hashes of the first k (prefix) or last k (suffix) folded characters of a token, k = 1..4. */
export function affixes(text: string, start: number, end: number, prefix: Int32Array, suffix: Int32Array): void {
  let h = HASH_START;
  for (let k = 0; k < 4; k++) {
    if (start + k < end) h = step(h, foldCode(text.charCodeAt(start + k)));
    prefix[k] = h | 0;
  }
  h = HASH_START;
  for (let k = 0; k < 4; k++) {
    if (end - 1 - k >= start) h = step(h, foldCode(text.charCodeAt(end - 1 - k)));
    suffix[k] = h | 0;
  }
}
