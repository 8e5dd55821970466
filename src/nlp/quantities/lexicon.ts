// One lookup table for every word the number and time scanners care about. The lexer hashes each
// word as it reads it (lower-cased, no substring made) and finds its entry here; the grammars then
// test flags and read values off the entry instead of comparing strings.

import {
  NUMBER_WORDS, SCALES, CURRENCY_WORDS, CURRENCY_CODES, PERCENT_WORDS, UNIT_WORDS, UNIT_QUALIFIERS,
  UNIT_ADJECTIVES, NOT_UNITS, CURRENCY_ADJECTIVES, DOLLAR_PREFIXES, CURRENCY_SUBUNITS, FRACTION_WORDS,
} from './words.js';
import {
  MONTHS, WEEKDAYS, TIME_UNITS, SEASONS, MODIFIERS, RELATIVES, ORDINALS, VAGUE_COUNTS, OFFSET_DIRECTIONS, DAY_PARTS,
  FUTURE_CUES, DATE_CUES, EVENT_NOUNS, ANCHOR_FILLERS,
} from '../time/words.js';

const GRAMMAR_WORDS = ['ago', 'now', 'half', 'thru', 'per', 'cent', 'percentage', 'point', 'points', 'hong', 'kong',
  'zealand', 'am', 'pm', 'worth', 'year', 'st', 'nd', 'rd', 'th', 'u', 's', 'basis',
  ...CURRENCY_ADJECTIVES.map(([adjective]) => adjective), ...DOLLAR_PREFIXES.map(([letters]) => letters)];

export const F_MONTH = 1 << 0;
export const F_WEEKDAY = 1 << 1;
export const F_NUMWORD = 1 << 2;
export const F_SCALE = 1 << 3;
export const F_ORDINAL = 1 << 4;
export const F_TIME_UNIT = 1 << 5;
export const F_SEASON = 1 << 6;
export const F_RELATIVE = 1 << 7;
export const F_MODIFIER = 1 << 8;
export const F_CURRENCY_WORD = 1 << 9;
export const F_CURRENCY_CODE = 1 << 10;
export const F_PERCENT = 1 << 11;
export const F_UNIT = 1 << 12;
export const F_NOT_UNIT = 1 << 13;
export const F_FUTURE_CUE = 1 << 14;
export const F_EVENT_NOUN = 1 << 15;
export const F_ANCHOR_FILLER = 1 << 16;
export const F_DAY_PART = 1 << 17;
export const F_OFFSET_DIRECTION = 1 << 18;
export const F_DATE_CUE = 1 << 19;
export const F_VAGUE_COUNT = 1 << 20;
export const F_UNIT_QUALIFIER = 1 << 21;
export const F_UNIT_ADJECTIVE = 1 << 22;
/** A word a time expression may start with: the time scanner only tries at these (and at digits). */
export const F_TIME_START = 1 << 23;

export interface LexEntry {
  word: string;
  flags: number;
  /** 1–12 */
  month: number;
  /** true for the abbreviations (Jan, Sept), which need a day or year after them */
  monthAbbreviation: boolean;
  /** 0 = Monday */
  weekday: number;
  /** value of a number word, or of an ordinal */
  number: number;
  /** power of ten of a scale word */
  scale: number;
  scaleUse: number;
  /** TimeUnit and how many of it (fortnight = 2 weeks) */
  unit: number;
  unitCount: number;
  season: number;
  /** −1 / 0 / +1 for last/this/next; −1 / +1 for before/after */
  direction: number;
  modifier: number;
  currency: string;
  /** a hundredth of the currency (cents, pence) */
  subunit: boolean;
  /** denominator of a fraction word (thirds: 3), else 0 */
  denominator: number;
  low: number;
  high: number;
}

export const entries: LexEntry[] = [];
const byHash = new Map<number, number>();

/** FNV-1a over lower-cased UTF-16 code units; the lexer computes the same while it reads. */
export function hashStep(hash: number, lowerCode: number): number {
  return Math.imul(hash ^ lowerCode, 16777619);
}
export const HASH_SEED = 0x811c9dc5 | 0;

