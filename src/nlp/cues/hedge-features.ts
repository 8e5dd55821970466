// Features of one hedge-cue candidate, shared by the detector and the training script
// (scripts/train/40-hedges.js imports the compiled module) so both see exactly the same strings.
// Context words are found by scanning characters outward from the candidate: nothing is
// allocated for the words between candidates.

import type { Span } from '../../model/index.js';

const A = 65, Z = 90, a = 97, z = 122;

function isLetter(c: number): boolean {
  return (c >= a && c <= z) || (c >= A && c <= Z) || c > 0xbf;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

/** Whether the candidate text[start, end) starts with a capital (the `cap` feature). */
export function startsCapitalized(text: string, start: number): boolean {
  return text.charCodeAt(start) >= A && text.charCodeAt(start) <= Z;
}

/** Crude suffix stripping so that expects/expected/expecting and believe/believes/believed meet. */
export function stem(word: string): string {
  const m = /(?:ing|ed|es|s|e|d)$/.exec(word);
  if (m && word.length - m[0].length >= 4) return word.slice(0, word.length - m[0].length);
  return word;
}

/** The token ending at or before `pos` (a letter run or one punctuation mark), or -1 start when none in [lo, pos). */
function tokenBefore(text: string, pos: number, lo: number, out: Span): boolean {
  let i = pos - 1;
  while (i >= lo && isSpace(text.charCodeAt(i))) i--;
  if (i < lo) return false;
  const end = i + 1;
  if (isLetter(text.charCodeAt(i))) {
    while (i - 1 >= lo && isLetter(text.charCodeAt(i - 1))) i--;
  }
  out.start = i;
  out.end = end;
  return true;
}

function tokenAfter(text: string, pos: number, hi: number, out: Span): boolean {
  let i = pos;
  while (i < hi && isSpace(text.charCodeAt(i))) i++;
  if (i >= hi) return false;
  const start = i;
  if (isLetter(text.charCodeAt(i))) {
    while (i + 1 < hi && isLetter(text.charCodeAt(i + 1))) i++;
  }
  out.start = start;
  out.end = i + 1;
  return true;
}

const scratch: Span = { start: 0, end: 0 };
const context: ContextWords = { p1: '', p2: '', n1: '', n2: '' };

/** The two tokens before and after a candidate, lower-cased; <s> and </s> past the bounds. */
export interface ContextWords {
  p1: string;
  p2: string;
  n1: string;
  n2: string;
}

/** The candidate text[start, end) as its feature names spell it: lower case, single spaces. */
export function candidateWord(text: string, start: number, end: number): string {
  return text.slice(start, end).toLowerCase().replace(/\s+/g, ' ');
}

/** Fills `out` with the context words of the candidate text[start, end) within [lo, hi), and returns it. */
export function contextWords(text: string, start: number, end: number, lo: number, hi: number, out: ContextWords): ContextWords {
  out.p1 = tokenBefore(text, start, lo, scratch) ? word(text, scratch) : '<s>';
  out.p2 = out.p1 !== '<s>' && tokenBefore(text, scratch.start, lo, scratch) ? word(text, scratch) : '<s>';
  out.n1 = tokenAfter(text, end, hi, scratch) ? word(text, scratch) : '</s>';
  out.n2 = out.n1 !== '</s>' && tokenAfter(text, scratch.end, hi, scratch) ? word(text, scratch) : '</s>';
  return out;
}

function word(text: string, span: Span): string {
  return text.slice(span.start, span.end).toLowerCase();
}

/**
 * Writes the feature strings of the candidate text[start, end) into `out` (cleared first) and
 * returns it. [lo, hi) bounds the context: the candidate's sentence, or the whole text.
 */
export function hedgeFeatures(text: string, start: number, end: number, lo: number, hi: number, out: string[]): string[] {
  out.length = 0;
  const w = candidateWord(text, start, end);
  const { p1, p2, n1, n2 } = contextWords(text, start, end, lo, hi, context);
  const s = stem(w);
  out.push('b', `w=${w}`, `s=${s}`, `p1=${p1}`, `n1=${n1}`, `p2=${p2}`, `n2=${n2}`);
  out.push(`w+n1=${w}|${n1}`, `p1+w=${p1}|${w}`, `s+n1=${s}|${n1}`, `p1+s=${p1}|${s}`, `n1+n2=${n1}|${n2}`);
  out.push(`cap=${startsCapitalized(text, start) ? 1 : 0}|${s}`);
  return out;
}
