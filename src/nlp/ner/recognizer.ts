import { CompactModel, type LinearModel, PerceptronTrainer } from '../tagger/perceptron.js';
import { type TagContext, at, affixes } from '../tagger/context.js';
import { mix, step, HASH_START } from '../features/hash.js';
import { F_INIT_UPPER, F_ALL_UPPER, F_HAS_UPPER, F_HAS_DIGIT, F_HAS_LOWER, foldCode } from '../features/attributes.js';
import { BilouScheme, P_BEGIN, P_INSIDE, P_OUTSIDE, type TokenSpan } from './tag-scheme.js';
import { IntTable } from '../features/int-table.js';
import { ENTITY_TYPES, VALUE_TYPES } from './types.js';

// Greedy left-to-right BILOU tagging with an averaged perceptron over rich features (after Ratinov
// & Roth 2009): the word, its affixes and shape, a two-word window, part of speech, the tags chosen
// so far, gazetteer lists, word clusters, and what the same word was tagged earlier in the document.

/** Bits of EntityRecognizer.words: a lower-case word that begins entities, is often one alone, goes on with them. */
export const WORD_STARTS = 1;
export const WORD_ALONE = 2;
export const WORD_INSIDE = 4;

const MAX_FEATURES = 512;
const MAX_JOINT = 16;
const START = 0x7f;

/** 1 begin, 2 inside, 3 last, 4 alone in a run of capitalized tokens; 0 when not capitalized. */
function capitalRun(flags: Uint16Array, s: number, e: number, i: number): number {
  if ((flags[i] & F_INIT_UPPER) === 0) return 0;
  const before = i > s && (flags[i - 1] & F_INIT_UPPER) !== 0;
  const after = i + 1 < e && (flags[i + 1] & F_INIT_UPPER) !== 0;
  return before ? (after ? 2 : 3) : after ? 1 : 4;
}

/** A sentence of a document, as token indices [tokenStart, tokenEnd). */
export interface SentenceRange {
  tokenStart: number;
  tokenEnd: number;
}

/** What the recognizer remembers across a document: the entity type each capitalized word was last given (1 + type index). */
export class DocumentMemory {
  readonly earlier = new IntTable(256);
}

/**
 * What the recognizer is trained against, per token: a code that stands for the set of tags gold
 * allows there. With full labels the code is the tag and its set that tag alone; a corpus annotated
 * with coarser types (CoNLL-2003's four) gives each of its tags the set of our tags it stands for.
 */
export interface GoldSets {
  /** The allowed tags of each code. */
  sets: readonly Uint8Array[];
}

/** The recognizer's two weight tables (see EntityRecognizer). */
export interface NerModels {
  /** Columns: see factoredColumns. */
  factored: LinearModel;
  /** Columns: the tags. */
  joint: LinearModel;
}

/** The trainers of the two tables, stepped together. */
export interface NerTrainers {
  factored: PerceptronTrainer;
  joint: PerceptronTrainer;
}

/**
 * Columns of the factored table: the five prefixes (O, B, I, L, U) of names, the same five of values,
 * then "no type" and each type.
 */
export function factoredColumns(types: number): number {
  return 10 + 1 + types;
}

/**
 * What each of the words seen last adds up to in the shipped tables from its own features (those
 * that depend on its characters alone): a direct-mapped cache keyed by the word's exact and folded
 * hashes. A word's own features are a third to a half of its features, and most tokens the
 * recognizer scores are words it scored shortly before ("the", "said", "Reuters").
 */
class WordSums {
  private static readonly BITS = 12;
  private readonly keys = new Int32Array(2 << WordSums.BITS);
  private readonly used = new Uint8Array(1 << WordSums.BITS);
  readonly factored: Int32Array;
  readonly joint: Int32Array;

  constructor(factoredColumns: number, tags: number) {
    this.factored = new Int32Array(factoredColumns << WordSums.BITS);
    this.joint = new Int32Array(tags << WordSums.BITS);
  }

  private slotOf(word: number, lower: number): number {
    return Math.imul(word ^ Math.imul(lower, 0x85ebca6b), 0x9e3779b1) >>> (32 - WordSums.BITS);
  }

