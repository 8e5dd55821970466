import type { VerbDictionaryData } from './dictionaries/verb-data.js';
import { matchesWord, splitPacked } from './words.js';

/**
 * One pattern token, compiled once: a word (regular plurals allowed), `a_b` adjacent words, or a
 * synset (`&name`: its single words, then its multi-word members in order).
 */
type TokenMatcher =
  | { kind: 'word'; word: string }
  | { kind: 'phrase'; parts: PhrasePart[] }
  | { kind: 'synset'; id: number; words: Set<string> | undefined; phrases: TokenMatcher[] };

/** One part of an `a_b` token: a plain word, or a synset (`&name`: one of its words, or one of its phrases in a row). */
type PhrasePart = { word: string; synset?: undefined; phrases?: undefined } | { word?: undefined; synset: Set<string> | undefined; phrases: TokenMatcher[] };

/** A pattern token in place: a target/source marker, the compound-subject flag, or a word to match. */
type PatternStep = { marker: '+' | '$' | '%'; matcher?: undefined } | { marker?: undefined; matcher: TokenMatcher };

interface CompiledPattern {
  pre: PatternStep[];
  post: PatternStep[];
  /** Number of real words (markers excluded). */
  size: number;
  code: string;
  /** Plain words the pattern needs (as literal ids): a quick filter before the ordered match. */
  literals: number[];
  /** Length of each of those words. */
  literalLengths: number[];
  /** Synsets the pattern needs: one of their words (or a phrase's first word) must be in the window. */
  synsets: number[];
}

/** Where a pattern's markers put the target or source: the first group from `from`, or the last group ending by `upTo`. */
export interface ActorSlot {
  from?: number;
  upTo?: number;
}

/** The slots a pattern's markers set; both fields always present, so that the objects share one shape. */
interface MarkedSlots {
  target: ActorSlot | undefined;
  source: ActorSlot | undefined;
}

const NO_SLOTS: MarkedSlots = { target: undefined, source: undefined };

export interface VerbForm {
  block: number;
  ownCode: string;
  before: string[];
  after: string[];
  /** The verb the block is named after, whose meaning the block's default code was written for. */
  head: boolean;
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
  /**
   * The code is only the default of the block of a verb the block is not named after: no pattern, no code of the
   * verb's own, no fixed words around it ("provide" in the GRANT block).
   */
  blockDefault: boolean;
  target?: ActorSlot;
  source?: ActorSlot;
}

/** A verb block's patterns, most specific first, with their sizes and window needs laid out flat for the prefilter. */
interface PatternBlock {
  code: string;
  patterns: CompiledPattern[];
  sizes: Int32Array;
  /** Pattern x needs needs[needFrom[x], needFrom[x + 1]). */
  needFrom: Int32Array;
  needs: Int32Array;
  /**
   * Patterns filed under one of their needs (a literal id, or a synset id as its complement): a pattern can hold
   * only when the window vouches for that need. Key k files keyed[keyFrom[k], keyFrom[k + 1]), ascending.
   */
  keys: Int32Array;
  keyFrom: Int32Array;
  keyed: Int32Array;
  /** Patterns with no need to file them under (only phrases and markers), ascending. */
  unkeyed: Int32Array;
}

function withNeeds(block: { code: string; patterns: CompiledPattern[] }): PatternBlock {
  const count = block.patterns.length;
  const sizes = new Int32Array(count);
  const needFrom = new Int32Array(count + 1);
  const needs: number[] = [];
  const byKey = new Map<number, number[]>();
  const unkeyed: number[] = [];
  block.patterns.forEach((p, x) => {
    sizes[x] = p.size;
    needFrom[x] = needs.length;
    needs.push(...p.literals, ...p.synsets.map((id) => ~id));
    const key = keyNeed(p);
    if (key === undefined) unkeyed.push(x);
    else {
      const filed = byKey.get(key);
      if (filed) filed.push(x);
      else byKey.set(key, [x]);
    }
  });
  needFrom[count] = needs.length;
  const keys = Int32Array.from(byKey.keys());
  const keyFrom = new Int32Array(keys.length + 1);
  const keyed: number[] = [];
  keys.forEach((key, k) => {
    keyFrom[k] = keyed.length;
    keyed.push(...byKey.get(key)!);
  });
  keyFrom[keys.length] = keyed.length;
  return { ...block, sizes, needFrom, needs: Int32Array.from(needs), keys, keyFrom, keyed: Int32Array.from(keyed), unkeyed: Int32Array.from(unkeyed) };
}

