import { NO_AGENTS, type Candidates } from './agent-lexicon.js';
import type { RiftPattern } from './rift-patterns.js';
import type { VerbForm, WindowWord } from './verb-dictionary.js';
import type { CoderResources } from './coder.js';

/** What the coder's tables say about one normalized word. */
export interface WordFacts {
  verbForms: readonly VerbForm[] | undefined;
  verbWindow: WindowWord | undefined;
  riftPatterns: readonly RiftPattern[] | undefined;
  agentCandidates: Candidates | undefined;
  /** Whether some agent phrase takes the word as its second word. */
  agentSecond: boolean;
}

const NOTHING: WordFacts = { verbForms: undefined, verbWindow: undefined, riftPatterns: undefined, agentCandidates: undefined, agentSecond: false };

/**
 * The coder's per-word lookups (verb forms, verb-window words, Rift triggers, agent phrase starts and seconds) merged into
 * one table at load time: one lookup per token instead of several. The table is open addressing over an Int32Array
 * whose slots hold an entry number in their low bits and the high bits of the word's hash above it, so a word no
 * table knows (most of them) costs one probe into a small array.
 */
export class WordFactsIndex {
  private readonly slots: Int32Array;
  /** Low bits of a slot: its entry number plus one (0: empty). */
  private readonly entryMask: number;
  private readonly keys: string[] = [];
  /** Filled on first use: a process meets a small part of the tables' words. */
  private readonly facts: (WordFacts | undefined)[] = [];

  constructor(private readonly res: CoderResources) {
    const agents = res.agents ?? NO_AGENTS;
    const sources = (): Iterable<string>[] => [res.verbs.knownWords(), agents.startWords(), agents.secondWords(), res.patterns?.triggers() ?? []];
    // Room for every word of every source, duplicates included: at most half the slots get used.
    let count = 0;
    for (const source of sources()) for (const _ of source) count++;
    let size = 16;
    while (size < count * 2) size *= 2;
    this.slots = new Int32Array(size);
    let entryMask = 1;
    while (entryMask < count + 1) entryMask = entryMask * 2 + 1;
    this.entryMask = entryMask;
    const mask = size - 1;
    for (const source of sources()) {
      for (const word of source) {
        if (this.entryOf(word) >= 0) continue;
        const h = hashOf(word);
        let s = h & mask;
        while (this.slots[s] !== 0) s = (s + 1) & mask;
        this.keys.push(word);
        this.facts.push(undefined);
        this.slots[s] = (h & ~entryMask) | this.keys.length;
      }
    }
  }

  private describe(entry: number): WordFacts {
    const { res } = this;
    const word = this.keys[entry];
    const facts: WordFacts = {
      verbForms: res.verbs.formsOf(word),
      verbWindow: res.verbs.windowWordOf(word),
      riftPatterns: res.patterns?.triggeredBy(word),
      agentCandidates: (res.agents ?? NO_AGENTS).candidatesFor(word),
      agentSecond: (res.agents ?? NO_AGENTS).secondWords().has(word),
    };
    this.facts[entry] = facts;
    return facts;
  }

  of(word: string): WordFacts {
    const entry = this.entryOf(word);
    return entry < 0 ? NOTHING : this.factsOf(entry);
  }

  private entryOf(word: string): number {
    const h = hashOf(word);
    const slots = this.slots;
    const mask = slots.length - 1;
    const entryMask = this.entryMask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = slots[s];
      if (slot === 0) return NOT_KNOWN;
      if (((slot ^ h) & ~entryMask) === 0 && this.keys[(slot & entryMask) - 1] === word) return (slot & entryMask) - 1;
    }
  }

  ofWords(words: readonly string[]): WordFacts[] {
    return words.map((w) => this.of(w));
  }

  /**
   * For a token text[start, end) of ASCII letters only (its normalized word is then just its lower case): the entry
   * of that word (`keyOf`, `factsOf`), or NOT_KNOWN when no table knows it. NOT_LETTERS for any other token, which
   * needs normalizeWord. Reads the text in place: nothing is allocated.
   */
  entryOfToken(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 97 && c <= 122) h = Math.imul(h ^ c, 0x01000193);
      else if (c >= 65 && c <= 90) h = Math.imul(h ^ (c + 32), 0x01000193);
      else return NOT_LETTERS;
    }
    if (end === start) return NOT_LETTERS;
    const slots = this.slots;
    const mask = slots.length - 1;
    const entryMask = this.entryMask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = slots[s];
      if (slot === 0) return NOT_KNOWN;
      if (((slot ^ h) & ~entryMask) === 0 && spellsLowerCase(this.keys[(slot & entryMask) - 1], text, start, end)) return (slot & entryMask) - 1;
    }
  }

  keyOf(entry: number): string {
    return this.keys[entry];
  }

  factsOf(entry: number): WordFacts {
    return this.facts[entry] ?? this.describe(entry);
  }
}

export const NOT_KNOWN = -1;
export const NOT_LETTERS = -2;

/** Is `word` the lower case of text[start, end) (ASCII letters)? */
function spellsLowerCase(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(start + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** What a word no table knows has. */
export function nothingKnown(): WordFacts {
  return NOTHING;
}

function hashOf(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h;
}

const indexes = new WeakMap<CoderResources, WordFactsIndex>();

/** The index over one set of coder tables, built once and shared by every coder over them. */
export function wordFactsFor(res: CoderResources): WordFactsIndex {
  let index = indexes.get(res);
  if (!index) indexes.set(res, (index = new WordFactsIndex(res)));
  return index;
}
