// A multi-class linear model over hashed features: the weights of feature f for tag t live at
// weights[(f & mask) * tags + t], so that one feature's weights for all tags are adjacent in memory.

/** What the taggers need of a model: a score per tag for a list of hashed features. */
export interface LinearModel {
  readonly tags: number;
  score(features: Int32Array, n: number, scores: Float32Array): void;
  /** Like score, for the listed tags only (the other scores are left as they were). */
  scoreSome(features: Int32Array, n: number, candidates: Uint8Array, scores: Float32Array): void;
}

export class Perceptron implements LinearModel {
  readonly mask: number;
  constructor(
    readonly tags: number,
    readonly bits: number,
    readonly weights: Float32Array = new Float32Array((1 << bits) * tags),
  ) {
    this.mask = (1 << bits) - 1;
  }

  /** scores[t] = sum of the weights of the n features for tag t. */
  score(features: Int32Array, n: number, scores: Float32Array): void {
    const T = this.tags;
    const w = this.weights;
    const mask = this.mask;
    scores.fill(0, 0, T);
    for (let k = 0; k < n; k++) {
      const base = (features[k] & mask) * T;
      for (let t = 0; t < T; t++) scores[t] += w[base + t];
    }
  }

  scoreSome(features: Int32Array, n: number, candidates: Uint8Array, scores: Float32Array): void {
    scoreSomeFloat(this, features, n, candidates, scores);
  }
}

function scoreSomeFloat(model: Perceptron, features: Int32Array, n: number, candidates: Uint8Array, scores: Float32Array): void {
  const T = model.tags;
  const w = model.weights;
  const mask = model.mask;
  const c = candidates.length;
  for (let j = 0; j < c; j++) scores[candidates[j]] = 0;
  for (let k = 0; k < n; k++) {
    const base = (features[k] & mask) * T;
    for (let j = 0; j < c; j++) scores[candidates[j]] += w[base + candidates[j]];
  }
}

/**
 * Trains a Perceptron with averaging: besides the weights w it keeps u, the sum of each update
 * times the step it happened at; the average over all steps c is then w - u / c.
 */
export class PerceptronTrainer {
  readonly model: Perceptron;
  private readonly stepSums: Float64Array;
  private steps = 1;

  constructor(tags: number, bits: number) {
    this.model = new Perceptron(tags, bits);
    this.stepSums = new Float64Array(this.model.weights.length);
  }

  tick(): void {
    this.steps++;
  }

  /** Moves the weights towards gold and away from guess for these features. */
  update(features: Int32Array, n: number, gold: number, guess: number): void {
    if (gold === guess) return;
    const T = this.model.tags;
    const w = this.model.weights;
    const u = this.stepSums;
    const mask = this.model.mask;
    const c = this.steps;
    for (let k = 0; k < n; k++) {
      const base = (features[k] & mask) * T;
      w[base + gold] += 1;
      u[base + gold] += c;
      w[base + guess] -= 1;
      u[base + guess] -= c;
    }
  }

  /** The averaged weights, as a new model (training can go on with the running weights). */
  averaged(): Perceptron {
    const w = this.model.weights;
    const out = new Float32Array(w.length);
    const c = this.steps;
    for (let i = 0; i < w.length; i++) out[i] = w[i] - this.stepSums[i] / c;
    return new Perceptron(this.model.tags, this.model.bits, out);
  }
}

/**
 * The shipped form of a trained Perceptron: 16-bit weights, and only the rows that have any weight
 * (about a fifth of a hashed table), packed in row order. A feature finds its packed row through a
 * bitmap of the rows in use and, per 32 rows, the number of used rows before them: a small index
 * that stays in cache, while the packed weights are a fraction of the full table's size, so far
 * fewer lookups miss the cache. Scores are sums of integers, so they do not depend on the order
 * the rows are added in.
 */
export class CompactModel implements LinearModel {
  readonly mask: number;
  /** Per group of 32 rows: [used rows before the group, bitmap of the group's used rows]. */
  private readonly index: Uint32Array;
  /** The used rows' weights, `tags` per row, in column order (see putFirst). */
  private packed: Int16Array;
  /** The column of each tag in a packed row, and the tag of each column. */
  private readonly columnOf: Uint8Array;
  private readonly tagOf: Uint8Array;
  /**
   * Offsets into packed of the rows of the features being scored (see locate); room for more
   * features than the taggers make, so that it never has to grow once the scoring code is hot.
   */
  private bases = new Int32Array(1024);