  /** The word's slot, or -1 when it is not there. */
  find(word: number, lower: number): number {
    const slot = this.slotOf(word, lower);
    return this.used[slot] === 1 && this.keys[2 * slot] === word && this.keys[2 * slot + 1] === lower ? slot : -1;
  }

  /** The word's slot, now its own (whatever was there is forgotten). */
  claim(word: number, lower: number): number {
    const slot = this.slotOf(word, lower);
    this.used[slot] = 1;
    this.keys[2 * slot] = word;
    this.keys[2 * slot + 1] = lower;
    return slot;
  }
}

export class EntityRecognizer {
  readonly scheme: BilouScheme;
  private readonly features = new Int32Array(MAX_FEATURES);
  /** The features scored for each tag on its own (transitions, the word itself): see extract. */
  private readonly jointFeatures = new Int32Array(MAX_JOINT);
  private jointCount = 0;
  /** How many of the first features (and joint features) depend on the word's characters alone. */
  private ownCount = 0;
  private jointOwnCount = 0;
  private readonly factoredScores: Float32Array;
  /** Integer sums of the shipped tables' weights, and what words' own features add up to. */
  private readonly factoredSums: Int32Array;
  private readonly jointSums: Int32Array;
  private readonly wordSums: WordSums | undefined;
  private readonly scores: Float32Array;
  private readonly prefix = new Int32Array(4);
  private readonly suffix = new Int32Array(4);
  /** Per tag, its columns in the factored table. */
  private readonly prefixColumn: Uint8Array;
  private readonly typeColumn: Uint8Array;

  /**
   * A tag's score is the sum of three: its prefix's (as a name's or a value's) and its type's in the
   * factored table, over all the features, and its own in the joint table, over a few (transitions,
   * the word and its neighbours). With eighteen types and 73 tags, a table with a column per tag
   * would read three times the memory per feature; most features say "a name begins here" or "this
   * is an organization" as well through the prefix and the type.
   *
   * words: what lower-case words (by TokenAttributes.lower) do in entities, as WORD_* bits; outside:
   * words with a capital or a digit (by TokenAttributes.word) that are Outside wherever they do not
   * go on with an entity; see plainlyOutside.
   */
  constructor(
    readonly models: NerModels,
    types: readonly string[] = ENTITY_TYPES,
    readonly words: IntTable = new IntTable(),
    readonly outside: IntTable = new IntTable(),
  ) {
    this.scheme = new BilouScheme(types);
    this.scores = new Float32Array(this.scheme.size);
    const columns = factoredColumns(types.length);
    this.factoredScores = new Float32Array(columns);
    this.factoredSums = new Int32Array(columns);
    this.jointSums = new Int32Array(this.scheme.size);
    this.prefixColumn = Uint8Array.from(this.scheme.prefixCodes, (p, t) => (t > 0 && VALUE_TYPES.has(types[this.scheme.typeOf(t) - 1]) ? p + 5 : p));
    this.typeColumn = Uint8Array.from(this.scheme.names, (_, t) => 10 + this.scheme.typeOf(t));
    if (models.factored instanceof CompactModel && models.joint instanceof CompactModel) this.wordSums = new WordSums(columns, this.scheme.size);
    for (let prev = -1; prev < this.scheme.size; prev++) {
      for (const last of [false, true]) {
        const candidates = this.scheme.candidatesAfter(prev, last);
        if (this.columnsOf.has(candidates)) continue;
        const used = new Set<number>();
        for (const t of candidates) used.add(this.prefixColumn[t]).add(this.typeColumn[t]);
        this.columnsOf.set(candidates, Uint8Array.from([...used].sort((a, b) => a - b)));
      }
    }
  }

  /**
   * Per list of candidate tags (the scheme's own arrays), the factored columns their scores read:
   * inside an entity, three of the table's columns; after O, most of them.
   */
  private readonly columnsOf = new Map<Uint8Array, Uint8Array>();

