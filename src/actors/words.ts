/**
 * Word scanning for dictionary matching: one pass over the text, offsets into the original string.
 * Words are runs of letters and digits; each Han, kana or Hangul character is a word of its own, so
 * Chinese and Japanese aliases match without a segmenter. Keys are case- and accent-folded, and
 * traditional Chinese characters fold to simplified ones (國 → 国), so one alias serves both scripts.
 * Case endings are the business of each language's stemmer (stemmer.ts), which keys words afresh.
 */

import { readFileSync } from 'node:fs';
import { hashRange, sharedKeys, type KeyTable } from './key-table.js';

/** How one language keys its words (see Stemmer): the dictionary's phrases, and the text's words. */
export interface WordStemmer {
  /** Where the key of the folded phrase word folded[start, end) ends. */
  phraseEnd(folded: Uint16Array, start: number, end: number): number;
  /** The key id of a folded text word (its plain key's id given), or -1; `has` says which ids the language's names use. */
  textKey(folded: Uint16Array, start: number, end: number, plainId: number, table: KeyTable, has: (id: number) => boolean): number;
  /** Another key id the word may be read under, or -1. */
  otherKey(folded: Uint16Array, start: number, end: number, plainId: number, table: KeyTable, has: (id: number) => boolean): number;
}

/** A stemmer with the names it keys words for. */
export interface StemmingFor {
  stemmer: WordStemmer;
  has: (id: number) => boolean;
}

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

/**
 * Traditional (and Hong Kong, Taiwan variant) characters to simplified ones, one code unit each, from
 * data/actors/han-fold.json (made from OpenCC's tables by the dictionary build; see SOURCES.md).
 */
const simplified = loadHanFold();

function loadHanFold(): Map<number, string> {
  const map = new Map<number, string>();
  let pairs = '';
  try {
    pairs = (JSON.parse(readFileSync(new URL('../../../data/actors/han-fold.json', import.meta.url), 'utf8')) as { pairs: string }).pairs;
  } catch {
    return map; // without the table traditional characters are their own keys
  }
  for (let i = 0; i + 1 < pairs.length; i += 2) map.set(pairs.charCodeAt(i), pairs[i + 1]!);
  return map;
}

// One table for the whole BMP, filled lazily: the class and the folded form of each code unit.
const UNKNOWN = 3;
const classOf = new Uint8Array(65536).fill(UNKNOWN);
const foldedOf = new Uint16Array(65536);

/** Works out a code unit's class and folded form; returns the class. */
function learn(code: number): number {
  const ch = String.fromCharCode(code);
  let cls = CharClass.Other;
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(ch)) cls = CharClass.Ideograph;
  else if (/[\p{L}\p{N}\p{M}]/u.test(ch)) cls = CharClass.Word;
  let folded = cls === CharClass.Ideograph ? (simplified.get(code) ?? ch) : ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (folded === 'ё') folded = 'е';
  // The folded form if it is one code unit, else the lower case if that is, else the code unit itself.
  // Every call reads every one of these, so that the scan this is compiled into has seen all of them.
  const lower = ch.toLowerCase();
  const foldedFits = folded.length === 1;
  const lowerFits = lower.length === 1;
  foldedOf[code] = (foldedFits ? folded : lowerFits ? lower : ch).charCodeAt(0);
  classOf[code] = cls;
  return cls;
}

function charClass(code: number): number {
  const cls = classOf[code]!;
  return cls === UNKNOWN ? learn(code) : cls;
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
    if (classOf[code] === UNKNOWN) learn(code);
    out[i] = foldedOf[code]!;
  }
  return out;
}

const utf16 = new TextDecoder('utf-16le');


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
    keys.push(folded.slice(start, end));
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
  /**
   * Two rows per stemmer the scan was given: each word's key id in that language's names (WordStemmer.textKey),
   * then its other reading or -1 (otherKey).
   */
  stems: Int32Array[];
}

/**
 * Room for the words of one text at a time, grown as texts get longer: a scan into it returns views of
 * its arrays, which the next scan into it overwrites. A caller that scans text after text keeps one, so
 * that a scan allocates nothing.
 */
export class WordSpace {
  folded!: Uint16Array;
  starts!: Uint32Array;
  ends!: Uint32Array;
  ids!: Int32Array;
  joined!: Uint8Array;
  digits!: Uint8Array;
  /** Rows of stem key ids, one per stemmer a scan was given, made as scans ask for them. */
  stems: Int32Array[] = [];