  /**
   * From a full table of 16-bit weights (tags per row, 2^bits rows), or from its rows in use alone:
   * `packed` and the bitmaps of the rows in use, one 32-bit word per 32 rows (see rowsInUse).
   */
  constructor(
    readonly tags: number,
    readonly bits: number,
    weights: Int16Array,
    readonly scale: number,
    bitmaps?: Uint32Array,
  ) {
    this.mask = (1 << bits) - 1;
    this.columnOf = Uint8Array.from({ length: tags }, (_, t) => t);
    this.tagOf = this.columnOf.slice();
    const groups = Math.max(1, (1 << bits) >>> 5);
    const index = new Uint32Array(groups * 2);
    this.index = index;
    if (bitmaps) {
      let used = 0;
      for (let g = 0; g < groups; g++) {
        index[2 * g] = used;
        index[2 * g + 1] = bitmaps[g];
        used += popcount(bitmaps[g]);
      }
      if (weights.length !== used * tags) throw new Error(`packed table of ${weights.length} weights for ${used} rows of ${tags}`);
      this.packed = weights;
      return;
    }
    const used = markRowsInUse(weights, tags, index);
    this.packed = new Int16Array(used * tags);
    let k = 0;
    for (let g = 0; g < groups; g++) {
      for (let bitmap = index[2 * g + 1]; bitmap !== 0; bitmap &= bitmap - 1) {
        const row = g * 32 + (31 - Math.clz32(bitmap & -bitmap));
        this.packed.set(weights.subarray(row * tags, row * tags + tags), k);
        k += tags;
      }
    }
  }

  /** The bitmaps of the rows in use (one 32-bit word per 32 rows) and their weights, in tag order. */
  rowsInUseTable(): { bitmaps: Uint32Array; packed: Int16Array } {
    const groups = this.index.length >> 1;
    const bitmaps = new Uint32Array(groups);
    for (let g = 0; g < groups; g++) bitmaps[g] = this.index[2 * g + 1];
    const T = this.tags;
    const packed = new Int16Array(this.packed.length);
    for (let base = 0; base < packed.length; base += T) for (let t = 0; t < T; t++) packed[base + t] = this.packed[base + this.columnOf[t]];
    return { bitmaps, packed };
  }

  /** Number of rows with any weight. */
  get rowsInUse(): number {
    return this.packed.length / this.tags;
  }

  /**
   * Stores the weights of these tags first in each row. When most lookups score the same few tags
   * (the open-class tags of unknown words), their weights then share a cache line.
   */
  putFirst(first: ArrayLike<number>): void {
    const T = this.tags;
    const leading = [...new Set(Array.from(first))].filter((t) => t >= 0 && t < T);
    const order = [...leading, ...Array.from({ length: T }, (_, t) => t).filter((t) => !leading.includes(t))];
    const packed = new Int16Array(this.packed.length);
    for (let base = 0; base < packed.length; base += T) {
      for (let c = 0; c < T; c++) packed[base + c] = this.packed[base + this.columnOf[order[c]]];
    }
    this.packed = packed;
    order.forEach((t, c) => {
      this.columnOf[t] = c;
      this.tagOf[c] = t;
    });
  }

  /** Offsets into packed of the rows of features[from, to) that have one, into this.bases; returns how many. */
  private locate(features: Int32Array, from: number, to: number): number {
    if (this.bases.length < to - from) this.bases = new Int32Array(to - from);
    const bases = this.bases;
    const index = this.index;
    const mask = this.mask;
    const T = this.tags;
    let m = 0;
    // Branch-free: the test of the bitmap is as good as a coin flip, and a mispredicted branch
    // would stall the loads of the rows already found.
    for (let k = from; k < to; k++) {
      const row = features[k] & mask;
      const g = (row >>> 5) << 1;
      const bitmap = index[g + 1];
      const below = bitmap & ((1 << (row & 31)) - 1);
      bases[m] = (index[g] + popcount(below)) * T;
      m += (bitmap >>> (row & 31)) & 1;
    }
    return m;
  }

