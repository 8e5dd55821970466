import { type LinearModel, PerceptronTrainer } from '../tagger/perceptron.js';
import { type TagContext, at, affixes } from '../tagger/context.js';
import { mix, step, HASH_START } from '../features/hash.js';
import { F_INIT_UPPER, F_ALL_UPPER, F_HAS_UPPER, F_HAS_DIGIT, F_HAS_LOWER, foldCode } from '../features/attributes.js';
import { BilouScheme, P_BEGIN, P_INSIDE, type TokenSpan } from './tag-scheme.js';
import { IntTable } from '../features/int-table.js';

// Greedy left-to-right BILOU tagging with an averaged perceptron over rich features (after Ratinov
// & Roth 2009): the word, its affixes and shape, a two-word window, part of speech, the tags chosen
// so far, gazetteer lists, word clusters, and what the same word was tagged earlier in the document.

const MAX_FEATURES = 512;
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

export class EntityRecognizer {
  readonly scheme = new BilouScheme();
  private readonly features = new Int32Array(MAX_FEATURES);
  private readonly scores: Float32Array;
  private readonly prefix = new Int32Array(4);
  private readonly suffix = new Int32Array(4);

  constructor(readonly model: LinearModel) {
    this.scores = new Float32Array(model.tags);
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
    let n = 0;
    f[n++] = 1;
    f[n++] = mix(2, w);
    f[n++] = mix(3, a.word[i]);
    f[n++] = mix(4, lowerPrev);
    f[n++] = mix(5, lowerNext);
    f[n++] = mix(6, at(a.lower, i - 2, s, e));
    f[n++] = mix(7, at(a.lower, i + 2, s, e));
    f[n++] = mix(8, shape);
    f[n++] = mix(9, shapePrev);
    f[n++] = mix(10, shapeNext);
    f[n++] = mix(mix(11, shapePrev), shape);
    f[n++] = mix(mix(12, shape), shapeNext);
    for (let k = 0; k < 4; k++) {
      f[n++] = mix(13 + k, this.prefix[k]);
      f[n++] = mix(17 + k, this.suffix[k]);
    }
    const pos = ctx.pos[i];
    const posPrev = i - 1 >= s ? ctx.pos[i - 1] : 255;
    const posNext = i + 1 < e ? ctx.pos[i + 1] : 254;
    f[n++] = mix(21, pos);
    f[n++] = mix(22, posPrev);
    f[n++] = mix(23, posNext);
    f[n++] = mix(24, (posPrev << 16) | (pos << 8) | posNext);
    f[n++] = mix(25, t1);
    f[n++] = mix(26, (t2 << 8) | t1);
    f[n++] = mix(mix(27, t1), w);
    f[n++] = mix(mix(28, t1), shape);
    f[n++] = mix(mix(29, lowerPrev), w);
    f[n++] = mix(mix(30, w), lowerNext);
    f[n++] = mix(mix(31, lowerPrev), shape);
    f[n++] = mix(mix(32, shape), lowerNext);
    f[n++] = mix(mix(61, lowerPrev), lowerNext);
    f[n++] = mix(62, at(a.suffix3, i - 1, s, e));
    f[n++] = mix(63, at(a.suffix3, i + 1, s, e));
    const flags = a.flags[i];
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
      // Character 3- and 4-grams carry what unseen names share with seen ones (-ov, -burg, Inter-).
      n = this.charNgrams(ctx.text, ctx.starts[i], ctx.ends[i], n);
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
    const c = ctx.clusters[i];
    f[n++] = mix(38, c);
    f[n++] = mix(39, c >>> 10);
    f[n++] = mix(40, c >>> 20);
    f[n++] = mix(mix(41, c >>> 10), flags & (F_INIT_UPPER | F_ALL_UPPER));
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

  /** The best tag allowed after prev. */
  private choose(prev: number, last: boolean): number {
    const sc = this.scores;
    const allowed = this.scheme.allowedAfter(prev, last);
    let best = -1;
    for (let t = 0; t < sc.length; t++) {
      if (allowed[t] === 0) continue;
      if (best < 0 || sc[t] > sc[best]) best = t;
    }
    return best;
  }

  /**
   * Tokens without a capital letter or a digit, outside an open entity, are Outside without scoring:
   * fewer than 0.3% of CoNLL-2003 entities start with one, and they are most of the text.
   */
  private plainlyOutside(ctx: TagContext, i: number, prev: number): boolean {
    if ((ctx.attrs.flags[i] & (F_HAS_UPPER | F_HAS_DIGIT)) !== 0) return false;
    if (prev < 0) return true;
    const p = this.scheme.prefixCodes[prev];
    return p !== P_BEGIN && p !== P_INSIDE;
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
      if (this.plainlyOutside(ctx, i, prev)) {
        tags[i] = 0;
        if (margins) margins[i] = 100;
        continue;
      }
      const n = this.extract(ctx, s, e, i, tags, memory);
      this.model.score(this.features, n, this.scores);
      const best = this.choose(prev, i === e - 1);
      tags[i] = best;
      if (margins) {
        const scores = this.scores;
        const allowed = this.scheme.allowedAfter(prev, i === e - 1);
        let second = -Infinity;
        for (let t = 0; t < scores.length; t++) {
          if (t !== best && scores[t] > second && allowed[t] !== 0) second = scores[t];
        }
        margins[i] = second === -Infinity ? 100 : scores[best] - second;
      }
      this.remember(ctx, i, best, memory);
    }
  }

