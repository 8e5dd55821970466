import type { VerbDictionaryData } from './dictionaries/verb-data.js';
import { matchesWord } from './words.js';

interface CompiledPattern {
  pre: string[];
  post: string[];
  /** Number of real words (markers excluded). */
  size: number;
  code: string;
  /** Plain words the pattern needs: a quick filter before the ordered match. */
  literals: string[];
}

/** Where a pattern's markers put the target or source: the first group from `from`, or the last group ending by `upTo`. */
export interface ActorSlot {
  from?: number;
  upTo?: number;
}

interface VerbForm {
  block: number;
  ownCode: string;
  before: string[];
  after: string[];
}

export interface VerbMatch {
  code: string;
  /** Number of pattern words matched: 0 for the verb's default code. */
  specificity: number;
  /** Token index of the last word the match used (the verb itself, or a pattern word). */
  last: number;
  /** Token span of the verb (multi-word verbs included). */
  verbStart: number;
  verbEnd: number;
  target?: ActorSlot;
  source?: ActorSlot;
}

const isMarker = (w: string) => w === '+' || w === '$';
/** `%` in a pattern: the subject is a compound ("X and Y agree"). */
const COMPOUND = '%';

const EMPTY: string[] = [];

function pluralForms(w: string): string[] {
  const forms = [w, w + 's', w + 'es'];
  if (w.endsWith('y')) forms.push(w.slice(0, -1) + 'ies');
  return forms;
}

/** The verb-pattern dictionary, indexed by inflected form. */
export class VerbDictionary {
  private readonly forms = new Map<string, VerbForm[]>();
  private readonly blocks: { code: string; patterns: CompiledPattern[] }[];
  private readonly synsets = new Map<string, Set<string>>();
  private readonly synsetWords = new Map<string, Set<string>>();
  private readonly synsetPhrases = new Map<string, string[]>();
  /** Words around the verb being coded (and their singulars), reused across calls. */
  private readonly around = new Set<string>();

  constructor(data: VerbDictionaryData, readonly window = 12) {
    for (const name of Object.keys(data.synsets)) this.synsets.set(name, new Set());
    for (const [name, members] of Object.entries(data.synsets)) this.fillSynset(name, members, data, new Set());
    this.indexSynsets();
    this.blocks = data.blocks.map(([code, patterns]) => ({
      code,
      patterns: patterns
        .map(([pre, post, c]) => {
          const p = { pre: pre ? pre.split(' ') : EMPTY, post: post ? post.split(' ') : EMPTY, code: c, size: 0, literals: EMPTY };
          p.literals = [...p.pre, ...p.post].filter((w) => /^[a-z0-9'.-]+$/.test(w));
          p.size = p.pre.filter((w) => !isMarker(w)).length + p.post.filter((w) => !isMarker(w) && w !== COMPOUND).length;
          return p;
        })
        // Most specific first, so the first full match is the best one.
        .sort((a, b) => b.size - a.size),
    }));
    for (const [form, entries] of Object.entries(data.verbs)) {
      this.forms.set(
        form,
        entries.map(([block, ownCode, before, after]) => ({
          block,
          ownCode,
          before: before ? before.split(' ') : EMPTY,
          after: after ? after.split(' ') : EMPTY,
        })),
      );
    }
  }

  private fillSynset(name: string, members: string[], data: VerbDictionaryData, seen: Set<string>): void {
    const set = this.synsets.get(name)!;
    seen.add(name);
    for (const m of members) {
      if (m.startsWith('&')) {
        const inner = m.slice(1);
        if (!seen.has(inner) && data.synsets[inner]) this.fillSynset(inner, data.synsets[inner], data, seen);
        for (const x of this.synsets.get(inner) ?? []) set.add(x);
      } else set.add(m);
    }
  }

  /** Synset members as a word set (with regular plurals) and, apart, the multi-word members. */
  private indexSynsets(): void {
    for (const [name, members] of this.synsets) {
      const words = new Set<string>();
      const phrases: string[] = [];
      for (const m of members) {
        if (m.includes('_')) phrases.push(m);
        else for (const f of pluralForms(m)) words.add(f);
      }
      this.synsetWords.set(name, words);
      this.synsetPhrases.set(name, phrases);
    }
  }

  has(word: string): boolean {
    return this.forms.has(word);
  }

  /** How many words of the text at j the pattern token matches (a word, `a_b` adjacent words, a synset); 0 for none. */
  private matchAt(words: readonly string[], j: number, token: string): number {
    if (token.charCodeAt(0) === 38 /* & */ && token.indexOf('_') < 0) {
      const name = token.slice(1);
      if (this.synsetWords.get(name)?.has(words[j])) return 1;
      for (const m of this.synsetPhrases.get(name) ?? EMPTY) {
        const n = this.matchAt(words, j, m);
        if (n) return n;
      }
      return 0;
    }
    if (token.indexOf('_') < 0) return matchesWord(words[j], token) ? 1 : 0;
    const parts = token.split('_');
    if (j + parts.length > words.length) return 0;
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k];
      const ok = p.charCodeAt(0) === 38 ? this.matchAt(words, j + k, p) === 1 : matchesWord(words[j + k], p);
      if (!ok) return 0;
    }
    return parts.length;
  }

