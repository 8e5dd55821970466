/**
 * Word scanning for dictionary matching: one pass over the text, offsets into the original string.
 * Words are runs of letters and digits; each Han, kana or Hangul character is a word of its own, so
 * Chinese and Japanese aliases match without a segmenter. Keys are case- and accent-folded, and
 * Cyrillic words are cut to a crude stem so that Russian and Ukrainian case endings still match.
 */

import { sharedKeys, type KeyTable } from './key-table.js';

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
  // A lone surrogate comes back as U+FFFD (same length); surrogates are never word characters, so no key changes.
  return utf16.decode(foldCodes(text));
}

/** foldText's code units, without making the string. */
export function foldCodes(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!known[code]) learn(code);
    out[i] = foldedOf[code]!;
  }
  return out;
}

const utf16 = new TextDecoder('utf-16le');

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

/** Where wordKey ends the folded word folded[start, end): before the Cyrillic ending it cuts, if any. */
function keyEnd(folded: Uint16Array, start: number, end: number): number {
  const length = end - start;
  if (length >= 5 && isCyrillic(folded[start]!)) {
    for (const ending of CYRILLIC_ENDINGS) {
      if (length - ending.length >= 3 && endsWith(folded, end, ending)) return end - ending.length;
    }
  }
  return end;
}

function endsWith(folded: Uint16Array, end: number, ending: string): boolean {
  const from = end - ending.length;
  for (let k = 0; k < ending.length; k++) if (folded[from + k] !== ending.charCodeAt(k)) return false;
  return true;
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

/**
 * Scans text (and its folded form from foldText) into words with string keys. Linear in the text; the
 * resolver uses scanKeyedWords, which finds the same words without a string per word.
 */
export function scanWords(text: string, folded: string = foldText(text)): WordTable {
  // A text of n code units has at most n words.
  const starts = new Uint32Array(text.length);
  const ends = new Uint32Array(text.length);
  const keys: string[] = [];
  let count = 0;
  forEachWord(text, (start, end) => {
    starts[count] = start;
    ends[count++] = end;
    keys.push(end - start === 1 && charClass(text.charCodeAt(start)) === CharClass.Ideograph ? folded[start]! : wordKey(folded.slice(start, end)));
  });
  return { count, starts: starts.subarray(0, count), ends: ends.subarray(0, count), keys, joined: joinedWords(text, starts, ends, count) };
}

function joinedWords(text: string, starts: Uint32Array, ends: Uint32Array, count: number): Uint8Array {
  return markJoined(text, starts, ends, count, new Uint8Array(count));
}

function markJoined(text: string, starts: Uint32Array, ends: Uint32Array, count: number, joined: Uint8Array): Uint8Array {
  for (let w = 0; w + 1 < count; w++) {
    const gapStart = ends[w]!;
    const gapEnd = starts[w + 1]!;
    joined[w] = gapStart === gapEnd || joins(text, gapStart, gapEnd) ? 1 : 0;
  }
  return joined;
}

/** Words of one text with their keys as ids of a KeyTable (the words scanWords finds, keyed as it keys them). */
export interface KeyedWords {
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
  /** The key's id per word; -1 when no dictionary phrase has that key. */
  ids: Int32Array;
  joined: Uint8Array;
  /** 1 where the word's key has an ASCII digit. */
  digits: Uint8Array;
}

// Scratch space for one scan, grown as texts get longer; a scan copies out only what it found.
let scratch = { folded: new Uint16Array(0), starts: new Uint32Array(0), ends: new Uint32Array(0), ids: new Int32Array(0), digits: new Uint8Array(0) };

// Texts longer than this get space of their own, so that one huge document does not stay in memory.
const SCRATCH_LIMIT = 1 << 20;

function scratchFor(n: number): typeof scratch {
  if (scratch.folded.length >= n) return scratch;
  const size = n > SCRATCH_LIMIT ? n : Math.min(Math.max(n, scratch.folded.length * 2, 4096), SCRATCH_LIMIT);
  const space = { folded: new Uint16Array(size), starts: new Uint32Array(size), ends: new Uint32Array(size), ids: new Int32Array(size), digits: new Uint8Array(size) };
  if (size <= SCRATCH_LIMIT) scratch = space;
  return space;
}

/** scanWords, with each key looked up in the table instead of made into a string. Linear in the text. */
export function scanKeyedWords(text: string, table: KeyTable = sharedKeys): KeyedWords {
  const n = text.length;
  const { folded, starts, ends, ids, digits } = scratchFor(n);
  for (let k = 0; k < n; k++) {
    const code = text.charCodeAt(k);
    if (!known[code]) learn(code);
    folded[k] = foldedOf[code]!;
  }
  // A text of n code units has at most n words.
  let count = 0;
  let i = 0;
  while (i < n) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === CharClass.Other) {
      i++;
      continue;
    }
    const start = i;
    if (cls === CharClass.Ideograph) i++;
    else while (i < n && charClass(text.charCodeAt(i)) === CharClass.Word) i++;
    const keyEndAt = keyEnd(folded, start, i);
    starts[count] = start;
    ends[count] = i;
    digits[count] = hasAsciiDigit(folded, start, keyEndAt) ? 1 : 0;
    ids[count++] = table.find(folded, start, keyEndAt);
  }
  // One buffer for the five arrays that leave this function: one allocation per text, not five.
  const buffer = new ArrayBuffer(count * 14);
  const words: KeyedWords = {
    count,
    starts: new Uint32Array(buffer, 0, count),
    ends: new Uint32Array(buffer, count * 4, count),
    ids: new Int32Array(buffer, count * 8, count),
    joined: new Uint8Array(buffer, count * 12, count),
    digits: new Uint8Array(buffer, count * 13, count),
  };
  words.starts.set(starts.subarray(0, count));
  words.ends.set(ends.subarray(0, count));
  words.ids.set(ids.subarray(0, count));
  words.digits.set(digits.subarray(0, count));
  markJoined(text, words.starts, words.ends, count, words.joined);
  return words;
}

function hasAsciiDigit(codes: Uint16Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (codes[k]! >= 48 && codes[k]! <= 57) return true;
  return false;
}

/** The key ids of a phrase's words (the words phraseWords finds), interned into the table so that texts can find them. */
export function phraseKeyIds(phrase: string, table: KeyTable = sharedKeys): number[] {
  const folded = foldCodes(phrase);
  const ids: number[] = [];
  forEachWord(phrase, (start, end) => ids.push(table.intern(folded, start, keyEnd(folded, start, end))));
  return ids;
}

/** The word spans scanWords and phraseWords find: runs of word characters, and each ideograph alone. */
function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = charClass(text.charCodeAt(i));
    if (cls === CharClass.Other) {
      i++;
      continue;
    }
    if (cls === CharClass.Ideograph) {
      visit(i, i + 1);
      i++;
      continue;
    }
    const start = i;
    while (i < n && charClass(text.charCodeAt(i)) === CharClass.Word) i++;
    visit(start, i);
  }
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
