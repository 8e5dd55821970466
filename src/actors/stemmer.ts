import { foldCodes } from './words.js';
import type { WordStemmer } from './words.js';
import type { KeyTable } from './key-table.js';
import { stemmerRules } from './languages.js';

/** Letters a stem keeps at least: shorter words are matched as they are written. */
const MIN_STEM = 3;

/**
 * Matches the words of one inflecting language by stem. Where a case ending replaces the cited form's
 * own (Chiny, Chin, Chinami; Китай, Китаем), the dictionary's names and the text's words are both cut
 * before the longest ending of the language they end in, so all come to "chin", "кита". Where suffixes
 * attach to the cited form (Hungarian Kína, Kínát, Kínában), the name is kept whole and a text word
 * matches it less one suffix. Only words of the language's script are cut.
 */
export class Stemmer implements WordStemmer {
  readonly language: string;
  /** Folded endings by their last code unit, longest first. */
  private readonly byLast = new Map<number, Uint16Array[]>();
  private readonly attaches: boolean;
  private readonly assimilates: boolean;
  private readonly script: 'Latin' | 'Cyrillic' | 'Gujarati';

  constructor(language: string) {
    const rules = stemmerRules(language);
    if (!rules) throw new Error(`no inflection rules for language "${language}"`);
    this.language = rules.language;
    this.attaches = rules.attaches;
    this.assimilates = rules.assimilates;
    this.script = rules.script;
    const folded = [...new Set(rules.endings.map((e) => String.fromCharCode(...foldCodes(e))))].sort((a, b) => b.length - a.length);
    for (const ending of folded) {
      const codes = Uint16Array.from(ending, (c) => c.charCodeAt(0));
      const last = codes[codes.length - 1]!;
      const list = this.byLast.get(last);
      if (list) list.push(codes);
      else this.byLast.set(last, [codes]);
    }
  }

  /** Whether a word whose first folded code unit is `code` is in this language's script. */
  covers(code: number): boolean {
    if (this.script === 'Cyrillic') return code >= 0x400 && code <= 0x4ff;
    if (this.script === 'Gujarati') return code >= 0xa80 && code <= 0xaff;
    return code < 0x250 || (code >= 0x1e00 && code <= 0x1eff);
  }

  /** Where the dictionary's key of the folded word folded[start, end) ends. */
  phraseEnd(folded: Uint16Array, start: number, end: number): number {
    return this.attaches ? end : this.stemEnd(folded, start, end, 0);
  }

  /**
   * The key id a text word is matched under in this language's names: where endings replace the cited
   * form's, the stem the dictionary's rule gives; where suffixes attach, the word's own key or its key less
   * a suffix, whichever the names have. -1 when none is.
   */
  textKey(folded: Uint16Array, start: number, end: number, plainId: number, table: KeyTable, has: (id: number) => boolean): number {
    if (!this.attaches) {
      const stem = this.stemEnd(folded, start, end, 0);
      return stem === end ? plainId : table.find(folded, start, stem);
    }
    if (plainId >= 0 && has(plainId)) return plainId;
    if (end - start <= MIN_STEM || !this.covers(folded[start]!)) return -1;
    // try each suffix the word ends in, the longest first: Államokat is Államok + at
    for (let skip = 0; ; skip++) {
      const stem = this.stemEnd(folded, start, end, skip);
      if (stem === end) return -1;
      const id = table.find(folded, start, stem);
      if (id >= 0 && has(id)) return id;
    }
  }

  /**
   * The other reading of a text word where endings replace the cited form's: the longest ending is not
   * always the word's (Китая is Кита-я, whose name Китай is кита-й, not Кит-ая), so the first stem a shorter
   * ending (or none) leaves that the names have, other than textKey's. -1 when there is none.
   */
  otherKey(folded: Uint16Array, start: number, end: number, plainId: number, table: KeyTable, has: (id: number) => boolean): number {
    if (this.attaches) return -1;
    const first = this.stemEnd(folded, start, end, 0);
    if (first === end) return -1;
    for (let skip = 1; ; skip++) {
      const stem = this.stemEnd(folded, start, end, skip);
      const id = stem === end ? plainId : table.find(folded, start, stem);
      if (id >= 0 && has(id)) return id;
      if (stem === end) return -1;
    }
  }

  /** Where the word less its `skip`+1-th longest ending ends (end when there is none). */
  private stemEnd(folded: Uint16Array, start: number, end: number, skip: number): number {
    const length = end - start;
    if (length <= MIN_STEM || !this.covers(folded[start]!)) return end;
    // Putyin-nal, Oroszország-gal: the doubled consonant belongs to the suffix
    if (this.assimilates && length - 3 >= MIN_STEM && folded[end - 1] === 0x6c && (folded[end - 2] === 0x61 || folded[end - 2] === 0x65)) {
      const c = folded[end - 3]!;
      if (c === folded[end - 4] && c >= 0x62 && c <= 0x7a && !VOWELS.has(c) && skip-- === 0) return end - 3;
    }
    const list = this.byLast.get(folded[end - 1]!);
    if (!list) return end;
    for (const ending of list) {
      if (length - ending.length < MIN_STEM) continue;
      let k = 0;
      const from = end - ending.length;
      while (k < ending.length && folded[from + k] === ending[k]) k++;
      if (k === ending.length && skip-- === 0) return from;
    }
    return end;
  }

  /** The dictionary key of a word as a string (for tests). */
  stem(word: string): string {
    const folded = foldCodes(word);
    return String.fromCharCode(...folded.subarray(0, this.phraseEnd(folded, 0, folded.length)));
  }
}

const VOWELS = new Set([...'aeiouy'].map((c) => c.charCodeAt(0)));

const stemmers = new Map<string, Stemmer>();

/** The stemmer of an inflecting language (or of the language whose names a twin reads), made once. */
export function stemmerFor(language: string): Stemmer | undefined {
  const rules = stemmerRules(language);
  if (!rules) return undefined;
  let stemmer = stemmers.get(rules.language);
  if (!stemmer) stemmers.set(rules.language, (stemmer = new Stemmer(rules.language)));
  return stemmer;
}