  /** Room for a text of `size` code units (which has at most that many words). */
  constructor(size = 0) {
    this.allocate(size);
  }

  /** Makes room for a text of n code units; false when n is too long to keep room for. */
  fit(n: number): boolean {
    if (this.folded.length >= n) return true;
    if (n > SPACE_LIMIT) return false;
    this.allocate(Math.min(Math.max(n, this.folded.length * 2, 4096), SPACE_LIMIT));
    return true;
  }

  private allocate(size: number): void {
    this.folded = new Uint16Array(size);
    this.starts = new Uint32Array(size);
    this.ends = new Uint32Array(size);
    this.ids = new Int32Array(size);
    this.joined = new Uint8Array(size);
    this.digits = new Uint8Array(size);
    this.stems = [];
  }

  /** The k-th row of stem ids, as long as the other arrays. */
  stemRow(k: number): Int32Array {
    while (this.stems.length <= k) this.stems.push(new Int32Array(this.folded.length));
    return this.stems[k]!;
  }
}

// Texts longer than this get space of their own, so that one huge document does not stay in memory.
const SPACE_LIMIT = 1 << 20;

// The space of scans that copy out what they found.
const scratch = new WordSpace();

const NO_STEMMERS: readonly StemmingFor[] = [];

/**
 * scanWords, with each key looked up in the table instead of made into a string. Linear in the text. With a
 * space, the words are views into it (valid until its next scan); without, arrays of their own. Each
 * stemmer given keys the words once more, for the names of its language (`stems`).
 */
export function scanKeyedWords(text: string, table: KeyTable = sharedKeys, space?: WordSpace, stemmers: readonly StemmingFor[] = NO_STEMMERS): KeyedWords {
  const n = text.length;
  if (space && space.fit(n)) {
    const count = scanInto(text, table, space);
    const words: KeyedWords = {
      count,
      starts: space.starts.subarray(0, count),
      ends: space.ends.subarray(0, count),
      ids: space.ids.subarray(0, count),
      joined: space.joined.subarray(0, count),
      digits: space.digits.subarray(0, count),
      stems: [],
    };
    for (let k = 0; k < stemmers.length; k++) {
      words.stems.push(stemInto(space.folded, words, table, stemmers[k]!, space.stemRow(2 * k).subarray(0, count), false));
      words.stems.push(stemInto(space.folded, words, table, stemmers[k]!, space.stemRow(2 * k + 1).subarray(0, count), true));
    }
    markJoined(text, words.starts, words.ends, count, words.joined);
    if (count) words.joined[count - 1] = 0; // no word follows the last (the space may hold an old value)
    return words;
  }
  const room = scratch.fit(n) ? scratch : new WordSpace(n);
  const count = scanInto(text, table, room);
  // One buffer for the five arrays that leave this function: one allocation per text, not five.
  const buffer = new ArrayBuffer(count * 14);
  const words: KeyedWords = {
    count,
    starts: new Uint32Array(buffer, 0, count),
    ends: new Uint32Array(buffer, count * 4, count),
    ids: new Int32Array(buffer, count * 8, count),
    joined: new Uint8Array(buffer, count * 12, count),
    digits: new Uint8Array(buffer, count * 13, count),
    stems: [],
  };
  words.starts.set(room.starts.subarray(0, count));
  words.ends.set(room.ends.subarray(0, count));
  words.ids.set(room.ids.subarray(0, count));
  words.digits.set(room.digits.subarray(0, count));
  for (const stemming of stemmers) {
    words.stems.push(stemInto(room.folded, words, table, stemming, new Int32Array(count), false));
    words.stems.push(stemInto(room.folded, words, table, stemming, new Int32Array(count), true));
  }
  markJoined(text, words.starts, words.ends, count, words.joined);
  return words;
}

/** Each word's key id in one language's names, or its other reading (ideographs keep their own, and have none). */
function stemInto(folded: Uint16Array, words: KeyedWords, table: KeyTable, { stemmer, has }: StemmingFor, out: Int32Array, other: boolean): Int32Array {
  const { starts, ends, ids, count } = words;
  for (let i = 0; i < count; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    if (end - start === 1) out[i] = other ? -1 : ids[i]!;
    else out[i] = other ? stemmer.otherKey(folded, start, end, ids[i]!, table, has) : stemmer.textKey(folded, start, end, ids[i]!, table, has);
  }
  return out;
}

/**
 * Finds the words of a text into a space's starts, ends, ids and digits; returns how many. Each word's code
 * units are folded as it is found, and its key looked up in the table from them, without making a string.
 */