  /** Scores the tags in candidates from the features extracted for token i. */
  private score(models: NerModels, ctx: TagContext, i: number, n: number, candidates: Uint8Array): void {
    if (this.wordSums && models === this.models) {
      this.scoreShipped(this.models.factored as CompactModel, this.models.joint as CompactModel, this.wordSums, ctx, i, n, candidates);
      return;
    }
    const sc = this.scores;
    const fs = this.factoredScores;
    models.factored.score(this.features, n, fs);
    models.joint.scoreSome(this.jointFeatures, this.jointCount, candidates, sc);
    for (let k = 0; k < candidates.length; k++) {
      const t = candidates[k];
      sc[t] += fs[this.prefixColumn[t]] + fs[this.typeColumn[t]];
    }
  }

  /**
   * score for the shipped tables, in integers: what the word's own features add up to comes from
   * wordSums (most tokens are words seen shortly before), the rest is added to it. Integer sums
   * are the same whatever was cached, so the scores are too.
   */
  private scoreShipped(factored: CompactModel, joint: CompactModel, cache: WordSums, ctx: TagContext, i: number, n: number, candidates: Uint8Array): void {
    const slot = cache.find(ctx.attrs.word[i], ctx.attrs.lower[i]);
    const F = this.factoredSums.length;
    const columns = this.columnsOf.get(candidates)!;
    const T = this.jointSums.length;
    if (slot < 0) {
      const fresh = cache.claim(ctx.attrs.word[i], ctx.attrs.lower[i]);
      this.factoredSums.fill(0);
      this.jointSums.fill(0);
      factored.addSums(this.features, 0, this.ownCount, this.factoredSums);
      joint.addSums(this.jointFeatures, 0, this.jointOwnCount, this.jointSums);
      cache.factored.set(this.factoredSums, fresh * F);
      cache.joint.set(this.jointSums, fresh * T);
    } else {
      const fo = slot * F;
      for (let k = 0; k < columns.length; k++) this.factoredSums[columns[k]] = cache.factored[fo + columns[k]];
      const jo = slot * T;
      for (let k = 0; k < candidates.length; k++) this.jointSums[candidates[k]] = cache.joint[jo + candidates[k]];
    }
    const fs = this.factoredSums;
    const js = this.jointSums;
    // Only the columns the candidates read (integer sums: the same scores as summing them all).
    if (columns.length < F) factored.addSumsSome(this.features, this.ownCount, n, columns, fs);
    else factored.addSums(this.features, this.ownCount, n, fs);
    joint.addSumsSome(this.jointFeatures, this.jointOwnCount, this.jointCount, candidates, js);
    const sc = this.scores;
    const fScale = factored.scale;
    const jScale = joint.scale;
    for (let k = 0; k < candidates.length; k++) {
      const t = candidates[k];
      sc[t] = (fs[this.prefixColumn[t]] + fs[this.typeColumn[t]]) * fScale + js[t] * jScale;
    }
  }

  private update(trainers: NerTrainers, n: number, gold: number, guess: number): void {
    trainers.factored.update(this.features, n, this.prefixColumn[gold], this.prefixColumn[guess]);
    trainers.factored.update(this.features, n, this.typeColumn[gold], this.typeColumn[guess]);
    trainers.joint.update(this.jointFeatures, this.jointCount, gold, guess);
  }