  // Column by column over the features' rows, four columns at a time (five for the last five, so
  // that 17 tags take four passes): the sums stay in registers, and after the first pass the rows
  // are in the fastest cache.
  score(features: Int32Array, n: number, scores: Float32Array): void {
    const T = this.tags;
    const m = this.locate(features, 0, n);
    const bases = this.bases;
    const w = this.packed;
    const scale = this.scale;
    const tagOf = this.tagOf;
    let t = 0;
    for (; t + 4 <= T && T - t !== 5; t += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < m; k++) {
        const b = bases[k] + t;
        s0 += w[b];
        s1 += w[b + 1];
        s2 += w[b + 2];
        s3 += w[b + 3];
      }
      scores[tagOf[t]] = s0 * scale;
      scores[tagOf[t + 1]] = s1 * scale;
      scores[tagOf[t + 2]] = s2 * scale;
      scores[tagOf[t + 3]] = s3 * scale;
    }
    if (T - t === 5) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      for (let k = 0; k < m; k++) {
        const b = bases[k] + t;
        s0 += w[b];
        s1 += w[b + 1];
        s2 += w[b + 2];
        s3 += w[b + 3];
        s4 += w[b + 4];
      }
      scores[tagOf[t]] = s0 * scale;
      scores[tagOf[t + 1]] = s1 * scale;
      scores[tagOf[t + 2]] = s2 * scale;
      scores[tagOf[t + 3]] = s3 * scale;
      scores[tagOf[t + 4]] = s4 * scale;
      t += 5;
    }
    for (; t < T; t++) scores[tagOf[t]] = this.column(t, m) * scale;
  }

  scoreSome(features: Int32Array, n: number, candidates: Uint8Array, scores: Float32Array): void {
    const m = this.locate(features, 0, n);
    const bases = this.bases;
    const w = this.packed;
    const scale = this.scale;
    const columnOf = this.columnOf;
    const c = candidates.length;
    let j = 0;
    for (; j + 4 <= c; j += 4) {
      const c0 = columnOf[candidates[j]];
      const c1 = columnOf[candidates[j + 1]];
      const c2 = columnOf[candidates[j + 2]];
      const c3 = columnOf[candidates[j + 3]];
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < m; k++) {
        const b = bases[k];
        s0 += w[b + c0];
        s1 += w[b + c1];
        s2 += w[b + c2];
        s3 += w[b + c3];
      }
      scores[candidates[j]] = s0 * scale;
      scores[candidates[j + 1]] = s1 * scale;
      scores[candidates[j + 2]] = s2 * scale;
      scores[candidates[j + 3]] = s3 * scale;
    }
    if (j + 2 <= c) {
      const c0 = columnOf[candidates[j]];
      const c1 = columnOf[candidates[j + 1]];
      let s0 = 0;
      let s1 = 0;
      for (let k = 0; k < m; k++) {
        const b = bases[k];
        s0 += w[b + c0];
        s1 += w[b + c1];
      }
      scores[candidates[j]] = s0 * scale;
      scores[candidates[j + 1]] = s1 * scale;
      j += 2;
    }
    if (j < c) scores[candidates[j]] = this.column(columnOf[candidates[j]], m) * scale;
  }

  /**
   * Adds the integer weights of the rows of features[from, to) into sums, one per tag. Integer sums
   * do not depend on the order they are added in, so a part of them can be kept and reused (see
   * the recognizer's cache of what a word's own features add up to) with the same scores.
   */
  addSums(features: Int32Array, from: number, to: number, sums: Int32Array): void {
    const T = this.tags;
    const m = this.locate(features, from, to);
    const bases = this.bases;
    const w = this.packed;
    const tagOf = this.tagOf;
    // Four columns at a time, as score does: the sums stay in registers.
    let t = 0;
    for (; t + 4 <= T; t += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < m; k++) {
        const b = bases[k] + t;
        s0 += w[b];
        s1 += w[b + 1];
        s2 += w[b + 2];
        s3 += w[b + 3];
      }
      sums[tagOf[t]] += s0;
      sums[tagOf[t + 1]] += s1;
      sums[tagOf[t + 2]] += s2;
      sums[tagOf[t + 3]] += s3;
    }
    for (; t < T; t++) sums[tagOf[t]] += this.column(t, m);
  }

  /** addSums for the listed tags only. */
  addSumsSome(features: Int32Array, from: number, to: number, candidates: Uint8Array, sums: Int32Array): void {
    const m = this.locate(features, from, to);
    const bases = this.bases;
    const w = this.packed;
    const columnOf = this.columnOf;
    const c = candidates.length;
    for (let j = 0; j < c; j++) {
      const tag = candidates[j];
      const col = columnOf[tag];
      let sum = 0;
      for (let k = 0; k < m; k++) sum += w[bases[k] + col];
      sums[tag] += sum;
    }
  }

  /** The sum of column c's weights over the m rows located. */
  private column(c: number, m: number): number {
    const bases = this.bases;
    const w = this.packed;
    let sum = 0;
    for (let k = 0; k < m; k++) sum += w[bases[k] + c];
    return sum;
  }
}

/**
 * Fills index with [used rows before, bitmap of used rows] per group of 32 rows; returns the number
 * of used rows. Reads the weights two at a time, as most of the table is zeros.
 */
function markRowsInUse(weights: Int16Array, tags: number, index: Uint32Array): number {
  const rows = weights.length / tags;
  const even = weights.byteOffset % 4 === 0 && weights.length % 2 === 0;
  const pairs = even ? new Int32Array(weights.buffer, weights.byteOffset, weights.length >> 1) : undefined;
  if (pairs) {
    for (let p = 0; p < pairs.length; p++) {
      if (pairs[p] === 0) continue;
      markRow(index, Math.floor((2 * p) / tags));
      markRow(index, Math.floor((2 * p + 1) / tags));
    }
  } else {
    for (let r = 0; r < rows; r++) if (anyWeight(weights, r * tags, tags)) markRow(index, r);
  }
  // A pair straddling two rows marks both; clear the rows that have no weight after all.
  let used = 0;
  for (let g = 0; g < index.length >> 1; g++) {
    let bitmap = index[2 * g + 1];
    for (let b = bitmap; b !== 0; b &= b - 1) {
      const bit = b & -b;
      if (!anyWeight(weights, (g * 32 + 31 - Math.clz32(bit)) * tags, tags)) bitmap &= ~bit;
    }
    index[2 * g] = used;
    index[2 * g + 1] = bitmap;
    used += popcount(bitmap);
  }
  return used;
}

function markRow(index: Uint32Array, row: number): void {
  index[2 * (row >>> 5) + 1] |= 1 << (row & 31);
}

function anyWeight(weights: Int16Array, base: number, tags: number): boolean {
  for (let t = 0; t < tags; t++) if (weights[base + t] !== 0) return true;
  return false;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