  /** One training pass over the sentence [s, e) with gold tags; returns the number of errors. */
  train(trainer: PerceptronTrainer, ctx: TagContext, s: number, e: number, gold: Uint8Array, tags: Uint8Array, memory: DocumentMemory): number {
    this.capsSentence = EntityRecognizer.capitals(ctx, s, e);
    this.numericSentence = EntityRecognizer.numeric(ctx, s, e);
    let errors = 0;
    for (let i = s; i < e; i++) {
      const prev = i > s ? tags[i - 1] : -1;
      if (this.plainlyOutside(ctx, i, prev)) {
        tags[i] = 0;
        if (gold[i] !== 0) errors++;
        continue;
      }
      const n = this.extract(ctx, s, e, i, tags, memory);
      trainer.model.score(this.features, n, this.scores);
      const guess = this.choose(prev, i === e - 1);
      if (guess !== gold[i]) {
        trainer.update(this.features, n, gold[i], guess);
        errors++;
      }
      trainer.tick();
      tags[i] = guess;
      this.remember(ctx, i, guess, memory);
    }
    return errors;
  }

  /**
   * The entity spans of the sentence [s, e) (token indices relative to s), each cut back to its last
   * token with a capital or a digit: greedy decoding that missed an entity's end runs on into the
   * words after it ("Ares Leaks platform and"), and fewer than 0.4% of CoNLL-2003 entities end in a
   * token without either.
   */
  spans(ctx: TagContext, tags: Uint8Array, s: number, e: number): TokenSpan[] {
    const spans = this.scheme.decode(tags, s, e);
    for (const span of spans) {
      while (span.end - span.start > 1 && (ctx.attrs.flags[s + span.end - 1] & (F_HAS_UPPER | F_HAS_DIGIT)) === 0) span.end--;
    }
    return spans;
  }

  /** Tags a whole document, sentence by sentence, remembering what each capitalized word was given. */
  tagDocument(ctx: TagContext, sentences: readonly SentenceRange[], tags: Uint8Array, margins?: Float32Array): void {
    const memory = this.memory;
    memory.earlier.clear();
    for (const r of sentences) this.tag(ctx, r.tokenStart, r.tokenEnd, tags, memory, margins);
  }

  /** One training pass over a document; returns the number of errors. */
  trainDocument(trainer: PerceptronTrainer, ctx: TagContext, sentences: readonly SentenceRange[], gold: Uint8Array, tags: Uint8Array): number {
    const memory = new DocumentMemory();
    let errors = 0;
    for (const r of sentences) errors += this.train(trainer, ctx, r.tokenStart, r.tokenEnd, gold, tags, memory);
    return errors;
  }
}