  private extract(ctx: TagContext, s: number, e: number, i: number, tags: Uint8Array, memory: DocumentMemory): number {
    const f = this.features;
    const a = ctx.attrs;
    const t1 = i - 1 >= s ? tags[i - 1] : START;
    const t2 = i - 2 >= s ? tags[i - 2] : START;
    const w = a.lower[i];
    const shape = a.shape[i];
    const shapePrev = at(a.shape, i - 1, s, e);
    const shapeNext = at(a.shape, i + 1, s, e);
    const lowerPrev = at(a.lower, i - 1, s, e);
    const lowerNext = at(a.lower, i + 1, s, e);
    affixes(ctx.text, ctx.starts[i], ctx.ends[i], this.prefix, this.suffix);
    const flags = a.flags[i];
    const c = ctx.clusters[i];
    // First what the word's characters alone say, the same wherever it stands (see scoreShipped).
    const j = this.jointFeatures;
    let m = 0;
    j[m++] = mix(2, w);
    j[m++] = mix(8, shape);
    j[m++] = mix(38, c);
    j[m++] = mix(19, this.suffix[2]);
    this.jointOwnCount = m;
    let n = 0;
    f[n++] = mix(2, w);
    f[n++] = mix(3, a.word[i]);
    f[n++] = mix(8, shape);
    for (let k = 0; k < 4; k++) {
      f[n++] = mix(13 + k, this.prefix[k]);
      f[n++] = mix(17 + k, this.suffix[k]);
    }
    f[n++] = mix(38, c);
    f[n++] = mix(39, c >>> 10);
    f[n++] = mix(40, c >>> 20);
    f[n++] = mix(mix(41, c >>> 10), flags & (F_INIT_UPPER | F_ALL_UPPER));
    // Character 3- and 4-grams carry what unseen names share with seen ones (-ov, -burg, Inter-).
    if (flags & (F_INIT_UPPER | F_ALL_UPPER)) n = this.charNgrams(ctx.text, ctx.starts[i], ctx.ends[i], n);
    this.ownCount = n;
    // Then the context: the tags chosen so far and the words around.
    j[m++] = 1;
    j[m++] = mix(25, t1);
    j[m++] = mix(26, (t2 << 8) | t1);
    j[m++] = mix(mix(27, t1), w);
    j[m++] = mix(mix(28, t1), shape);
    j[m++] = mix(mix(52, capitalRun(a.flags, s, e, i)), this.capsSentence);
    j[m++] = mix(4, lowerPrev);
    j[m++] = mix(5, lowerNext);
    this.jointCount = m;
    f[n++] = 1;
    f[n++] = mix(4, lowerPrev);
    f[n++] = mix(5, lowerNext);
    if ((flags & (F_HAS_UPPER | F_HAS_DIGIT)) === 0 && (t1 === START || this.scheme.prefixCodes[t1] === P_OUTSIDE || this.scheme.prefixCodes[t1] > P_INSIDE)) {
      // A word in lower case that may begin an entity ("the", "two"): what follows says most; fewer
      // features, as most words scored are names.
      f[n++] = mix(7, at(a.lower, i + 2, s, e));
      f[n++] = mix(10, shapeNext);
      f[n++] = mix(23, i + 1 < e ? ctx.pos[i + 1] : 254);
      f[n++] = mix(mix(30, w), lowerNext);
      f[n++] = mix(mix(61, lowerPrev), lowerNext);
      f[n++] = mix(43, at(ctx.clusters, i + 1, s, e) >>> 10);
      return n;
    }
    f[n++] = mix(6, at(a.lower, i - 2, s, e));
    f[n++] = mix(7, at(a.lower, i + 2, s, e));
    f[n++] = mix(9, shapePrev);
    f[n++] = mix(10, shapeNext);
    f[n++] = mix(mix(11, shapePrev), shape);
    f[n++] = mix(mix(12, shape), shapeNext);
    const pos = ctx.pos[i];
    const posPrev = i - 1 >= s ? ctx.pos[i - 1] : 255;
    const posNext = i + 1 < e ? ctx.pos[i + 1] : 254;
    f[n++] = mix(21, pos);
    f[n++] = mix(22, posPrev);
    f[n++] = mix(23, posNext);
    f[n++] = mix(24, (posPrev << 16) | (pos << 8) | posNext);
    f[n++] = mix(mix(29, lowerPrev), w);
    f[n++] = mix(mix(30, w), lowerNext);
    f[n++] = mix(mix(31, lowerPrev), shape);
    f[n++] = mix(mix(32, shape), lowerNext);
    f[n++] = mix(mix(61, lowerPrev), lowerNext);
    f[n++] = mix(62, at(a.suffix3, i - 1, s, e));
    f[n++] = mix(63, at(a.suffix3, i + 1, s, e));
    f[n++] = mix(mix(33, i === s ? 1 : 0), shape);
    // In an all-capitals headline, capitals say nothing: let the word speak for itself there.
    const caps = this.capsSentence;
    f[n++] = mix(mix(50, caps), w);
    f[n++] = mix(mix(51, caps), shape);
    // Where the token sits in its run of capitalized words: Begin, Inside, Last, Unit, or none.
    f[n++] = mix(mix(52, capitalRun(a.flags, s, e, i)), caps);
    // Results tables and scores ("Leicester 2 Chelsea 1"): many numbers make names teams.
    f[n++] = mix(mix(mix(53, this.numericSentence), shape), shapeNext);
    if (flags & (F_INIT_UPPER | F_ALL_UPPER)) {
      // The words around, without their positions (three either side).
      for (let k = Math.max(s, i - 3); k < i; k++) f[n++] = mix(56, a.lower[k]);
      for (let k = i + 1; k < Math.min(e, i + 4); k++) f[n++] = mix(57, a.lower[k]);
      // The first and last words of the token's run of capitalized words ("Rotary Club", "FC Cologne").
      let first = i;
      while (first > s && first > i - 5 && a.flags[first - 1] & F_INIT_UPPER) first--;
      let last = i;
      while (last + 1 < e && last < i + 5 && a.flags[last + 1] & F_INIT_UPPER) last++;
      if (last > first) {
        f[n++] = mix(66, a.lower[first]);
        f[n++] = mix(67, a.lower[last]);
        f[n++] = mix(mix(68, last - first), i - first);
        let phrase = 69;
        for (let k = first; k <= last; k++) phrase = mix(phrase, a.lower[k]);
        f[n++] = phrase;
      }
      // The words just outside the run ("in" ... "said").
      f[n++] = mix(70, at(a.lower, first - 1, s, e));
      f[n++] = mix(71, at(a.lower, last + 1, s, e));
    }
    const g = ctx.gazetteer[i];
    const gPrev = i - 1 >= s ? ctx.gazetteer[i - 1] : 0;
    const gNext = i + 1 < e ? ctx.gazetteer[i + 1] : 0;
    for (let bits = g; bits !== 0; bits &= bits - 1) {
      const b = 31 - Math.clz32(bits & -bits);
      f[n++] = mix(34, b);
      f[n++] = mix(mix(35, b), flags & (F_INIT_UPPER | F_ALL_UPPER));
    }
    for (let bits = gPrev; bits !== 0; bits &= bits - 1) f[n++] = mix(36, 31 - Math.clz32(bits & -bits));
    for (let bits = gNext; bits !== 0; bits &= bits - 1) f[n++] = mix(37, 31 - Math.clz32(bits & -bits));
    const lists = ctx.runLists[i];
    for (let b = 0; lists !== 0 && b < 16; b++) if (lists & (1 << b)) f[n++] = mix(mix(72, b), capitalRun(a.flags, s, e, i));
    f[n++] = mix(42, at(ctx.clusters, i - 1, s, e) >>> 10);
    f[n++] = mix(43, at(ctx.clusters, i + 1, s, e) >>> 10);
    if (flags & F_INIT_UPPER) {
      const seen = memory.earlier.get(w, 0);
      f[n++] = mix(44, seen);
      f[n++] = mix(mix(45, seen), i === s ? 1 : 0);
    }
    return n;
  }