/** The need a pattern is filed under: its longest plain word (likely the rarest), else its first synset. */
function keyNeed(p: CompiledPattern): number | undefined {
  let key: number | undefined;
  let longest = 0;
  p.literals.forEach((id, q) => {
    const length = p.literalLengths[q];
    if (length > longest) {
      longest = length;
      key = id;
    }
  });
  if (key === undefined && p.synsets.length) key = ~p.synsets[0];
  return key;
}

/** What the coder knows of a text word before matching: its verb forms and what it vouches for in a window. */
export interface VerbWordFacts {
  verbForms: readonly VerbForm[] | undefined;
  verbWindow: WindowWord | undefined;
}

/** The pattern words (as literal ids) and synsets one text word vouches for in the window around a verb. */
export interface WindowWord {
  literals: number[];
  synsets: number[];
  /** Both, as `PatternBlock.needs` spells them (synsets as complements): windowNeeds[needFrom, needTo) of the dictionary. */
  needFrom: number;
  needTo: number;
}

const isMarker = (w: string) => w === '+' || w === '$';
/** `%` in a pattern: the subject is a compound ("X and Y agree"). */
const COMPOUND = '%';

// Empty, but with the element kind of filled word lists, so that verb forms' word lists all share one array map.
const EMPTY: string[] = [''].slice(1);

/** A synset's multi-word members when it has none; like EMPTY, of the element kind of filled lists. */
const NO_PHRASES: TokenMatcher[] = [{ kind: 'word', word: '' } as TokenMatcher].slice(1);

function formWords(text: string): string[] {
  return text ? splitPacked(text, ' ') : EMPTY;
}

/** The words a pattern's tokens stand for: one each, a phrase token as many as its parts. */
function partsIn(tokens: readonly string[]): number {
  let n = 0;
  for (const t of tokens) n += t.split('_').length;
  return n;
}

/** Blocks of at most this many patterns are tested whole, not through their keys. */
const SMALL_BLOCK = 8;

function pluralForms(w: string): string[] {
  const forms = [w, w + 's', w + 'es'];
  if (w.endsWith('y')) forms.push(w.slice(0, -1) + 'ies');
  return forms;
}

/** The verb-pattern dictionary, indexed by inflected form. */
export class VerbDictionary {
  private readonly forms = new Map<string, VerbForm[]>();
  private readonly blocks: PatternBlock[];
  private readonly synsets = new Map<string, Set<string>>();
  private readonly synsetWords = new Map<string, Set<string>>();
  private readonly synsetPhrases = new Map<string, string[]>();
  /** Synset id by name; an unknown name gets `synsetIds.size`, which no word marks. */
  private readonly synsetIds = new Map<string, number>();
  /** Plain pattern words by id. */
  private readonly literalIds = new Map<string, number>();
  /** Text word → the pattern words and synsets it vouches for when it stands in the window around a verb. */
  private readonly windowWords = new Map<string, WindowWord>();
  /** `literalSeen[id] === windowEpoch` when the current window vouches for that pattern word; likewise synsets. */
  private literalSeen = new Uint32Array(0);
  private synsetSeen = new Uint32Array(0);
  private windowEpoch = 0;
  /** Every window word's needs, one after another (see WindowWord.needFrom). */
  private windowNeeds: Int32Array = new Int32Array(0);
  /** Scratch: the patterns of a block worth testing against the current window. */
  private candidates = new Int32Array(256);

