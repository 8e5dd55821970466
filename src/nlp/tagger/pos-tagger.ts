import { type LinearModel, PerceptronTrainer } from './perceptron.js';
import { type TagContext, at, affixes } from './context.js';
import { mix } from '../features/hash.js';
import { IntTable } from '../features/int-table.js';
import { F_HAS_HYPHEN, F_HAS_DIGIT, F_INIT_UPPER, F_ALL_UPPER } from '../features/attributes.js';

// Greedy left-to-right part-of-speech tagging with an averaged perceptron (Collins 2002; the feature
// set follows the classic greedy taggers: the word, its affixes and shape, two words either side,
// and the two tags already chosen).

const MAX_FEATURES = 32;
const START_TAG = 250;
/** Lookup values from here up name a candidate list; below, a dictionary tag. */
const LIST = 256;

export class PosTagger {
  private readonly features = new Int32Array(MAX_FEATURES);
  private readonly scores: Float32Array;
  private readonly prefix = new Int32Array(4);
  private readonly suffix = new Int32Array(4);

  private readonly allTags: Uint8Array;
  /** Per exact-word hash: the dictionary tag, or LIST + the index of the word's candidate list. */
  private readonly lookup: IntTable;
  private readonly lists: Uint8Array[] = [];
  /** The tags scored for a word with no entry. */
  private readonly unlisted: Uint8Array;

  /**
   * @param dictionary tag per exact-word hash for frequent words that (nearly) always take one tag:
   *   they are tagged without scoring.
   * @param candidates the tags a known word took in training (per exact-word hash); only those are
   *   scored for it, and only `openClass` tags for words not listed (as in Ratnaparkhi's tag dictionary).
   */
  constructor(
    readonly model: LinearModel,
    readonly tagNames: readonly string[],
    readonly dictionary: ReadonlyMap<number, number> = new Map(),
    readonly candidates: ReadonlyMap<number, Uint8Array> = new Map(),
    readonly openClass?: Uint8Array,
  ) {
    this.scores = new Float32Array(model.tags);
    this.allTags = Uint8Array.from(tagNames.map((_, i) => i));
    this.unlisted = openClass ?? this.allTags;
    this.lookup = new IntTable(dictionary.size + candidates.size);
    for (const [hash, tags] of candidates) {
      this.lookup.set(hash, LIST + this.lists.length);
      this.lists.push(tags);
    }
    for (const [hash, tag] of dictionary) this.lookup.set(hash, tag);
  }

  /** The best of the candidate tags for the features; entry is the word's lookup value (-1 when none). */
  private scoreToken(model: LinearModel, entry: number, n: number): number {
    const candidates = entry >= LIST ? this.lists[entry - LIST] : this.unlisted;
    const scores = this.scores;
    model.scoreSome(this.features, n, candidates, scores);
    let best = candidates[0];
    for (let j = 1; j < candidates.length; j++) if (scores[candidates[j]] > scores[best]) best = candidates[j];
    return best;
  }

  private extract(ctx: TagContext, s: number, e: number, i: number): number {
    const f = this.features;
    const a = ctx.attrs;
    const p1 = i - 1 >= s ? ctx.pos[i - 1] : START_TAG;
    const p2 = i - 2 >= s ? ctx.pos[i - 2] : START_TAG;
    const w = a.lower[i];
    affixes(ctx.text, ctx.starts[i], ctx.ends[i], this.prefix, this.suffix);
    let n = 0;
    f[n++] = 1;
    f[n++] = mix(2, w);
    f[n++] = mix(3, a.word[i]);
    f[n++] = mix(4, this.suffix[2]);
    f[n++] = mix(5, this.suffix[1]);
    f[n++] = mix(6, this.suffix[3]);
    f[n++] = mix(7, this.prefix[0]);
    f[n++] = mix(8, this.prefix[2]);
    f[n++] = mix(9, p1);
    f[n++] = mix(10, p2 * 256 + p1);
    f[n++] = mix(mix(11, p1), w);
    f[n++] = mix(12, at(a.lower, i - 1, s, e));
    f[n++] = mix(13, at(a.suffix3, i - 1, s, e));
    f[n++] = mix(14, at(a.lower, i - 2, s, e));
    f[n++] = mix(15, at(a.lower, i + 1, s, e));
    f[n++] = mix(16, at(a.suffix3, i + 1, s, e));
    f[n++] = mix(17, at(a.lower, i + 2, s, e));
    f[n++] = mix(18, a.shape[i]);
    f[n++] = mix(19, a.flags[i] & (F_HAS_HYPHEN | F_HAS_DIGIT | F_INIT_UPPER | F_ALL_UPPER));
    f[n++] = mix(mix(20, a.flags[i] & F_INIT_UPPER), i === s ? 1 : 0);
    f[n++] = mix(mix(21, p1), at(a.lower, i + 1, s, e));
    f[n++] = mix(22, ctx.clusters[i]);
    f[n++] = mix(23, ctx.clusters[i] >>> 10);
    f[n++] = mix(24, at(ctx.clusters, i + 1, s, e) >>> 10);
    f[n++] = mix(25, at(ctx.clusters, i - 1, s, e) >>> 10);
    return n;
  }

  /** Tags the tokens [s, e) into ctx.pos. */
  tag(ctx: TagContext, s: number, e: number): void {
    const lookup = this.lookup;
    const word = ctx.attrs.word;
    const pos = ctx.pos;
    for (let i = s; i < e; i++) {
      const entry = lookup.get(word[i], -1);
      if (entry >= 0 && entry < LIST) {
        pos[i] = entry;
        continue;
      }
      // A word seen with one tag only gets that tag, whatever the scores would be.
      if (entry >= LIST && this.lists[entry - LIST].length === 1) {
        pos[i] = this.lists[entry - LIST][0];
        continue;
      }
      const n = this.extract(ctx, s, e, i);
      pos[i] = this.scoreToken(this.model, entry, n);
    }
  }

  /** One training pass over the sentence [s, e) with gold tags; returns the number of errors. */
  train(trainer: PerceptronTrainer, ctx: TagContext, s: number, e: number, gold: Uint8Array): number {
    let errors = 0;
    for (let i = s; i < e; i++) {
      const entry = this.lookup.get(ctx.attrs.word[i], -1);
      if (entry >= 0 && entry < LIST) {
        ctx.pos[i] = entry;
        if (entry !== gold[i]) errors++;
        continue;
      }
      const n = this.extract(ctx, s, e, i);
      const guess = this.scoreToken(trainer.model, entry, n);
      if (guess !== gold[i]) {
        trainer.update(this.features, n, gold[i], guess);
        errors++;
      }
      trainer.tick();
      ctx.pos[i] = guess;
    }
    return errors;
  }
}