function scanInto(text: string, table: KeyTable, space: WordSpace): number {
  return scanArrays(text, text.length, table, space.folded, space.starts, space.ends, space.ids, space.digits);
}

// The loop of scanInto, with everything it reads as arguments: the first scan runs long enough to be compiled
// while it runs, and a property read before the loop would not have been seen yet, which undoes that compilation.
// For the same reason every step runs for every word, the hash included.
function scanArrays(text: string, n: number, table: KeyTable, folded: Uint16Array, starts: Uint32Array, ends: Uint32Array, ids: Int32Array, digits: Uint8Array): number {
  let count = 0;
  let i = 0;
  while (i < n) {
    let code = text.charCodeAt(i);
    let cls = classOf[code]!;
    if (cls === UNKNOWN) cls = learn(code);
    if (cls === CharClass.Other) {
      i++;
      continue;
    }
    const start = i;
    let digit = 0;
    for (;;) {
      const f = foldedOf[code]!;
      folded[i++] = f;
      if (f >= 48 && f <= 57) digit = 1;
      if (cls === CharClass.Ideograph || i >= n) break;
      code = text.charCodeAt(i);
      let next = classOf[code]!;
      if (next === UNKNOWN) next = learn(code);
      if (next !== CharClass.Word) break;
    }
    starts[count] = start;
    ends[count] = i;
    digits[count] = digit;
    ids[count++] = table.findHashed(folded, start, i, hashRange(folded, start, i));
  }
  return count;
}

// Both of the loop's calls to learn() run once before any text is scanned. Loading the dictionary teaches the
// tables most characters a text has, so a loop compiled during the first texts may never have seen those calls,
// and would be thrown away (and compiled again) at the first character that is new.
{
  const warm = new WordSpace(2);
  scanArrays('a\ue000', 2, sharedKeys, warm.folded, warm.starts, warm.ends, warm.ids, warm.digits);
}

/** The key ids of a phrase's words (the words scanWords finds), interned into the table so that texts can find them. */
export function phraseKeyIds(phrase: string, table: KeyTable = sharedKeys): number[] {
  const ids = new Int32Array(phrase.length);
  return [...ids.subarray(0, phraseKeyIdsInto(phrase, table, ids))];
}

// Folded code units of one phrase while it is interned.
let phraseFolded = new Uint16Array(256);

/**
 * phraseKeyIds written into `out` (at least phrase.length long); returns how many words the phrase has.
 * With a stemmer, each word is keyed as that language's names key it.
 */
export function phraseKeyIdsInto(phrase: string, table: KeyTable, out: Int32Array, stemmer?: WordStemmer): number {
  const n = phrase.length;
  if (n > phraseFolded.length) phraseFolded = new Uint16Array(n * 2);
  const folded = phraseFolded;
  for (let k = 0; k < n; k++) {
    const code = phrase.charCodeAt(k);
    if (classOf[code] === UNKNOWN) learn(code);
    folded[k] = foldedOf[code]!;
  }
  let count = 0;
  let i = 0;
  while (i < n) {
    const cls = classOf[phrase.charCodeAt(i)]!;
    if (cls === CharClass.Other) {
      i++;
      continue;
    }
    const start = i;
    if (cls === CharClass.Ideograph) i++;
    else while (i < n && classOf[phrase.charCodeAt(i)] === CharClass.Word) i++;
    out[count++] = table.intern(folded, start, stemmer && i - start > 1 ? stemmer.phraseEnd(folded, start, i) : i);
  }
  return count;
}

/** The word spans scanWords finds: runs of word characters, and each ideograph alone. */
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
  const code = text.charCodeAt(start);
  if (code < 128) {
    if (code >= 97 && code <= 122) return false; // a lower-case ASCII letter
  } else {
    const first = text[start]!;
    if (first === first.toLowerCase() && first !== first.toUpperCase()) return false;
  }
  return rule !== CaseRule.Upper || isUpperCase(text, start, end);
}

/** Whether text[start, end) is its own upper case; ASCII is checked by code, anything else by toUpperCase. */
function isUpperCase(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const code = text.charCodeAt(k);
    if (code >= 128) {
      const word = text.slice(start, end);
      return word === word.toUpperCase();
    }
    if (code >= 97 && code <= 122) return false;
  }
  return true;
}

/** The words of a phrase as written (the spans scanWords finds), without making their keys. */
export function writtenWords(phrase: string): string[] {
  const written: string[] = [];
  forEachWord(phrase, (start, end) => written.push(phrase.slice(start, end)));
  return written;
}