  /** Folded codes of a word's first 20 characters, between edge marks: ^ at 0, $ after the last. */
  private readonly codes = new Int32Array(23);

  private charNgrams(text: string, start: number, end: number, n: number): number {
    const f = this.features;
    const len = Math.min(end - start, 20);
    const codes = this.codes;
    codes[0] = 0x5e;
    for (let k = 0; k < len; k++) codes[k + 1] = foldCode(text.charCodeAt(start + k));
    codes[len + 1] = 0x24;
    codes[len + 2] = 0x24;
    // codes[k + 1] is the code at position k, for k from -1 (the start mark) to len + 1.
    for (let k = -1; k + 2 <= len; k++) {
      const tri = step(step(step(HASH_START, codes[k + 1]), codes[k + 2]), codes[k + 3]);
      f[n++] = mix(58, tri);
      if (k + 3 <= len) f[n++] = mix(59, step(tri, codes[k + 4]));
      if (n > MAX_FEATURES - 40) break;
    }
    return n;
  }

  /** The best of the candidates, by this.scores. */
  private choose(candidates: Uint8Array): number {
    const sc = this.scores;
    let best = candidates[0];
    for (let k = 1; k < candidates.length; k++) if (sc[candidates[k]] > sc[best]) best = candidates[k];
    return best;
  }

