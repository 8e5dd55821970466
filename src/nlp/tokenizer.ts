import type { TokenTable } from '../model/index.js';
import { charClass, isWordChar, lowerCode, SPACE, IDEOGRAPH, UPPER, DIGIT, LETTER, OTHER } from './chars.js';
import { ABBREVIATIONS, NUMBER_ABBREVIATIONS } from './abbreviations.js';

// One pass over the UTF-16 code units. Words keep inner hyphens (Russia-China, Entente-4), inner
// periods (U.S, 3.5, example.com), digit groups (240,000; 10:30; 1/2) and inner apostrophes
// (O'Brien); clitics split off the way the Penn Treebank (and CoNLL-2003) does: Russia’s → Russia ’s,
// don't → do n't. Punctuation and currency symbols are tokens of their own ($240 → $ 240).

const APOSTROPHE = 0x27;
const RIGHT_SINGLE_QUOTE = 0x2019;
const PERIOD = 0x2e;
const HYPHEN = 0x2d;

/**
 * The code unit at j, or `none` past the end of the text. charCodeAt gives NaN there, but only after an
 * out-of-bounds read, which deoptimizes code that has not made one before (most texts never do).
 */
function codeAt(text: string, j: number, none: number): number {
  return j < text.length ? text.charCodeAt(j) : none;
}

function isApostrophe(c: number): boolean {
  return c === APOSTROPHE || c === RIGHT_SINGLE_QUOTE;
}

/** Class of the code unit at j, looking through surrogate pairs (astral letters are word characters). */
function classAt(text: string, j: number): number {
  const c = text.charCodeAt(j);
  if (c < 0xd800 || c > 0xdfff) return charClass(c);
  const cp = text.codePointAt(j)!;
  return cp > 0xffff && /[\p{L}\p{N}]/u.test(String.fromCodePoint(cp)) ? LETTER : OTHER;
}

function wordAt(text: string, j: number): boolean {
  return j < text.length && isWordChar(classAt(text, j));
}

function width(text: string, j: number): number {
  const c = text.charCodeAt(j);
  return c >= 0xd800 && c <= 0xdbff && j + 1 < text.length ? 2 : 1;
}

/** Length of a clitic ('s 're 've 'll 'd 'm, apostrophe included) starting at j, or 0. */
function cliticLength(text: string, j: number): number {
  if (!isApostrophe(text.charCodeAt(j))) return 0;
  const a = lowerCode(codeAt(text, j + 1, 0));
  const b = lowerCode(codeAt(text, j + 2, 0));
  let len = 0;
  if (a === 0x73 || a === 0x64 || a === 0x6d) len = 2; // s d m
  else if ((a === 0x72 && b === 0x65) || (a === 0x76 && b === 0x65) || (a === 0x6c && b === 0x6c)) len = 3; // re ve ll
  if (len === 0 || wordAt(text, j + len)) return 0;
  return len;
}

/** True at "n't" (or "n’t") closing a word. */
function isNegation(text: string, j: number): boolean {
  return (
    lowerCode(text.charCodeAt(j)) === 0x6e &&
    isApostrophe(codeAt(text, j + 1, -1)) &&
    lowerCode(codeAt(text, j + 2, 0)) === 0x74 &&
    !wordAt(text, j + 3)
  );
}

/** Whether text at i reads s, ignoring ASCII case (s in lower case). */
function startsWith(text: string, i: number, s: string): boolean {
  if (i + s.length > text.length) return false;
  for (let k = 0; k < s.length; k++) {
    const c = text.charCodeAt(i + k);
    if ((c >= 0x41 && c <= 0x5a ? c | 0x20 : c) !== s.charCodeAt(k)) return false;
  }
  return true;
}

function startsUrl(text: string, i: number): boolean {
  const c = text.charCodeAt(i) | 0x20;
  if (c === 0x68) {
    const after = startsWith(text, i, 'https://') ? i + 8 : startsWith(text, i, 'http://') ? i + 7 : -1;
    return after > 0 && after < text.length && charClass(text.charCodeAt(after)) !== SPACE;
  }
  return c === 0x77 && startsWith(text, i, 'www.') && wordAt(text, i + 4);
}

/** End of a URL starting at i: up to white space, less trailing punctuation. */
function urlEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && charClass(text.charCodeAt(j)) !== SPACE) j++;
  while (j > i && /[.,;:!?)\]}"'”’»]/.test(text[j - 1])) j--;
  return j;
}

