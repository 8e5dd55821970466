import { matchesWord, splitPacked } from './words.js';

/** An agent noun ("ambassador", "ministers of silly walks") and the sector code it adds to an actor's. */
export interface AgentEntry {
  words: string[];
  /** Sector code: GOV, MIL, SPY, … */
  agent: string;
  /** Whether the sector follows the actor's code (RUSGOV) or precedes it (NGOARN). */
  agentMode: 'suffix' | 'prefix';
}

/** [phrase (lower-case words, single spaces), sector code, placement]: an actor dictionary's agent nouns. */
export type AgentPhrase = readonly [phrase: string, sector: string, placement?: 'suffix' | 'prefix'];

export interface AgentMatch {
  length: number;
  entry: AgentEntry;
}

/**
 * The entries one text word may start, longest first, split so that a match reads only the entries its next word
 * allows: phrases of two or more words filed under each second word they accept, then the one-word entries.
 */
export interface Candidates {
  bySecond: Map<string, AgentEntry[]>;
  oneWord: AgentEntry[];
}

/**
 * Agent nouns, indexed by first word: one hash lookup per token. Built from an actor dictionary's agents
 * (`ActorDictionary.agentPhrases`): the coder attaches them to the actors the resolver found, where a
 * convention asks for it (PETRARCH's "ambassadors of Arnor, Osgiliath and Gondor").
 */
export class AgentLexicon {
  private readonly byFirst = new Map<string, AgentEntry[]>();
  /** First words and, where no first word is spelled so, their regular plurals ("officials") → candidate entries. */
  private readonly byFirstOrPlural = new Map<string, Candidates>();
  /** The words the `bySecond` of some candidates files entries under. */
  private readonly seconds = new Set<string>();

  constructor(phrases: Iterable<AgentPhrase>) {
    for (const [phrase, agent, placement] of phrases) this.add({ words: splitPacked(phrase, ' '), agent, agentMode: placement ?? 'suffix' });
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

  private add(entry: AgentEntry): void {
    if (!entry.words.length || !entry.words[0]) return;
    const key = entry.words[0];
    const list = this.byFirst.get(key);
    if (list) list.push(entry);
    else this.byFirst.set(key, [entry]);
  }

  /** The longest entry starting at word i; the last word may be a regular plural. */
  match(words: readonly string[], i: number): AgentMatch | undefined {
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
  private pluralCandidates(w: string): AgentEntry[] | undefined {
    if (w.length < 4 || !w.endsWith('s')) return undefined;
    const single =
      this.byFirst.get(w.slice(0, -1)) ??
      (w.endsWith('es') ? this.byFirst.get(w.slice(0, -2)) : undefined) ??
      (w.endsWith('ies') ? this.byFirst.get(w.slice(0, -3) + 'y') : undefined);
    return single?.filter((e) => e.words.length === 1);
  }
}

/** A lexicon with no agents: the coder then attaches none (the pipeline's resolver does it). */
export const NO_AGENTS = new AgentLexicon([]);

/**
 * The longest of a first word's candidate entries (see `candidatesFor`) that starts at word i. `nextIsSecond`
 * false says the next word is none of the lexicon's `secondWords`, which spares looking it up.
 */
export function matchCandidates(candidates: Candidates, words: readonly string[], i: number, nextIsSecond = true): AgentMatch | undefined {
  const longer = nextIsSecond && i + 1 < words.length ? candidates.bySecond.get(words[i + 1]) : undefined;
  return (longer && firstMatch(longer, words, i)) || firstMatch(candidates.oneWord, words, i);
}

/** The forms matchesWord accepts for a dictionary word: itself and its regular plurals. */
function pluralForms(word: string): string[] {
  const forms = [word, word + 's', word + 'es'];
  if (word.endsWith('y')) forms.push(word.slice(0, -1) + 'ies');
  return forms;
}

function candidatesOf(list: readonly AgentEntry[], seconds: Set<string>): Candidates {
  const bySecond = new Map<string, AgentEntry[]>();
  const oneWord: AgentEntry[] = [];
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
function firstMatch(entries: readonly AgentEntry[], words: readonly string[], i: number): AgentMatch | undefined {
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
