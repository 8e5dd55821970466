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
 * The shipped form of a trained Perceptron: 16-bit weights (half the memory, so more of the table
 * stays in cache) and a bitmap of the rows that have any weight, so that features never seen in
 * training cost one bit test instead of a trip to memory.
 */
export class CompactModel implements LinearModel {
  readonly mask: number;
  private readonly sums: Int32Array;

  constructor(
    readonly tags: number,
    readonly bits: number,
    readonly weights: Int16Array,
    readonly scale: number,
    readonly rows: Uint32Array = CompactModel.rowsInUse(weights, tags, bits),
  ) {
    this.mask = (1 << bits) - 1;
    this.sums = new Int32Array(tags);
  }

  static rowsInUse(weights: Int16Array, tags: number, bits: number): Uint32Array {
    const rows = new Uint32Array(Math.max(1, (1 << bits) >>> 5));
    for (let r = 0; r < 1 << bits; r++) {
      const base = r * tags;
      for (let t = 0; t < tags; t++) {
        if (weights[base + t] !== 0) {
          rows[r >>> 5] |= 1 << (r & 31);
          break;
        }
      }
    }
    return rows;
  }

  score(features: Int32Array, n: number, scores: Float32Array): void {
    const T = this.tags;
    const w = this.weights;
    const rows = this.rows;
    const mask = this.mask;
    const sums = this.sums;
    sums.fill(0);
    for (let k = 0; k < n; k++) {
      const row = features[k] & mask;
      if (((rows[row >>> 5] >>> (row & 31)) & 1) === 0) continue;
      const base = row * T;
      for (let t = 0; t < T; t++) sums[t] += w[base + t];
    }
    const scale = this.scale;
    for (let t = 0; t < T; t++) scores[t] = sums[t] * scale;
  }

  scoreSome(features: Int32Array, n: number, candidates: Uint8Array, scores: Float32Array): void {
    const T = this.tags;
    const w = this.weights;
    const rows = this.rows;
    const mask = this.mask;
    const sums = this.sums;
    const c = candidates.length;
    for (let j = 0; j < c; j++) sums[j] = 0;
    for (let k = 0; k < n; k++) {
      const row = features[k] & mask;
      if (((rows[row >>> 5] >>> (row & 31)) & 1) === 0) continue;
      const base = row * T;
      for (let j = 0; j < c; j++) sums[j] += w[base + candidates[j]];
    }
    const scale = this.scale;
    for (let j = 0; j < c; j++) scores[candidates[j]] = sums[j] * scale;
  }
}