/** End of the word starting at i (a word character). */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  for (;;) {
    while (j < n) {
      const cls = classAt(text, j);
      if (!isWordChar(cls)) break;
      if (j > i && isNegation(text, j)) return j;
      j += width(text, j);
    }
    if (j >= n || j === i) return j;
    const c = text.charCodeAt(j);
    const prev = text.charCodeAt(j - 1);
    const next = j + 1 < n ? text.charCodeAt(j + 1) : 0;
    const prevDigit = charClass(prev) === DIGIT;
    const nextDigit = charClass(next) === DIGIT;
    let joins = false;
    if (c === HYPHEN || c === 0x2010 || c === 0x2011) joins = wordAt(text, j + 1);
    else if (c === PERIOD) joins = wordAt(text, j + 1) && charClass(next) !== IDEOGRAPH;
    else if (c === 0x2c || c === 0x3a || c === 0x2f) joins = prevDigit && nextDigit; // 240,000 10:30 1/2
    else if (c === 0x26) joins = charClass(prev) === UPPER && charClass(next) === UPPER; // AT&T
    else if (c === 0x40) joins = wordAt(text, j + 1) && text.indexOf('.', j) > j; // e-mail address
    else if (isApostrophe(c)) joins = wordAt(text, j + 1) && cliticLength(text, j) === 0 && !isNegation(text, j - 1);
    if (!joins) return j;
    j++;
  }
}

/** Whether the period right after the word [i, j) belongs to it: U.S. Gen. Jan. J. No. 5 */
function keepsPeriod(text: string, i: number, j: number): boolean {
  if (codeAt(text, j, -1) !== PERIOD || codeAt(text, j + 1, -1) === PERIOD) return false;
  const len = j - i;
  if (len === 1) return charClass(text.charCodeAt(i)) === UPPER || charClass(text.charCodeAt(i)) === LETTER;
  if (len > 6) return false;
  const word = text.slice(i, j).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  if (NUMBER_ABBREVIATIONS.has(word)) return /^\s*\d/.test(text.slice(j + 1, j + 4));
  return /^(?:\p{L}\.)+\p{L}$/u.test(word); // U.S, e.g, U.N
}

class TokenBuffer {
  starts: Uint32Array;
  ends: Uint32Array;
  count = 0;
  constructor(capacity: number) {
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
  }
  clear(): void {
    this.count = 0;
  }
  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      const starts = new Uint32Array(this.count * 2);
      const ends = new Uint32Array(this.count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }
  table(): TokenTable {
    return { count: this.count, starts: this.starts.slice(0, this.count), ends: this.ends.slice(0, this.count) };
  }
}

/** One buffer for every call (tokenize is synchronous); table() copies the tokens out. */
const buffer = new TokenBuffer(1024);

export function tokenize(text: string): TokenTable {
  const n = text.length;
  const out = buffer;
  out.clear();
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classAt(text, i);
    if (cls === SPACE) {
      i++;
      continue;
    }
    let end: number;
    const afterWord = out.count > 0 && out.ends[out.count - 1] === i;
    if ((c | 0x20) === 0x68 || (c | 0x20) === 0x77 ? startsUrl(text, i) : false) {
      end = urlEnd(text, i);
    } else if (cls === IDEOGRAPH) {
      end = i + 1;
    } else if (isWordChar(cls)) {
      if (afterWord && isNegation(text, i)) end = i + 3;
      else {
        end = wordEnd(text, i);
        if (keepsPeriod(text, i, end)) end++;
      }
    } else if ((c === 0x40 || c === 0x23) && wordAt(text, i + 1)) {
      // @handle, #hashtag
      end = i + 1;
      while (end < n && (wordAt(text, end) || text.charCodeAt(end) === 0x5f)) end++;
    } else if (afterWord && cliticLength(text, i) > 0) {
      end = i + cliticLength(text, i);
    } else if ((c === PERIOD || c === HYPHEN) && codeAt(text, i + 1, -1) === c) {
      end = i + 1;
      while (end < n && text.charCodeAt(end) === c) end++; // ... and --
    } else {
      end = i + width(text, i);
    }
    out.push(i, end);
    i = end;
  }
  return out.table();
}

/** The tokens' texts, for tests and tools (the pipeline keeps offsets only). */
export function tokenTexts(text: string, tokens: TokenTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.count; i++) out.push(text.slice(tokens.starts[i], tokens.ends[i]));
  return out;
}
