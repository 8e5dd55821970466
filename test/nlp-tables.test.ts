import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IntTable } from '../src/nlp/features/int-table.js';
import { CompactModel } from '../src/nlp/tagger/perceptron.js';

/** Deterministic pseudo-random 32-bit integers. */
function randomInts(seed: number): () => number {
  let x = seed | 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x | 0;
  };
}

test('the integer table answers like a Map, through growth, the free-slot key and clearing', () => {
  const next = randomInts(7);
  const table = new IntTable();
  const map = new Map<number, number>();
  const keys = [0x7fffffff, 0, -1, -0x80000000];
  for (let i = 0; i < 5000; i++) keys.push(next());
  for (let i = 0; i < keys.length; i++) {
    table.set(keys[i], i);
    map.set(keys[i], i);
    if (i % 7 === 0) {
      table.set(keys[i >> 1], -i);
      map.set(keys[i >> 1], -i);
    }
  }
  assert.equal(table.size, map.size);
  for (const k of keys) assert.equal(table.get(k, 12345), map.get(k));
  for (let i = 0; i < 1000; i++) {
    const k = next();
    assert.equal(table.get(k, 12345), map.get(k) ?? 12345);
  }
  table.clear();
  assert.equal(table.size, 0);
  for (const k of keys) assert.equal(table.get(k, -9), -9);
  table.set(0x7fffffff, 3);
  assert.equal(table.get(0x7fffffff, -9), 3);
});

/** The plain reading of a hashed 16-bit table: the sum of each feature's row, times the scale. */
function reference(weights: Int16Array, tags: number, bits: number, scale: number, features: Int32Array, out: Float32Array): void {
  const mask = (1 << bits) - 1;
  for (let t = 0; t < tags; t++) {
    let sum = 0;
    for (const f of features) sum += weights[(f & mask) * tags + t];
    out[t] = sum * scale;
  }
}

test('the packed model scores exactly like the full table, before and after reordering its columns', () => {
  const next = randomInts(11);
  for (const tags of [1, 3, 4, 5, 9, 17, 45]) {
    const bits = 10;
    const weights = new Int16Array((1 << bits) * tags);
    // Most rows empty, some with a weight or two, some full.
    for (let r = 0; r < 1 << bits; r++) {
      const kind = next() & 7;
      if (kind === 0) for (let t = 0; t < tags; t++) weights[r * tags + t] = next() % 32768;
      else if (kind < 3) weights[r * tags + ((next() >>> 0) % tags)] = next() % 300;
    }
    const model = new CompactModel(tags, bits, weights, 0.001);
    const features = new Int32Array(40).map(() => next());
    const expected = new Float32Array(tags);
    reference(weights, tags, bits, 0.001, features, expected);
    const scores = new Float32Array(tags);
    model.score(features, features.length, scores);
    assert.deepEqual(scores, expected);
    const candidates = Uint8Array.from({ length: tags }, (_, t) => t).filter((t) => t % 3 !== 1);
    const some = new Float32Array(tags).fill(99);
    model.scoreSome(features, features.length, candidates, some);
    for (let t = 0; t < tags; t++) assert.equal(some[t], t % 3 !== 1 ? expected[t] : 99);
    model.putFirst(Uint8Array.from({ length: tags }, (_, t) => tags - 1 - t).filter((t) => t % 2 === 0));
    model.score(features, features.length, scores);
    assert.deepEqual(scores, expected);
    some.fill(99);
    model.scoreSome(features, features.length, candidates, some);
    for (let t = 0; t < tags; t++) assert.equal(some[t], t % 3 !== 1 ? expected[t] : 99);
    // integer sums, in two parts or for some tags only, add up to the same scores
    const sums = new Int32Array(tags);
    model.addSums(features, 0, 15, sums);
    model.addSums(features, 15, features.length, sums);
    for (let t = 0; t < tags; t++) assert.equal(Math.fround(sums[t] * 0.001), expected[t]);
    const partial = new Int32Array(tags);
    model.addSums(features, 0, 15, partial);
    model.addSumsSome(features, 15, features.length, candidates, partial);
    for (const t of candidates) assert.equal(partial[t], sums[t]);
  }
});
