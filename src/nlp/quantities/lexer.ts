// The small lexer under the number and time scanners: one pass over the UTF-16 code units into
// parallel typed arrays (words, digit runs, single punctuation marks), each word hashed on the fly
// and looked up in the value lexicon. Its own, not the pipeline tokenizer's: the grammars here want
// "$240bn" as $ / 240 / bn and "2025-06-09" as 2025 / - / 06 / - / 09, and must run on bare text.

import { entries, hashStep, HASH_SEED, lookupHash } from './lexicon.js';

export const WORD = 1;
export const NUM = 2;
export const PUNCT = 3;

/** Shape bits. */
export const CAPITALIZED = 1;
export const ALL_CAPS = 2;
/** Whitespace (or the start of the text) comes right before the token. */
export const SPACED = 4;
/** A line break is in the whitespace before the token. */
export const NEW_LINE = 8;
/** A blank line (two line breaks or more) is in the whitespace before the token. */
export const PARAGRAPH = 64;
/** A number written with thousands separators (155,221). */
export const GROUPED = 16;
/** A number with a decimal part (5.93). */
export const DECIMAL = 32;

export interface ValueTokens {
  text: string;
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  kinds: Uint8Array;
  shapes: Uint8Array;
  /** Index into the lexicon's entries, or −1. */
  entries: Int32Array;
}

const MAX_HASHED_WORD = 24;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false; // punctuation, symbols, arrows, currency signs
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xfe30 && c <= 0xfe6f) return false;
  if (c >= 0xff00 && c <= 0xff20) return false;
  return !isSpace(c);
}

function isUpper(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x400 && c <= 0x42f) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

export function lowerCode(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c | 0x20;
  if (c < 0xc0) return c;
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;
  if (c <= 0xde && c !== 0xd7) return c + 0x20;
  return c;
}

// The tests above as one table lookup per code unit (charCodeAt below n is always a code unit).
const SPACE_BIT = 1;
const DIGIT_BIT = 2;
const LETTER_BIT = 4;
const UPPER_BIT = 8;
const CHAR_BITS = new Uint8Array(65536);
const LOWER = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) {
  CHAR_BITS[c] = (isSpace(c) ? SPACE_BIT : 0) | (isDigit(c) ? DIGIT_BIT : 0) | (isLetter(c) ? LETTER_BIT : 0) | (isUpper(c) ? UPPER_BIT : 0);
  LOWER[c] = lowerCode(c);
}

let capacity = 0;
const tokens: ValueTokens = {
  text: '',
  count: 0,
  starts: new Int32Array(0),
  ends: new Int32Array(0),
  kinds: new Uint8Array(0),
  shapes: new Uint8Array(0),
  entries: new Int32Array(0),
};

function ensureCapacity(n: number): void {
  if (n <= capacity) return;
  capacity = Math.max(n, capacity * 2, 1024);
  tokens.starts = new Int32Array(capacity);
  tokens.ends = new Int32Array(capacity);
  tokens.kinds = new Uint8Array(capacity);
  tokens.shapes = new Uint8Array(capacity);
  tokens.entries = new Int32Array(capacity);
}

function matches(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if (lowerCode(text.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Lexes text into the module's shared token buffers and returns them: valid until the next call.
 * The scanners that use it are synchronous, so one set of buffers serves every call; called again
 * with the same text, it returns them as they are.
 */
export function lexValues(text: string): ValueTokens {
  // extractTimes and extractQuantities on the same text lex it once
  if (text === tokens.text && tokens.count > 0) return tokens;
  const n = text.length;
  // A token needs at least one code unit, so n + 1 slots always suffice; grow lazily for long texts.
  ensureCapacity(Math.min(n + 1, Math.max(1024, n >> 1)));
  const t = tokens;
  let count = 0;
  let spaced = SPACED;
  let newLine = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const bits = CHAR_BITS[c];
    if (bits & SPACE_BIT) {
      spaced = SPACED;
      if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) newLine = newLine ? NEW_LINE | PARAGRAPH : NEW_LINE;
      i++;
      continue;
    }
    if (count >= capacity) {
      const old = t;
      const keep = { starts: old.starts, ends: old.ends, kinds: old.kinds, shapes: old.shapes, entries: old.entries };
      ensureCapacity(Math.min(n + 1, capacity * 2));
      t.starts.set(keep.starts);
      t.ends.set(keep.ends);
      t.kinds.set(keep.kinds);
      t.shapes.set(keep.shapes);
      t.entries.set(keep.entries);
    }
    const start = i;
    let shape = spaced | newLine;
    let kind: number;
    let entry = -1;
    if (bits & DIGIT_BIT) {
      kind = NUM;
      i++;
      while (i < n && CHAR_BITS[text.charCodeAt(i)] & DIGIT_BIT) i++;
      // thousands groups: ",ddd" not followed by another digit
      while (
        i + 3 < n && text.charCodeAt(i) === 0x2c && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) &&
        isDigit(text.charCodeAt(i + 3)) && !(i + 4 < n && isDigit(text.charCodeAt(i + 4)))
      ) {
        i += 4;
        shape |= GROUPED;
      }
      if (i + 1 < n && text.charCodeAt(i) === 0x2e && isDigit(text.charCodeAt(i + 1))) {
        i += 2;
        while (i < n && isDigit(text.charCodeAt(i))) i++;
        shape |= DECIMAL;
      }
    } else if (bits & LETTER_BIT) {
      kind = WORD;
      let hash = HASH_SEED;
      let upper = 0;
      let letters = 0;
      if (bits & UPPER_BIT) shape |= CAPITALIZED;
      while (i < n) {
        const d = text.charCodeAt(i);
        const dBits = CHAR_BITS[d];
        if ((dBits & LETTER_BIT) === 0) break;
        if (dBits & UPPER_BIT) upper++;
        hash = hashStep(hash, LOWER[d]);
        letters++;
        i++;
      }
      if (upper === letters && letters > 1) shape |= ALL_CAPS;
      if (letters <= MAX_HASHED_WORD) {
        const e = lookupHash(hash);
        if (e >= 0 && matches(text, start, i, entries[e]!.word)) entry = e;
      }
    } else {
      kind = PUNCT;
      i++;
    }
    t.starts[count] = start;
    t.ends[count] = i;
    t.kinds[count] = kind;
    t.shapes[count] = shape;
    t.entries[count] = entry;
    count++;
    spaced = 0;
    newLine = 0;
  }
  t.text = text;
  t.count = count;
  return t;
}
