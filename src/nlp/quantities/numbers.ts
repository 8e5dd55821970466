// Reading numbers: digit runs ("155,221", "5.93") times a power of ten, and number words
// ("two million", "twenty-five", "a hundred and fifty") over the value lexer's tokens.

import { entries, F_NUMWORD, F_SCALE } from './lexicon.js';
import { ScaleUse } from './words.js';
import { WORD, PUNCT, SPACED, type ValueTokens } from './lexer.js';

/**
 * The value of the digits in text[start, end) (thousands commas skipped, one decimal point) times
 * 10^scale. Computed on the integer of all digits and one power of ten, so "1.13" billion is exactly
 * 1130000000, not 1129999999.9999998.
 */
export function digitValue(text: string, start: number, end: number, scale: number): number {
  let mantissa = 0;
  let decimals = 0;
  let afterPoint = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) {
      mantissa = mantissa * 10 + (c - 0x30);
      if (afterPoint) decimals++;
    } else if (c === 0x2e) afterPoint = true;
  }
  const p = scale - decimals;
  return p >= 0 ? mantissa * 10 ** p : mantissa / 10 ** -p;
}

/** What readNumberWords found: the value, the token after it, and whether a scale word was in it. */
export interface WordNumber {
  value: number;
  end: number;
  scaled: boolean;
}

// value is set before result is returned; NaN makes it a double field from the start (values can be fractional)
const result: WordNumber = { value: NaN, end: 0, scaled: false };

function wordAt(t: ValueTokens, i: number): string {
  const e = i < t.count ? t.entries[i]! : -1;
  return e >= 0 ? entries[e]!.word : '';
}

/**
 * Reads number words from token i ("three", "twenty-five", "one hundred and twenty", "two million",
 * "a million", "half a million", "a dozen"). Returns a shared result object (valid until the next
 * call) or null when no number starts at i.
 */
export function readNumberWords(t: ValueTokens, i: number): WordNumber | null {
  let total = 0;
  let current = 0;
  let j = i;
  let scaled = false;
  let words = 0;
  let lastWasUnit = false; // a units/tens word was just read: another one ends the number ("one two")
  let factor = 1;
  const first = wordAt(t, i);
  if (first === 'half' && wordAt(t, i + 1) === 'a') {
    factor = 0.5;
    j = i + 2;
    current = 1;
    lastWasUnit = true;
  } else if (first === 'a' || first === 'an') {
    const next = t.entries[i + 1]! >= 0 && i + 1 < t.count ? entries[t.entries[i + 1]!]! : null;
    if (!next || !((next.flags & F_SCALE && next.scaleUse === ScaleUse.Any) || next.word === 'dozen')) return null;
    j = i + 1;
    current = 1;
    lastWasUnit = true;
  }
  while (j < t.count && t.kinds[j] === WORD) {
    const ei = t.entries[j]!;
    if (ei < 0) break;
    const e = entries[ei]!;
    if (e.flags & F_NUMWORD) {
      if (e.word === 'dozen') {
        current = (current || 1) * 12;
        lastWasUnit = true;
        j++;
        words++;
        continue;
      }
      if (lastWasUnit && !(current % 100 >= 20 && current % 10 === 0 && e.number < 10 && current % 100 !== 0)) break;
      current += e.number;
      lastWasUnit = true;
      j++;
      words++;
      // "twenty-five": a hyphen written between a tens word and a units word
      if (e.number >= 20 && e.number % 10 === 0 && t.kinds[j] === PUNCT && t.text.charCodeAt(t.starts[j]!) === 0x2d &&
        !(t.shapes[j]! & SPACED) && j + 1 < t.count && !(t.shapes[j + 1]! & SPACED)) {
        const ui = t.entries[j + 1]!;
        if (ui >= 0 && entries[ui]!.flags & F_NUMWORD && entries[ui]!.number < 10 && entries[ui]!.number > 0) {
          current += entries[ui]!.number;
          j += 2;
        }
      }
      continue;
    }
    if (e.flags & F_SCALE && e.scaleUse === ScaleUse.Any && (words > 0 || current > 0)) {
      if (e.scale === 2) {
        current = (current || 1) * 100;
      } else {
        total += (current || 1) * 10 ** e.scale;
        current = 0;
      }
      scaled = true;
      lastWasUnit = false;
      j++;
      words++;
      // "one hundred and twenty", "two thousand and five"
      if (wordAt(t, j) === 'and' && j + 1 < t.count && t.entries[j + 1]! >= 0 && entries[t.entries[j + 1]!]!.flags & F_NUMWORD) j++;
      continue;
    }
    break;
  }
  if (j === i || (words === 0 && factor === 1 && !scaled)) return null;
  if (words === 0) return null;
  result.value = (total + current) * factor;
  result.end = j;
  result.scaled = scaled;
  return result;
}
