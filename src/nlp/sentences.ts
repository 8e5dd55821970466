import type { Sentence, TokenTable } from '../model/index.js';
import { charClass, UPPER, DIGIT, LETTER } from './chars.js';
import { TITLES, ABBREVIATIONS, SENTENCE_STARTERS } from './abbreviations.js';

// A sentence ends at . ! ? … (with the closing quotes and brackets that follow) unless the next word
// starts in lower case; after an abbreviation only when the next word clearly starts a sentence; at a
// blank line; before a bullet line ("- ", "• ", "1. ") and at the end of one; and after a headline,
// which is a line of its own without a final period that ends in a capitalized word. Chinese and Japanese
// sentences end at the full-width 。！？ (the scripts have no case: the next word never continues one).

const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '}', '」', '』', '）', '》', '】']);
const TERMINALS = new Set(['.', '!', '?', '…', '...', '?!', '!?', '。', '！', '？']);
const BULLET_CODES = new Set(['-', '•', '*', '–', '—', '·', '▪', '‣', '◦'].map((b) => b.charCodeAt(0)));

/** Newlines in text[from, to), counted up to 2. */
function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to && count < 2; k++) if (text.charCodeAt(k) === 0x0a) count++;
  return count;
}

function firstClass(text: string, tokens: TokenTable, i: number): number {
  return charClass(text.charCodeAt(tokens.starts[i]));
}

function startsLowercase(text: string, tokens: TokenTable, i: number): boolean {
  return firstClass(text, tokens, i) === LETTER;
}

function tokenText(text: string, tokens: TokenTable, i: number): string {
  return text.slice(tokens.starts[i], tokens.ends[i]);
}

/** A bullet marker opening a line: "- ", "• ", "1. ", "a) ". */
function isBullet(text: string, tokens: TokenTable, i: number): boolean {
  const start = tokens.starts[i];
  const length = tokens.ends[i] - start;
  const c = text.charCodeAt(start);
  if (length === 1 && BULLET_CODES.has(c)) return true;
  if (i + 1 >= tokens.count) return false;
  // one or two ASCII digits, or one ASCII lower-case letter, right before "." or ")"
  const marker = length === 1 ? isAsciiDigit(c) || (c >= 0x61 && c <= 0x7a) : length === 2 && isAsciiDigit(c) && isAsciiDigit(text.charCodeAt(start + 1));
  if (!marker || tokens.starts[i + 1] !== tokens.ends[i] || tokens.ends[i + 1] - tokens.starts[i + 1] !== 1) return false;
  const next = text.charCodeAt(tokens.starts[i + 1]);
  return next === 0x2e || next === 0x29;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function splitSentences(text: string, tokens: TokenTable): Sentence[] {
  const sentences: Sentence[] = [];
  const n = tokens.count;
  let first = 0;
  let firstOpensLine = true;
  const close = (last: number) => {
    sentences.push({ start: tokens.starts[first], end: tokens.ends[last], tokenStart: first, tokenEnd: last + 1 });
    first = last + 1;
    firstOpensLine = first < n && (newlines(text, tokens.ends[last], tokens.starts[first]) > 0);
  };
  for (let i = 0; i < n; i++) {
    if (i === n - 1) {
      close(i);
      break;
    }
    const start = tokens.starts[i];
    const end = tokens.ends[i];
    const c0 = text.charCodeAt(start);
    let last = i;
    let breaks = false;
    const mayEnd = c0 === 0x2e || c0 === 0x21 || c0 === 0x3f || c0 === 0x2026 || c0 === 0x3002 || c0 === 0xff01 || c0 === 0xff1f;
    if (mayEnd && TERMINALS.has(tokenText(text, tokens, i))) {
      while (last + 1 < n && CLOSERS.has(tokenText(text, tokens, last + 1)) && tokens.starts[last + 1] === tokens.ends[last]) last++;
      const next = last + 1;
      if (next >= n) breaks = true;
      else {
        const nextText = tokenText(text, tokens, next);
        breaks =
          newlines(text, tokens.ends[last], tokens.starts[next]) > 0 ||
          !(startsLowercase(text, tokens, next) || nextText === ',' || nextText === ';' || nextText === ':');
      }
    } else {
      const gap = newlines(text, tokens.ends[i], tokens.starts[i + 1]);
      if (gap >= 2) breaks = true;
      else if (end - start > 1 && text.charCodeAt(end - 1) === 0x2e) {
        const word = text.slice(start, end - 1).toLowerCase();
        const nextCls = firstClass(text, tokens, i + 1);
        if (TITLES.has(word)) breaks = false;
        else if (ABBREVIATIONS.has(word) && !word.includes('.')) breaks = gap > 0 || nextCls === UPPER;
        else breaks = gap > 0 || (nextCls === UPPER && SENTENCE_STARTERS.has(tokenText(text, tokens, i + 1).toLowerCase()));
      } else if (gap === 1) {
        const cls = firstClass(text, tokens, i);
        const nextCls = firstClass(text, tokens, i + 1);
        const oneLine = firstOpensLine && newlines(text, tokens.starts[first], tokens.ends[i]) === 0;
        const headline = oneLine && (cls === UPPER || cls === DIGIT) && nextCls !== LETTER;
        const bulletLine = oneLine && isBullet(text, tokens, first) && nextCls !== LETTER;
        breaks = headline || bulletLine || isBullet(text, tokens, i + 1);
      }
    }
    if (breaks) {
      close(last);
      i = last;
    }
  }
  return sentences;
}
