import { charClass, lowerCode, UPPER, LETTER, DIGIT, IDEOGRAPH, MARK } from '../chars.js';
import { HASH_START, step } from './hash.js';

// What the taggers know about each token, computed once per text as parallel typed arrays.

export const F_INIT_UPPER = 1;
export const F_ALL_UPPER = 2;
export const F_HAS_DIGIT = 4;
export const F_ALL_DIGIT = 8;
export const F_HAS_HYPHEN = 16;
export const F_NO_WORD_CHAR = 32;
export const F_HAS_PERIOD = 64;
export const F_HAS_LOWER = 128;
export const F_HAS_UPPER = 256;

export interface TokenAttributes {
  count: number;
  /** Hash of the exact characters. */
  word: Int32Array;
  /** Hash of the lower-cased characters with every digit as 0. */
  lower: Int32Array;
  /** Hash of the collapsed word shape: Xx, X.X., d,d, x-Xx. */
  shape: Int32Array;
  /** Hash of the last three lower-cased characters. */
  suffix3: Int32Array;
  flags: Uint16Array;
}

function shapeClass(c: number): number {
  const cls = charClass(c);
  if (cls === UPPER) return 0x58; // X
  if (cls === LETTER || cls === MARK || cls === IDEOGRAPH) return 0x78; // x
  if (cls === DIGIT) return 0x64; // d
  return c;
}

/** Lower-cased code unit with digits folded to 0. */
export function foldCode(c: number): number {
  return charClass(c) === DIGIT ? 0x30 : lowerCode(c);
}

export function lowerHashOf(text: string, start: number, end: number): number {
  let h = HASH_START;
  for (let k = start; k < end; k++) h = step(h, foldCode(text.charCodeAt(k)));
  return h | 0;
}

export function computeAttributes(text: string, starts: Uint32Array, ends: Uint32Array, count: number): TokenAttributes {
  const word = new Int32Array(count);
  const lower = new Int32Array(count);
  const shape = new Int32Array(count);
  const suffix3 = new Int32Array(count);
  const flags = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    const s = starts[i];
    const e = ends[i];
    let hw = HASH_START;
    let hl = HASH_START;
    let hs = HASH_START;
    let lastShape = -1;
    let upper = 0;
    let lowerCount = 0;
    let digits = 0;
    let f = 0;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      const cls = charClass(c);
      hw = step(hw, c);
      // foldCode and shapeClass, from the one class lookup
      hl = step(hl, cls === DIGIT ? 0x30 : lowerCode(c));
      const sc = cls === UPPER ? 0x58 : cls === LETTER || cls === MARK || cls === IDEOGRAPH ? 0x78 : cls === DIGIT ? 0x64 : c;
      if (sc !== lastShape) {
        hs = step(hs, sc);
        lastShape = sc;
      }
      if (sc === 0x58) upper++;
      else if (sc === 0x78) lowerCount++;
      else if (sc === 0x64) digits++;
      else if (c === 0x2d) f |= F_HAS_HYPHEN;
      else if (c === 0x2e) f |= F_HAS_PERIOD;
    }
    let h3 = HASH_START;
    for (let k = Math.max(s, e - 3); k < e; k++) h3 = step(h3, foldCode(text.charCodeAt(k)));
    const len = e - s;
    if (shapeClass(text.charCodeAt(s)) === 0x58) f |= F_INIT_UPPER;
    if (upper > 0) f |= F_HAS_UPPER;
    if (upper > 0 && lowerCount === 0) f |= F_ALL_UPPER;
    if (lowerCount > 0) f |= F_HAS_LOWER;
    if (digits > 0) f |= F_HAS_DIGIT;
    if (digits === len) f |= F_ALL_DIGIT;
    if (upper + lowerCount + digits === 0) f |= F_NO_WORD_CHAR;
    word[i] = hw | 0;
    lower[i] = hl | 0;
    shape[i] = (len > 4 ? step(hs, 0x2b) : hs) | 0; // long words get their own shapes
    suffix3[i] = h3 | 0;
    flags[i] = f;
  }
  return { count, word, lower, shape, suffix3, flags };
}