  /** Codes the verb at token i, if it is one, with the most specific pattern that matches around it. */
  match(words: readonly string[], i: number, lo: number, hi: number, compoundSubject: () => boolean = () => false): VerbMatch | undefined {
    const forms = this.forms.get(words[i]);
    if (!forms) return undefined;
    let best: VerbMatch | undefined;
    for (const form of forms) {
      const verbStart = i - form.before.length;
      const verbEnd = i + 1 + form.after.length;
      if (verbStart < lo || verbEnd > hi) continue;
      let fixed = true;
      for (let k = 0; k < form.before.length && fixed; k++) fixed = words[verbStart + k] === form.before[k];
      for (let k = 0; k < form.after.length && fixed; k++) fixed = words[i + 1 + k] === form.after[k];
      if (!fixed) continue;
      const block = this.blocks[form.block];
      if (block.patterns.length) this.collectAround(words, verbStart, verbEnd, lo, hi);
      let code = form.ownCode || block.code;
      let specificity = form.before.length + form.after.length;
      let last = verbEnd - 1;
      let slots: { target?: ActorSlot; source?: ActorSlot } = {};
      for (const p of block.patterns) {
        if (p.size + form.before.length + form.after.length <= specificity) break;
        if (!p.literals.every((w) => this.around.has(w))) continue;
        const found: { target?: ActorSlot; source?: ActorSlot } = {};
        const end = this.matchAround(words, verbStart, verbEnd, lo, hi, p, found, compoundSubject);
        if (end >= 0) {
          code = p.code;
          specificity = p.size + form.before.length + form.after.length;
          last = Math.max(end, verbEnd - 1);
          slots = found;
          break;
        }
      }
      if (!best || specificity > best.specificity) best = { code, specificity, last, verbStart, verbEnd, ...slots };
    }
    return best;
  }

  private collectAround(words: readonly string[], vs: number, ve: number, lo: number, hi: number): void {
    const around = this.around;
    around.clear();
    const from = Math.max(lo, vs - 6);
    const to = Math.min(hi, ve + this.window);
    for (let k = from; k < to; k++) {
      const w = words[k];
      around.add(w);
      if (w.length > 3 && w.charCodeAt(w.length - 1) === 115 /* s */) {
        around.add(w.slice(0, -1));
        if (w.endsWith('es')) around.add(w.slice(0, -2));
        if (w.endsWith('ies')) around.add(w.slice(0, -3) + 'y');
      }
    }
  }

  /** Pattern words in order after the verb and (backwards) before it, gaps allowed; returns the last index used or -1. */
  private matchAround(
    words: readonly string[],
    vs: number,
    ve: number,
    lo: number,
    hi: number,
    p: CompiledPattern,
    slots: { target?: ActorSlot; source?: ActorSlot },
    compoundSubject: () => boolean,
  ): number {
    let j = ve;
    const postLimit = Math.min(hi, ve + this.window);
    let last = ve - 1;
    for (const w of p.post) {
      if (isMarker(w)) {
        slots[w === '+' ? 'target' : 'source'] = { from: j };
        continue;
      }
      let len = 0;
      while (j < postLimit && !(len = this.matchAt(words, j, w))) j++;
      if (j >= postLimit) return -1;
      last = j + len - 1;
      j += len;
    }
    let k = vs - 1;
    const preLimit = Math.max(lo, vs - 6);
    for (let x = p.pre.length - 1; x >= 0; x--) {
      const w = p.pre[x];
      if (w === COMPOUND) {
        if (!compoundSubject()) return -1;
        continue;
      }
      if (isMarker(w)) {
        slots[w === '+' ? 'target' : 'source'] = { upTo: k + 1 };
        continue;
      }
      while (k >= preLimit && !this.matchAt(words, k, w)) k--;
      if (k < preLimit) return -1;
      k--;
    }
    return last;
  }
}