function hashOf(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/**
 * The internalized copy of a string (as property names are). The grammar compares entries' words with
 * literals; a word made at load (a plural, w + 's') is not internalized, and the first one met in
 * optimized code that has only seen internalized words deoptimizes it.
 */
function internalized(s: string): string {
  return Object.keys({ [s]: true })[0]!;
}

function entry(word: string): LexEntry {
  const h = hashOf(word);
  const found = byHash.get(h);
  if (found !== undefined) {
    const e = entries[found]!;
    if (e.word !== word) throw new Error(`value lexicon: hash collision between "${e.word}" and "${word}"`);
    return e;
  }
  const e: LexEntry = {
    word: internalized(word), flags: 0, month: 0, monthAbbreviation: false, weekday: -1, number: -1, scale: 0, scaleUse: 0, unit: 0,
    unitCount: 0, season: -1, direction: 0, modifier: 0, currency: '', subunit: false, denominator: 0, low: 0, high: 0,
  };
  byHash.set(h, entries.length);
  HASH_FILTER[h & 0xffff] = 1;
  entries.push(e);
  return e;
}

/**
 * One byte per low 16 bits of a hash: 1 where some lexicon word has it. Most words of a text are
 * not in the lexicon, and this turns them away before the Map lookup.
 */
export const HASH_FILTER = new Uint8Array(1 << 16);

/** Entry index for a hash, or −1. The caller checks the word's length and letters against entry.word. */
export function lookupHash(hash: number): number {
  if (HASH_FILTER[hash & 0xffff] === 0) return -1;
  const i = byHash.get(hash);
  return i === undefined ? -1 : i;
}

(function build() {
  MONTHS.forEach((names, m) =>
    names.forEach((name, k) => {
      const e = entry(name);
      e.flags |= F_MONTH | F_TIME_START;
      e.month = m + 1;
      e.monthAbbreviation = k > 0;
    }),
  );
  WEEKDAYS.forEach((name, d) => {
    const e = entry(name);
    e.flags |= F_WEEKDAY | F_TIME_START;
    e.weekday = d;
  });
  for (const [w, n] of NUMBER_WORDS) {
    const e = entry(w);
    e.flags |= F_NUMWORD | F_TIME_START;
    e.number = n;
  }
  for (const [w, p, use] of SCALES) {
    const e = entry(w);
    e.flags |= F_SCALE;
    e.scale = p;
    e.scaleUse = use;
  }
  for (const [w, unit, count] of TIME_UNITS) {
    const e = entry(w);
    e.flags |= F_TIME_UNIT;
    e.unit = unit;
    e.unitCount = count;
  }
  for (const [w, s] of SEASONS) {
    const e = entry(w);
    e.flags |= F_SEASON | F_TIME_START;
    e.season = s;
  }
  for (const [w, m] of MODIFIERS) {
    const e = entry(w);
    e.flags |= F_MODIFIER | F_TIME_START;
    e.modifier = m;
  }
  for (const [w, d] of RELATIVES) {
    const e = entry(w);
    e.flags |= F_RELATIVE | F_TIME_START;
    e.direction = d;
  }
  for (const [w, n] of ORDINALS) {
    const e = entry(w);
    e.flags |= F_ORDINAL | F_TIME_START;
    e.number = e.number < 0 ? n : e.number;
  }
  for (const [w, lo, hi] of VAGUE_COUNTS) {
    const e = entry(w);
    e.flags |= F_VAGUE_COUNT | F_TIME_START;
    e.low = lo;
    e.high = hi;
  }
  for (const [w, d] of OFFSET_DIRECTIONS) {
    const e = entry(w);
    e.flags |= F_OFFSET_DIRECTION;
    e.direction = d;
  }
  for (const w of DAY_PARTS) entry(w).flags |= F_DAY_PART;
  for (const w of FUTURE_CUES) entry(w).flags |= F_FUTURE_CUE;
  for (const w of DATE_CUES) entry(w).flags |= F_DATE_CUE;
  for (const w of EVENT_NOUNS) entry(w).flags |= F_EVENT_NOUN;
  for (const w of ANCHOR_FILLERS) entry(w).flags |= F_ANCHOR_FILLER;
  for (const w of ['yesterday', 'today', 'tomorrow', 'tonight', 'the', 'a', 'an', 'between', 'from', 'fiscal', 'q', 'h', 'some']) {
    entry(w).flags |= F_TIME_START;
  }
  for (const [w, code] of CURRENCY_WORDS) {
    const e = entry(w);
    e.flags |= F_CURRENCY_WORD;
    e.currency = code;
  }
  for (const [w, code] of CURRENCY_SUBUNITS) {
    const e = entry(w);
    e.flags |= F_CURRENCY_WORD;
    e.currency = code;
    e.subunit = true;
  }
  for (const [w, d] of FRACTION_WORDS) entry(w).denominator = d;
  for (const [w, code] of CURRENCY_CODES) {
    const e = entry(w);
    e.flags |= F_CURRENCY_CODE;
    e.currency = e.currency || code;
    if (!(e.flags & F_CURRENCY_WORD)) e.currency = code;
  }
  for (const w of PERCENT_WORDS) entry(w).flags |= F_PERCENT;
  for (const w of UNIT_WORDS) {
    entry(w).flags |= F_UNIT;
    if (/^[a-z]{3,}$/.test(w) && !w.endsWith('s') && w !== 'people' && w !== 'staff' && w !== 'police') entry(w + 's').flags |= F_UNIT;
  }
  // words the grammars test by name
  for (const w of GRAMMAR_WORDS) entry(w);
  for (const w of UNIT_QUALIFIERS) entry(w).flags |= F_UNIT_QUALIFIER;
  for (const w of UNIT_ADJECTIVES) entry(w).flags |= F_UNIT_ADJECTIVE;
  for (const w of NOT_UNITS) entry(w).flags |= F_NOT_UNIT;
})();

/** The entry of a word spelled in lower case (for the few places that need one by name). */
export function entryOf(word: string): LexEntry {
  const i = byHash.get(hashOf(word));
  if (i === undefined || entries[i]!.word !== word) throw new Error(`value lexicon: no entry "${word}"`);
  return entries[i]!;
}
