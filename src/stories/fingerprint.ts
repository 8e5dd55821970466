// What tells copies of one text apart from other texts: the text with case, punctuation and spacing
// folded (exact copies), and a MinHash sketch of its word shingles (near-duplicates, syndicated and
// lightly edited copies), banded so that candidates are an index lookup rather than a comparison.

import { createHash } from 'node:crypto';

/** Hashes per sketch, and how they are banded: 16 bands of 4 make texts with Jaccard 0.6 candidates 9 times in 10, 0.3 one time in 8. */
export const MINHASH_SIZE = 64;
export const BAND_ROWS = 4;
/** Shingle length in words (in characters for text without spaces). */
const SHINGLE = 3;

const WORD = /[\p{L}\p{N}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;

/** The text as copy detection reads it: lower case, letters and digits only, one space between words. */
export function foldText(text: string): string {
  return (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).join(' ');
}

/** A short hash of the folded text: two texts with the same one are the same text. */
export function exactKey(text: string): string {
  return createHash('sha256').update(foldText(text), 'utf8').digest('hex').slice(0, 24);
}

/** Words, except that runs of unspaced script (Chinese, Japanese, Thai) are taken a character at a time. */
export function wordsOf(folded: string): string[] {
  const words: string[] = [];
  for (const w of folded.split(' ')) {
    if (!w) continue;
    if (UNSPACED.test(w)) for (const ch of w) words.push(ch);
    else words.push(w);
  }
  return words;
}

/** FNV-1a over a string's UTF-16 units: fast, and enough to spread shingles. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The fixed odd multipliers and offsets of the hash family, drawn once from a seeded generator. */
const FAMILY = (() => {
  let state = 0x9e3779b9;
  const next = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state;
  };
  const a = new Uint32Array(MINHASH_SIZE);
  const b = new Uint32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) {
    a[i] = next() | 1;
    b[i] = next();
  }
  return { a, b };
})();

/** The MinHash sketch of a text's shingles; empty when the text has too few words to shingle. */
export function minhash(words: readonly string[]): Uint32Array {
  const sketch = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  if (words.length < SHINGLE) return new Uint32Array(0);
  const { a, b } = FAMILY;
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const x = fnv1a(words[i]! + '\u0001' + words[i + 1]! + '\u0001' + words[i + 2]!);
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const h = (Math.imul(a[k]!, x) + b[k]!) >>> 0;
      if (h < sketch[k]!) sketch[k] = h;
    }
  }
  return sketch;
}

/** The share of hashes two sketches agree on: an estimate of their shingles' Jaccard similarity. */
export function sketchSimilarity(x: Uint32Array, y: Uint32Array): number {
  if (!x.length || x.length !== y.length) return 0;
  let same = 0;
  for (let k = 0; k < x.length; k++) if (x[k] === y[k]) same++;
  return same / x.length;
}

/** One key per band: texts that share any band key are near-duplicate candidates. */
export function bandKeys(sketch: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band * BAND_ROWS < sketch.length; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < BAND_ROWS; r++) {
      h ^= sketch[band * BAND_ROWS + r]!;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    keys.push(`${band.toString(36)}:${h.toString(36)}`);
  }
  return keys;
}

export function encodeSketch(sketch: Uint32Array): string {
  return Buffer.from(sketch.buffer, sketch.byteOffset, sketch.byteLength).toString('base64');
}

export function decodeSketch(text: string): Uint32Array {
  const bytes = Buffer.from(text, 'base64');
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return new Uint32Array(copy.buffer);
}
