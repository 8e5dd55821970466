import type { ActorLexiconData, DatedCode } from './dictionaries/actor-data.js';
import { matchesWord } from './words.js';

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

/** Actor and agent phrases, indexed by first word: one hash lookup per token. */
export class ActorLexicon {
  private readonly byFirst = new Map<string, LexiconEntry[]>();

  constructor(...sources: ActorLexiconData[]) {
    for (const data of sources) {
      for (const [phrase, codes] of data.actors) this.add({ words: phrase.split(' '), codes });
      for (const [phrase, agent, agentMode] of data.agents) this.add({ words: phrase.split(' '), agent, agentMode });
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
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
    const w = words[i];
    let list = this.byFirst.get(w);
    if (!list) list = this.pluralCandidates(w);
    if (!list) return undefined;
    for (const entry of list) {
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

  private pluralCandidates(w: string): LexiconEntry[] | undefined {
    if (w.length < 4 || !w.endsWith('s')) return undefined;
    const single =
      this.byFirst.get(w.slice(0, -1)) ??
      (w.endsWith('es') ? this.byFirst.get(w.slice(0, -2)) : undefined) ??
      (w.endsWith('ies') ? this.byFirst.get(w.slice(0, -3) + 'y') : undefined);
    return single?.filter((e) => e.words.length === 1);
  }
}