  /**
   * Tokens without a capital letter or a digit, outside an open entity, are Outside without scoring,
   * but for words that often begin one: those that are often a one-word entity ("two", "today")
   * always, the others ("the", "a", "about") when the next token has a capital or a digit or is a
   * word entities begin with or go on with ("the same day", "about two years"). The rest begin
   * about one OntoNotes entity in a hundred, and are most of the text. Words with a capital that
   * are never a name outside one ("However", "He", "Mr.") are Outside without scoring too.
   */
  private plainlyOutside(ctx: TagContext, i: number, e: number, prev: number): boolean {
    const flags = ctx.attrs.flags;
    if (prev >= 0) {
      const p = this.scheme.prefixCodes[prev];
      if (p === P_BEGIN || p === P_INSIDE) return false;
    }
    if ((flags[i] & (F_HAS_UPPER | F_HAS_DIGIT)) !== 0) return this.outside.get(ctx.attrs.word[i], 0) !== 0;
    const kind = this.words.get(ctx.attrs.lower[i], 0);
    if (kind & WORD_ALONE) return false;
    if ((kind & WORD_STARTS) === 0 || i + 1 >= e) return true;
    if (flags[i + 1] & (F_HAS_UPPER | F_HAS_DIGIT)) return false;
    return this.words.get(ctx.attrs.lower[i + 1], 0) === 0;
  }

  /** Reused by tagDocument from one document to the next. */
  private readonly memory = new DocumentMemory();
  private capsSentence = 0;
  private numericSentence = 0;

  /** 1 when at least a third of the sentence's tokens are numbers, else 0. */
  private static numeric(ctx: TagContext, s: number, e: number): number {
    let digits = 0;
    for (let i = s; i < e; i++) if (ctx.attrs.flags[i] & F_HAS_DIGIT) digits++;
    return e - s >= 3 && digits * 3 >= e - s ? 1 : 0;
  }

  /** 1 when most of the sentence's words are in capitals (a headline), else 0. */
  private static capitals(ctx: TagContext, s: number, e: number): number {
    let upper = 0;
    let words = 0;
    for (let i = s; i < e; i++) {
      const fl = ctx.attrs.flags[i];
      if ((fl & (F_HAS_UPPER | F_HAS_LOWER)) === 0) continue;
      words++;
      if (fl & F_ALL_UPPER) upper++;
    }
    return words >= 2 && upper * 2 > words ? 1 : 0;
  }

  private remember(ctx: TagContext, i: number, tag: number, memory: DocumentMemory): void {
    if (ctx.attrs.flags[i] & F_INIT_UPPER) memory.earlier.set(ctx.attrs.lower[i], this.scheme.typeOf(tag));
  }

  /** Tags the tokens [s, e) into tags (by token index); margins, when given, get each decision's lead. */
  tag(ctx: TagContext, s: number, e: number, tags: Uint8Array, memory: DocumentMemory, margins?: Float32Array): void {
    this.capsSentence = EntityRecognizer.capitals(ctx, s, e);
    this.numericSentence = EntityRecognizer.numeric(ctx, s, e);
    for (let i = s; i < e; i++) {
      const prev = i > s ? tags[i - 1] : -1;
      if (this.plainlyOutside(ctx, i, e, prev)) {
        tags[i] = 0;
        if (margins) margins[i] = 100;
        continue;
      }
      const last = i === e - 1;
      const candidates = this.scheme.candidatesAfter(prev, last);
      const n = this.extract(ctx, s, e, i, tags, memory);
      this.score(this.models, ctx, i, n, candidates);
      const best = this.choose(candidates);
      tags[i] = best;
      if (margins) {
        const scores = this.scores;
        let second = -Infinity;
        for (let k = 0; k < candidates.length; k++) {
          const t = candidates[k];
          if (t !== best && scores[t] > second) second = scores[t];
        }
        margins[i] = second === -Infinity ? 100 : scores[best] - second;
      }
      this.remember(ctx, i, best, memory);
    }
  }

