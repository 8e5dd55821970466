import type { ActorLexiconData, DatedCode } from './dictionaries/actor-data.js';
import { matchesWord, splitPacked } from './words.js';

export interface LexiconEntry {
  words: string[];
  /** Actor codes (dated) or, for an agent noun, its sector code. */
  codes?: DatedCode[];
  agent?: string;
  agentMode?: 'suffix' | 'prefix';
}

export interface LexiconMatch {
  length: number;
  entry: LexiconEntry;
}

/** The code in force on a date (ISO); the undated code when no dated one applies. */
export function codeOn(codes: DatedCode[], date: string | undefined): string | undefined {
  let fallback: string | undefined;
  for (const c of codes) {
    if (c.from === undefined && c.to === undefined) {
      fallback ??= c.code;
      continue;
    }
    if (!date) continue;
    if ((c.from === undefined || date >= c.from) && (c.to === undefined || date <= c.to)) return c.code;
  }
  return fallback ?? (date ? undefined : codes[0]?.code);
}

/**
 * The entries one text word may start, longest first, split so that a match reads only the entries its next word
 * allows: phrases of two or more words filed under each second word they accept, then the one-word entries.
 */
export interface Candidates {
  bySecond: Map<string, LexiconEntry[]>;
  oneWord: LexiconEntry[];
}

/** Actor and agent phrases, indexed by first word: one hash lookup per token. */
export class ActorLexicon {
  private readonly byFirst = new Map<string, LexiconEntry[]>();
  /** First words and, where no first word is spelled so, their regular plurals ("officials") → candidate entries. */
  private readonly byFirstOrPlural = new Map<string, Candidates>();
  /** The words the `bySecond` of some candidates files entries under. */
  private readonly seconds = new Set<string>();

  constructor(...sources: ActorLexiconData[]) {
    for (const data of sources) {
      // Actor and agent entries alike carry all four fields: one shape where matches read them.
      for (const [phrase, codes] of data.actors) this.add({ words: splitPacked(phrase, ' '), codes, agent: undefined, agentMode: undefined });
      for (const [phrase, agent, agentMode] of data.agents) this.add({ words: splitPacked(phrase, ' '), codes: undefined, agent, agentMode });
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
    this.indexPlurals();
  }

  /** One lookup per text word at match time. Every word pluralCandidates can answer is one of these forms of a first word. */
  private indexPlurals(): void {
    for (const [key, list] of this.byFirst) this.byFirstOrPlural.set(key, candidatesOf(list, this.seconds));
    for (const key of this.byFirst.keys()) {
      for (const form of pluralForms(key).slice(1)) {
        if (this.byFirstOrPlural.has(form)) continue;
        const list = this.pluralCandidates(form);
        if (list) this.byFirstOrPlural.set(form, candidatesOf(list, this.seconds));
      }
    }
  }

  private add(entry: LexiconEntry): void {
    if (!entry.words.length || !entry.words[0]) return;
    const key = entry.words[0];
    const list = this.byFirst.get(key);
    if (list) list.push(entry);
    else this.byFirst.set(key, [entry]);
    // Plural of a one-word entry ("officials" for "official") is found through its stem at lookup.
  }

  /** The longest entry starting at word i; the last word may be a regular plural. */
  match(words: readonly string[], i: number): LexiconMatch | undefined {
    const candidates = this.byFirstOrPlural.get(words[i]);
    return candidates && matchCandidates(candidates, words, i);
  }

  /** Every word `candidatesFor` answers. */
  startWords(): IterableIterator<string> {
    return this.byFirstOrPlural.keys();
  }

  /** Every word some phrase takes as its second word: no other word can continue a phrase. */
  secondWords(): ReadonlySet<string> {
    return this.seconds;
  }

  /** The entries a text word may start (what `match` looks up first), if any. */
  candidatesFor(word: string): Candidates | undefined {
    return this.byFirstOrPlural.get(word);
  }

  /** The one-word entries of the first word that `w` is a regular plural of. */
  private pluralCandidates(w: string): LexiconEntry[] | undefined {
    if (w.length < 4 || !w.endsWith('s')) return undefined;
    const single =
      this.byFirst.get(w.slice(0, -1)) ??
      (w.endsWith('es') ? this.byFirst.get(w.slice(0, -2)) : undefined) ??
      (w.endsWith('ies') ? this.byFirst.get(w.slice(0, -3) + 'y') : undefined);
    return single?.filter((e) => e.words.length === 1);
  }
}

/**
 * The longest of a first word's candidate entries (see `candidatesFor`) that starts at word i. `nextIsSecond`
 * false says the next word is none of the lexicon's `secondWords`, which spares looking it up.
 */
export function matchCandidates(candidates: Candidates, words: readonly string[], i: number, nextIsSecond = true): LexiconMatch | undefined {
  const longer = nextIsSecond && i + 1 < words.length ? candidates.bySecond.get(words[i + 1]) : undefined;
  return (longer && firstMatch(longer, words, i)) || firstMatch(candidates.oneWord, words, i);
}

/** The forms matchesWord accepts for a dictionary word: itself and its regular plurals. */
function pluralForms(word: string): string[] {
  const forms = [word, word + 's', word + 'es'];
  if (word.endsWith('y')) forms.push(word.slice(0, -1) + 'ies');
  return forms;
}

function candidatesOf(list: readonly LexiconEntry[], seconds: Set<string>): Candidates {
  const bySecond = new Map<string, LexiconEntry[]>();
  const oneWord: LexiconEntry[] = [];
  for (const entry of list) {
    if (entry.words.length === 1) {
      oneWord.push(entry);
      continue;
    }
    // The second word is the last one of a two-word phrase, where a plural also matches.
    const secondForms = entry.words.length === 2 ? new Set(pluralForms(entry.words[1])) : [entry.words[1]];
    for (const second of secondForms) {
      seconds.add(second);
      const filed = bySecond.get(second);
      if (filed) filed.push(entry);
      else bySecond.set(second, [entry]);
    }
  }
  return { bySecond, oneWord };
}

/** The first entry (in the given order, longest first) that the words at i spell. */
function firstMatch(entries: readonly LexiconEntry[], words: readonly string[], i: number): LexiconMatch | undefined {
  for (const entry of entries) {
    const len = entry.words.length;
    if (i + len > words.length) continue;
    let ok = true;
    for (let k = 0; k < len && ok; k++) {
      const dict = entry.words[k];
      ok = k === len - 1 ? matchesWord(words[i + k], dict) : words[i + k] === dict;
    }
    if (ok) return { length: len, entry };
  }
  return undefined;
}
