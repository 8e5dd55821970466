/**
 * Word scanning for dictionary matching: one pass over the text, offsets into the original string.
 * Words are runs of letters and digits; each Han, kana or Hangul character is a word of its own, so
 * Chinese and Japanese aliases match without a segmenter. Keys are case- and accent-folded, and
 * Cyrillic words are cut to a crude stem so that Russian and Ukrainian case endings still match.
 */

/** Words of one text as parallel arrays; `joined[i]` is 1 when word i+1 may continue a name begun at i. */
export interface WordTable {
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
  keys: string[];
  joined: Uint8Array;
}

const enum CharClass {
  Other = 0,
  Word = 1,
  Ideograph = 2,
}

// One table for the whole BMP, filled lazily: the class and the folded form of each code unit.
const classOf = new Uint8Array(65536);
const foldedOf = new Uint16Array(65536);
const known = new Uint8Array(65536);

function learn(code: number): void {
  const ch = String.fromCharCode(code);
  let cls = CharClass.Other;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) cls = CharClass.Ideograph;
  else if (/[\p{L}\p{N}\p{M}]/u.test(ch)) cls = CharClass.Word;
  classOf[code] = cls;
  let folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (folded === 'ё') folded = 'е';
  foldedOf[code] = folded.length === 1 ? folded.charCodeAt(0) : ch.toLowerCase().length === 1 ? ch.toLowerCase().charCodeAt(0) : code;
  known[code] = 1;
}

function charClass(code: number): number {
  if (!known[code]) learn(code);
  return classOf[code]!;
}

/** The text lower-cased and stripped of accents, with the same length, so offsets carry over. */
export function foldText(text: string): string {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!known[code]) learn(code);
    out[i] = foldedOf[code]!;
  }
  let result = '';
  const chunk = 8192;
  for (let i = 0; i < out.length; i += chunk) result += String.fromCharCode(...out.subarray(i, i + chunk));
  return result;
}

// Longest first; a stem keeps at least three letters.
const CYRILLIC_ENDINGS = [
  'ами', 'ями', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'ой', 'ей', 'ий', 'ый', 'ая', 'яя', 'ое', 'ее', 'ые',
  'ие', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'ов', 'ев', 'ою', 'ую', 'юю', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'і', 'о', 'ь', 'й',
];

function isCyrillic(code: number): boolean {
  return code >= 0x0400 && code <= 0x04ff;
}

/** The matching key of one folded word. */
export function wordKey(folded: string): string {
  if (folded.length >= 5 && isCyrillic(folded.charCodeAt(0))) {
    for (const ending of CYRILLIC_ENDINGS) {
      if (folded.endsWith(ending) && folded.length - ending.length >= 3) return folded.slice(0, -ending.length);
    }
  }
  return folded;
}

/** Whether the characters between two words still let a name run on: spaces, one hyphen, dot, apostrophe or middle dot. */
function joins(text: string, from: number, to: number): boolean {
  if (to - from > 3) return /^\s+$/.test(text.slice(from, to));
  let marks = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0) continue;
    if (c === 45 || c === 46 || c === 39 || c === 0x2019 || c === 0xb7 || c === 0x2010 || c === 0x2011) marks++;
    else return false;
  }
  return marks <= 1 || text.slice(from, to).trim() === '.';
}

/** Scans text (and its folded form from foldText) into words. Linear in the text. */
export function scanWords(text: string, folded: string = foldText(text)): WordTable {
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === CharClass.Other) {
      i++;
      continue;
    }
    if (cls === CharClass.Ideograph) {
      starts.push(i);
      ends.push(i + 1);
      keys.push(folded[i]!);
      i++;
      continue;
    }
    const start = i;
    while (i < n && charClass(text.charCodeAt(i)) === CharClass.Word) i++;
    starts.push(start);
    ends.push(i);
    keys.push(wordKey(folded.slice(start, i)));
  }
  const count = starts.length;
  const joined = new Uint8Array(count);
  for (let w = 0; w + 1 < count; w++) {
    const gapStart = ends[w]!;
    const gapEnd = starts[w + 1]!;
    joined[w] = gapStart === gapEnd || joins(text, gapStart, gapEnd) ? 1 : 0;
  }
  return { count, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends), keys, joined };
}

/** How a dictionary word constrains the case of the text word it matches. */
export const enum CaseRule {
  Any = 0,
  Capitalized = 1,
  Upper = 2,
}

export function caseMatches(text: string, start: number, end: number, rule: number): boolean {
  if (rule === CaseRule.Any) return true;
  const first = text[start]!;
  if (first === first.toLowerCase() && first !== first.toUpperCase()) return false;
  if (rule === CaseRule.Upper) {
    const word = text.slice(start, end);
    return word === word.toUpperCase();
  }
  return true;
}

/** The words of a short phrase (a dictionary entry): keys as scanWords makes them, and the words as written. */
export function phraseWords(phrase: string, limit = Infinity): { keys: string[]; written: string[] } {
  const keys: string[] = [];
  const written: string[] = [];
  let i = 0;
  const n = phrase.length;
  while (i < n && keys.length < limit) {
    const code = phrase.charCodeAt(i);
    const cls = charClass(code);
    if (cls === CharClass.Other) {
      i++;
      continue;
    }
    if (cls === CharClass.Ideograph) {
      keys.push(String.fromCharCode(foldedOf[code]!));
      written.push(phrase[i]!);
      i++;
      continue;
    }
    const start = i;
    let folded = '';
    while (i < n && charClass(phrase.charCodeAt(i)) === CharClass.Word) folded += String.fromCharCode(foldedOf[phrase.charCodeAt(i++)]!);
    keys.push(wordKey(folded));
    written.push(phrase.slice(start, i));
  }
  return { keys, written };
}