  /**
   * One training pass over the sentence [s, e) with gold codes (see GoldSets); returns the number
   * of errors. The tags chosen so far are the recognizer's own, as when it runs, so gold may be out
   * of reach after a mistake (an entity it did not open cannot go on): it then learns the tag
   * nearest to gold that is in reach (see nearest). Where gold allows several tags, it learns the
   * best-scoring one in reach that the next token's gold can continue.
   */
  train(trainers: NerTrainers, ctx: TagContext, s: number, e: number, gold: Uint8Array, goldSets: GoldSets, tags: Uint8Array, memory: DocumentMemory): number {
    this.capsSentence = EntityRecognizer.capitals(ctx, s, e);
    this.numericSentence = EntityRecognizer.numeric(ctx, s, e);
    const models = { factored: trainers.factored.model, joint: trainers.joint.model };
    let errors = 0;
    for (let i = s; i < e; i++) {
      const prev = i > s ? tags[i - 1] : -1;
      const last = i === e - 1;
      const set = goldSets.sets[gold[i]];
      if (this.plainlyOutside(ctx, i, e, prev)) {
        tags[i] = 0;
        if (set[0] !== 0) errors++; // not scored: nothing to learn
        continue;
      }
      const candidates = this.scheme.candidatesAfter(prev, last);
      const n = this.extract(ctx, s, e, i, tags, memory);
      this.score(models, ctx, i, n, candidates);
      const guess = this.choose(candidates);
      const next = last ? undefined : goldSets.sets[gold[i + 1]];
      const sc = this.scores;
      let target = -1;
      for (let k = 0; k < set.length; k++) {
        const g = set[k];
        const t = this.nearest(prev, g, last);
        if (t === g && next && !this.continuable(t, next)) continue;
        if (target < 0 || sc[t] > sc[target]) target = t;
      }
      if (target < 0) target = guess;
      if (guess !== target) {
        this.update(trainers, n, target, guess);
        errors++;
      }
      trainers.factored.tick();
      trainers.joint.tick();
      tags[i] = guess;
      this.remember(ctx, i, guess, memory);
    }
    return errors;
  }

  /**
   * The tag allowed after prev that is nearest to gold g: g itself where allowed; inside an entity
   * opened by mistake, its Inside or Last as g goes on or not; outside one, where g continues an
   * entity not opened, the rest of that entity as a new one (Begin or Unit).
   */
  private nearest(prev: number, g: number, last: boolean): number {
    const scheme = this.scheme;
    if (scheme.isAllowed(prev, g, last)) return g;
    const gp = scheme.prefixCodes[g];
    const pp = prev < 0 ? P_OUTSIDE : scheme.prefixCodes[prev];
    if (pp === P_BEGIN || pp === P_INSIDE) {
      const base = (scheme.typeOf(prev) - 1) * 4 + 1;
      return gp === P_INSIDE && !last ? base + 1 : base + 2;
    }
    const base = (scheme.typeOf(g) - 1) * 4 + 1;
    return gp === P_INSIDE && !last ? base : base + 3;
  }

  /** Whether a tag that opens or continues an entity (B, I) can be followed by a tag of the next set. */
  private continuable(t: number, next: Uint8Array): boolean {
    const p = this.scheme.prefixCodes[t];
    if (p !== P_BEGIN && p !== P_INSIDE) return true;
    for (let k = 0; k < next.length; k++) if (this.scheme.isAllowed(t, next[k], false)) return true;
    return false;
  }

  /** The entity spans of the sentence [s, e) (token indices relative to s). */
  spans(tags: Uint8Array, s: number, e: number): TokenSpan[] {
    return this.scheme.decode(tags, s, e);
  }

  /** Tags a whole document, sentence by sentence, remembering what each capitalized word was given. */
  tagDocument(ctx: TagContext, sentences: readonly SentenceRange[], tags: Uint8Array, margins?: Float32Array): void {
    const memory = this.memory;
    memory.earlier.clear();
    for (const r of sentences) this.tag(ctx, r.tokenStart, r.tokenEnd, tags, memory, margins);
  }

  /** One training pass over a document; returns the number of errors. */
  trainDocument(trainers: NerTrainers, ctx: TagContext, sentences: readonly SentenceRange[], gold: Uint8Array, goldSets: GoldSets, tags: Uint8Array): number {
    const memory = new DocumentMemory();
    let errors = 0;
    for (const r of sentences) errors += this.train(trainers, ctx, r.tokenStart, r.tokenEnd, gold, goldSets, tags, memory);
    return errors;
  }
}
