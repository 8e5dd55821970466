import { tokenize } from '../tokenizer.js';
import { foldCode } from '../features/attributes.js';
import { seededRandom } from './random.js';

// Word clusters from unlabeled text, for the taggers' features: each word is described by the words
// around it (two either side, among the most frequent words, as positive pointwise mutual information), the descriptions are squeezed to a few dimensions by random projection, and spherical
// k-means groups them, then groups the groups twice over into a three-level hierarchy (fine, middle,
// coarse), which plays the role of Brown-cluster bit-string prefixes (Ratinov & Roth 2009).

export interface ClusterOptions {
  minCount: number;
  contextWords: number;
  dimensions: number;
  levels: [number, number, number];
  iterations: number;
  log: (line: string) => void;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  minCount: 3,
  contextWords: 3000,
  dimensions: 128,
  levels: [512, 128, 32],
  iterations: 12,
  log: () => {},
};

function fold(word: string): string {
  let out = '';
  for (let k = 0; k < word.length; k++) out += String.fromCharCode(foldCode(word.charCodeAt(k)));
  return out;
}

const rng = seededRandom;

/** Spherical k-means of the rows of `vectors` (n × d, unit length); returns each row's cluster. */
function kmeans(vectors: Float32Array, n: number, d: number, k: number, iterations: number, random: () => number): Int32Array {
  const centroids = new Float32Array(k * d);
  for (let c = 0; c < k; c++) {
    const row = Math.floor(random() * n);
    centroids.set(vectors.subarray(row * d, row * d + d), c * d);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestSim = -Infinity;
      const vi = i * d;
      for (let c = 0; c < k; c++) {
        const cc = c * d;
        let sim = 0;
        for (let j = 0; j < d; j++) sim += vectors[vi + j] * centroids[cc + j];
        if (sim > bestSim) [bestSim, best] = [sim, c];
      }
      assign[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const cc = assign[i] * d;
      for (let j = 0; j < d; j++) centroids[cc + j] += vectors[i * d + j];
    }
    for (let c = 0; c < k; c++) normalize(centroids, c * d, d);
  }
  return assign;
}

function normalize(v: Float32Array, offset: number, d: number): void {
  let norm = 0;
  for (let j = 0; j < d; j++) norm += v[offset + j] ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < d; j++) v[offset + j] /= norm;
}

/** Cluster lines `word<TAB>coarse.middle.fine` for the words of the texts. */
export function learnClusters(texts: Iterable<string>, options: Partial<ClusterOptions> = {}): string[] {
  const o = { ...DEFAULT_CLUSTER_OPTIONS, ...options };
  // 1. Token ids for the whole corpus, one id per folded word; -1 between sentences/texts.
  const ids = new Map<string, number>();
  const words: string[] = [];
  const counts: number[] = [];
  let stream = new Int32Array(1 << 20);
  let length = 0;
  const push = (id: number) => {
    if (length === stream.length) {
      const bigger = new Int32Array(stream.length * 2);
      bigger.set(stream);
      stream = bigger;
    }
    stream[length++] = id;
  };
  for (const text of texts) {
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.count; i++) {
      const w = fold(text.slice(tokens.starts[i], tokens.ends[i]));
      let id = ids.get(w);
      if (id === undefined) {
        id = words.length;
        ids.set(w, id);
        words.push(w);
        counts.push(0);
      }
      counts[id]++;
      push(id);
    }
    push(-1);
  }
  o.log(`clusters: ${length} tokens, ${words.length} distinct words`);

  // 2. Context slots: the most frequent words, each at four relative positions.
  const byCount = words.map((_, i) => i).sort((a, b) => counts[b] - counts[a]);
  const contextOf = new Int32Array(words.length).fill(-1);
  byCount.slice(0, o.contextWords).forEach((id, rank) => (contextOf[id] = rank));
  const vocabulary = byCount.filter((id) => counts[id] >= o.minCount);
  const row = new Int32Array(words.length).fill(-1);
  vocabulary.forEach((id, r) => (row[id] = r));
  const n = vocabulary.length;
  const d = o.dimensions;
  const random = rng(1987);
  const slots = o.contextWords * 4;
  const projection = new Float32Array(slots * d);
  for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;
  // 3. (word, context slot) pair counts: one key per occurrence, sorted, then counted in runs.
  let keys = new Float64Array(length * 4);
  let m = 0;
  for (let p = 0; p < length; p++) {
    const id = stream[p];
    if (id < 0 || row[id] < 0) continue;
    for (let off = -2; off <= 2; off++) {
      if (off === 0) continue;
      const q = p + off;
      if (q < 0 || q >= length || stream[q] < 0) continue;
      const ctx = contextOf[stream[q]];
      if (ctx >= 0) keys[m++] = row[id] * slots + ctx * 4 + (off < 0 ? off + 2 : off + 1);
    }
  }
  keys = keys.subarray(0, m).sort();
  const rowCount = new Float64Array(n);
  const slotCount = new Float64Array(slots);
  for (let k = 0; k < m; k++) {
    const r = Math.floor(keys[k] / slots);
    rowCount[r]++;
    slotCount[keys[k] - r * slots]++;
  }
  // Context-distribution smoothing (counts to the power 0.75), as in Levy, Goldberg & Dagan (2015).
  let smoothedTotal = 0;
  for (let s = 0; s < slots; s++) smoothedTotal += slotCount[s] ** 0.75;

  // 4. Positive PMI vectors, squeezed by random projection.
  const vectors = new Float32Array(n * d);
  for (let k = 0; k < m; ) {
    let j = k;
    while (j < m && keys[j] === keys[k]) j++;
    const count = j - k;
    const r = Math.floor(keys[k] / slots);
    const slot = keys[k] - r * slots;
    const pmi = Math.log((count / rowCount[r]) / (slotCount[slot] ** 0.75 / smoothedTotal));
    if (pmi > 0) {
      const v = r * d;
      const base = slot * d;
      for (let t = 0; t < d; t++) vectors[v + t] += pmi * projection[base + t];
    }
    k = j;
  }
  for (let r = 0; r < n; r++) normalize(vectors, r * d, d);
  o.log(`clusters: ${n} words with at least ${o.minCount} occurrences`);

  // 5. Fine clusters, then clusters of their centroids.
  const [fineK, middleK, coarseK] = o.levels;
  const fine = kmeans(vectors, n, d, fineK, o.iterations, random);
  const centroidsOf = (assign: Int32Array, k: number, source: Float32Array, rows: number) => {
    const c = new Float32Array(k * d);
    for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) c[assign[r] * d + j] += source[r * d + j];
    for (let i = 0; i < k; i++) normalize(c, i * d, d);
    return c;
  };
  const fineCentroids = centroidsOf(fine, fineK, vectors, n);
  const middleOfFine = kmeans(fineCentroids, fineK, d, middleK, 20, random);
  const middleCentroids = centroidsOf(middleOfFine, middleK, fineCentroids, fineK);
  const coarseOfMiddle = kmeans(middleCentroids, middleK, d, coarseK, 20, random);
  const lines: string[] = [];
  for (let r = 0; r < n; r++) {
    const word = words[vocabulary[r]];
    if (word.includes('\t') || word.includes('\n')) continue;
    const m = middleOfFine[fine[r]];
    lines.push(`${word}\t${coarseOfMiddle[m]}.${m}.${fine[r]}`);
  }
  o.log(`clusters: ${fineK}/${middleK}/${coarseK} clusters`);
  return lines;
}