  constructor(data: VerbDictionaryData, readonly window = 12) {
    for (const name of Object.keys(data.synsets)) this.synsets.set(name, new Set());
    for (const [name, members] of Object.entries(data.synsets)) this.fillSynset(name, members, data, new Set());
    this.indexSynsets();
    this.indexSynsetStarts();
    this.blocks = data.blocks.map(([code, patterns]) => withNeeds({
      code,
      patterns: patterns
        .map(([pre, post, c]) => {
          const preWords = pre ? pre.split(' ') : EMPTY;
          const postWords = post ? post.split(' ') : EMPTY;
          const p: CompiledPattern = {
            pre: preWords.map((w) => this.compileStep(w, true)),
            post: postWords.map((w) => this.compileStep(w, false)),
            code: c,
            // A phrase token ("most_certainly_&negatvauxvrb_ever") counts its parts: it says that much more.
            size: partsIn(preWords.filter((w) => !isMarker(w))) + partsIn(postWords.filter((w) => !isMarker(w) && w !== COMPOUND)),
            literals: [...preWords, ...postWords].filter((w) => /^[a-z0-9'.-]+$/.test(w)).map((w) => this.literalId(w)),
            literalLengths: [...preWords, ...postWords].filter((w) => /^[a-z0-9'.-]+$/.test(w)).map((w) => w.length),
            synsets: [],
          };
          for (const step of [...p.pre, ...p.post]) if (step.matcher?.kind === 'synset') p.synsets.push(step.matcher.id);
          return p;
        })
        // Most specific first, so the first full match is the best one.
        .sort((a, b) => b.size - a.size),
    }));
    this.indexLiteralSurfaces();
    this.windowNeeds = this.layOutWindowNeeds();
    for (const [form, entries] of Object.entries(data.verbs)) {
      this.forms.set(
        form,
        entries.map(([block, ownCode, before, after, head]) => ({
          block,
          ownCode,
          before: formWords(before),
          after: formWords(after),
          head: head === 1,
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

  /** For the window prefilter: which text words can begin a match of each synset (exactly the words matchAt accepts first). */
  private indexSynsetStarts(): void {
    for (const name of this.synsets.keys()) this.synsetIds.set(name, this.synsetIds.size);
    this.synsetSeen = new Uint32Array(this.synsetIds.size + 1);
    const mark = (word: string, id: number) => {
      const ids = this.windowWord(word).synsets;
      if (!ids.includes(id)) ids.push(id);
    };
    for (const [name, id] of this.synsetIds) {
      for (const w of this.synsetWords.get(name)!) mark(w, id);
      for (const phrase of this.synsetPhrases.get(name)!) {
        const first = phrase.split('_')[0];
        if (first.charCodeAt(0) === 38 /* & */) for (const w of this.synsetWords.get(first.slice(1)) ?? []) mark(w, id);
        else for (const w of pluralForms(first)) mark(w, id); // the forms matchesWord accepts
      }
    }
  }

  private windowWord(word: string): WindowWord {
    let entry = this.windowWords.get(word);
    if (!entry) this.windowWords.set(word, (entry = { literals: [], synsets: [], needFrom: 0, needTo: 0 }));
    return entry;
  }

  private literalId(word: string): number {
    let id = this.literalIds.get(word);
    if (id === undefined) this.literalIds.set(word, (id = this.literalIds.size));
    return id;
  }

  /**
   * The text words that put a pattern word in the window: the word itself and the plurals whose singular the
   * window reads (a word over three letters ending in s stands for itself less s, less es, and -ies for -y).
   */
  private indexLiteralSurfaces(): void {
    this.literalSeen = new Uint32Array(this.literalIds.size);
    for (const [literal, id] of this.literalIds) {
      const surfaces = [literal, literal + 's', literal + 'es'];
      if (literal.endsWith('y')) surfaces.push(literal.slice(0, -1) + 'ies');
      for (const surface of new Set(surfaces)) {
        if (surface !== literal && surface.length <= 3) continue;
        const ids = this.windowWord(surface).literals;
        if (!ids.includes(id)) ids.push(id);
      }
    }
  }

  private layOutWindowNeeds(): Int32Array {
    let total = 0;
    for (const w of this.windowWords.values()) total += w.literals.length + w.synsets.length;
    const needs = new Int32Array(total);
    let at = 0;
    for (const w of this.windowWords.values()) {
      w.needFrom = at;
      for (const id of w.literals) needs[at++] = id;
      for (const id of w.synsets) needs[at++] = ~id;
      w.needTo = at;
    }
    return needs;
  }

  has(word: string): boolean {
    return this.forms.has(word);
  }

  /** Every word `formsOf` or `windowWordOf` answers. */
  *knownWords(): IterableIterator<string> {
    yield* this.forms.keys();
    yield* this.windowWords.keys();
  }

  /** The verb forms a word may be (undefined for none): what `match` looks up first. */
  formsOf(word: string): readonly VerbForm[] | undefined {
    return this.forms.get(word);
  }

  /** What the word vouches for when it stands in a verb's window, if anything. */
  windowWordOf(word: string): WindowWord | undefined {
    return this.windowWords.get(word);
  }

  /** Before the verb `%` is the compound-subject test; after it, a word like any other. */
  private compileStep(w: string, beforeVerb: boolean): PatternStep {
    if (isMarker(w)) return { marker: w as '+' | '$' };
    if (beforeVerb && w === COMPOUND) return { marker: COMPOUND };
    return { matcher: this.compileToken(w) };
  }

  private compileToken(token: string): TokenMatcher {
    if (token.charCodeAt(0) === 38 /* & */ && token.indexOf('_') < 0) {
      const name = token.slice(1);
      const members = this.synsetPhrases.get(name);
      const phrases = members?.length ? members.map((m) => this.compileToken(m)) : NO_PHRASES;
      return { kind: 'synset', id: this.synsetIds.get(name) ?? this.synsetIds.size, words: this.synsetWords.get(name), phrases };
    }
    if (token.indexOf('_') < 0) return { kind: 'word', word: token };
    const parts = token.split('_').map((p): PhrasePart => {
      if (p.charCodeAt(0) !== 38) return { word: p };
      const members = this.synsetPhrases.get(p.slice(1));
      return { synset: this.synsetWords.get(p.slice(1)), phrases: members?.length ? members.map((m) => this.compileToken(m)) : NO_PHRASES };
    });
    return { kind: 'phrase', parts };
  }

  /** How many words of the text at j the pattern token matches; 0 for none. */
  private matchAt(words: readonly string[], j: number, token: TokenMatcher): number {
    switch (token.kind) {
      case 'word':
        return matchesWord(words[j], token.word) ? 1 : 0;
      case 'synset': {
        if (token.words?.has(words[j])) return 1;
        for (const phrase of token.phrases) {
          const n = this.matchAt(words, j, phrase);
          if (n) return n;
        }
        return 0;
      }
      case 'phrase': {
        // "MOST_CERTAINLY_&NEGATVAUXVRB_EVER": a synset part may be one of its words or one of its phrases ("wo n't").
        let at = j;
        for (const part of token.parts) {
          if (at >= words.length) return 0;
          if (part.word !== undefined) {
            if (!matchesWord(words[at], part.word)) return 0;
            at++;
            continue;
          }
          if (part.synset?.has(words[at])) {
            at++;
            continue;
          }
          let n = 0;
          for (const phrase of part.phrases) if ((n = this.matchAt(words, at, phrase))) break;
          if (!n) return 0;
          at += n;
        }
        return at - j;
      }
    }
  }

  /**
   * Codes the verb at token i, if it is one, with the most specific pattern that matches around it. `facts`, when
   * given, holds for each word its `formsOf` and `windowWordOf` (looked up once per spelling by the caller).
   */
  match(
    words: readonly string[],
    i: number,
    lo: number,
    hi: number,
    compoundSubject: () => boolean = () => false,
    facts?: readonly VerbWordFacts[],
  ): VerbMatch | undefined {
    const forms = facts ? facts[i].verbForms : this.forms.get(words[i]);
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
      if (block.patterns.length) this.collectAround(words, verbStart, verbEnd, lo, hi, facts);
      let code = form.ownCode || block.code;
      let specificity = form.before.length + form.after.length;
      let last = verbEnd - 1;
      let slots: MarkedSlots = NO_SLOTS;
      const { patterns, sizes, needFrom, needs } = block;
      const count = this.candidatesFor(block);
      for (let c = 0; c < count; c++) {
        const x = this.candidates[c];
        if (sizes[x] + form.before.length + form.after.length <= specificity) break;
        if (!this.windowHolds(needs, needFrom[x], needFrom[x + 1])) continue;
        const p = patterns[x];
        const found: MarkedSlots = { target: undefined, source: undefined };
        const end = this.matchAround(words, verbStart, verbEnd, lo, hi, p, found, compoundSubject);
        if (end >= 0) {
          code = p.code;
          specificity = p.size + form.before.length + form.after.length;
          last = Math.max(end, verbEnd - 1);
          slots = found;
          break;
        }
      }
      // Both slots always present (possibly undefined): one shape for every match, whichever markers it had.
      const blockDefault = specificity === 0 && !form.ownCode && !form.head;
      if (!best || specificity > best.specificity) best = { code, specificity, last, verbStart, verbEnd, blockDefault, target: slots.target, source: slots.source };
    }
    return best;
  }

  /**
   * Writes into `candidates`, ascending, the block's patterns the current window may hold, and returns how many:
   * those filed under a need the window vouches for, and those filed under none. A small block is taken whole.
   */
  private candidatesFor(block: PatternBlock): number {
    const total = block.patterns.length;
    if (this.candidates.length < total) this.candidates = new Int32Array(total * 2);
    const out = this.candidates;
    if (total <= SMALL_BLOCK) {
      for (let x = 0; x < total; x++) out[x] = x;
      return total;
    }
    const { keys, keyFrom, keyed, unkeyed } = block;
    const epoch = this.windowEpoch;
    let n = 0;
    for (let q = 0; q < unkeyed.length; q++) out[n++] = unkeyed[q];
    for (let k = 0; k < keys.length; k++) {
      const need = keys[k];
      if ((need >= 0 ? this.literalSeen[need] : this.synsetSeen[~need]) !== epoch) continue;
      // Few patterns pass: inserting each in place keeps `out` ascending.
      for (let r = keyFrom[k]; r < keyFrom[k + 1]; r++) {
        const x = keyed[r];
        let j = n++;
        while (j > 0 && out[j - 1] > x) {
          out[j] = out[j - 1];
          j--;
        }
        out[j] = x;
      }
    }
    return n;
  }

  /** Whether the window vouches for every need in needs[from, to): a literal id, or a synset id as its complement. */
  private windowHolds(needs: Int32Array, from: number, to: number): boolean {
    const epoch = this.windowEpoch;
    for (let q = from; q < to; q++) {
      const id = needs[q];
      if ((id >= 0 ? this.literalSeen[id] : this.synsetSeen[~id]) !== epoch) return false;
    }
    return true;
  }

  /** Marks the pattern words and synsets the window around the verb vouches for (a new epoch unmarks the last window). */
  private collectAround(words: readonly string[], vs: number, ve: number, lo: number, hi: number, facts?: readonly VerbWordFacts[]): void {
    if (this.windowEpoch === 0xffffffff) {
      this.windowEpoch = 0;
      this.literalSeen.fill(0);
      this.synsetSeen.fill(0);
    }
    const epoch = ++this.windowEpoch;
    const from = Math.max(lo, vs - 6);
    const to = Math.min(hi, ve + this.window);
    for (let k = from; k < to; k++) {
      const vouched = facts ? facts[k].verbWindow : this.windowWords.get(words[k]);
      if (!vouched) continue;
      const needs = this.windowNeeds;
      for (let q = vouched.needFrom; q < vouched.needTo; q++) {
        const need = needs[q];
        if (need >= 0) this.literalSeen[need] = epoch;
        else this.synsetSeen[~need] = epoch;
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
    slots: MarkedSlots,
    compoundSubject: () => boolean,
  ): number {
    let j = ve;
    const postLimit = Math.min(hi, ve + this.window);
    let last = ve - 1;
    for (const step of p.post) {
      if (step.marker !== undefined) {
        slots[step.marker === '+' ? 'target' : 'source'] = { from: j };
        continue;
      }
      let len = 0;
      while (j < postLimit && !(len = this.matchAt(words, j, step.matcher))) j++;
      if (j >= postLimit) return -1;
      last = j + len - 1;
      j += len;
    }
    let k = vs - 1;
    const preLimit = Math.max(lo, vs - 6);
    for (let x = p.pre.length - 1; x >= 0; x--) {
      const step = p.pre[x];
      if (step.marker === COMPOUND) {
        if (!compoundSubject()) return -1;
        continue;
      }
      if (step.marker !== undefined) {
        slots[step.marker === '+' ? 'target' : 'source'] = { upTo: k + 1 };
        continue;
      }
      while (k >= preLimit && !this.matchAt(words, k, step.matcher)) k--;
      if (k < preLimit) return -1;
      k--;
    }
    return last;
  }
}
