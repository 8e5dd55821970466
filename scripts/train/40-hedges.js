// Hedge-cue model: reads ../shared/data/hedge/szeged_uncertainty_wiki.jsonl (Wikipedia, research
// use; the news file beside it is held out for evaluation and never read here) and writes
// models/hedges.json: candidate words and phrases, averaged-perceptron weights, a threshold.
//
// 1. Candidates: every cue phrase seen twice or more, and every word form whose stem family was a
//    cue at least twice and in at least 3% of its occurrences.
// 2. Each candidate occurrence is an instance (features: src/nlp/cues/hedge-features.ts), labelled
//    by an exact span match with a gold cue.
// 3. Train on 90% of the documents, pick the threshold with the best F1 on the other 10%, then
//    retrain on everything with the same number of epochs and keep that threshold.
// HEDGE_EPOCHS and HEDGE_MIN_RATE override the defaults (6, 0.03) for experiments.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(process.env.RIFT_SHARED ?? join(root, '../shared'));
const source = join(shared, 'data/hedge/szeged_uncertainty_wiki.jsonl');
const out = join(root, 'models/hedges.json');
const { hedgeFeatures, stem } = await import(join(root, 'dist/src/nlp/cues/hedge-features.js'));
const { candidatePattern } = await import(join(root, 'dist/src/nlp/cues/hedges.js'));
const { prf } = await import(join(root, 'dist/src/eval/prf.js'));

if (!existsSync(source)) {
  console.log(`40-hedges: ${source} not found, keeping the shipped model`);
  process.exit(0);
}

const EPOCHS = Number(process.env.HEDGE_EPOCHS ?? 6);
const MIN_CUES = 2;
const MIN_RATE = Number(process.env.HEDGE_MIN_RATE ?? 0.03);

const rows = readFileSync(source, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();
const WORD = /[A-Za-z]+/g;

// 1. candidates
const phraseCount = new Map();
const stemCues = new Map();
const stemTotal = new Map();
const formsOfStem = new Map();
for (const r of rows) {
  for (const c of r.cues) {
    const s = norm(r.text.slice(c.start, c.end));
    if (/^[a-z]+$/.test(s)) stemCues.set(stem(s), (stemCues.get(stem(s)) ?? 0) + 1);
    else if (/^[a-z]+(?:[ ,'-]+[a-z]+)+$/.test(s)) phraseCount.set(s, (phraseCount.get(s) ?? 0) + 1);
  }
  for (const m of r.text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    const st = stem(w);
    stemTotal.set(st, (stemTotal.get(st) ?? 0) + 1);
    let forms = formsOfStem.get(st);
    if (!forms) formsOfStem.set(st, (forms = new Set()));
    forms.add(w);
  }
}
const candidates = new Set();
for (const [p, n] of phraseCount) if (n >= MIN_CUES && !p.includes(',')) candidates.add(p);
for (const [st, n] of stemCues) {
  if (n < MIN_CUES || n / (stemTotal.get(st) ?? n) < MIN_RATE) continue;
  for (const w of formsOfStem.get(st) ?? []) candidates.add(w);
}
const candidateList = [...candidates].sort();
const pattern = candidatePattern(candidateList);

// 2. instances
function isDev(doc) {
  return createHash('sha1').update(String(doc)).digest()[0] < 26; // ~10%
}
const train = [];
const dev = [];
let goldTotal = 0, goldReachable = 0;
const feats = [];
for (const r of rows) {
  const gold = new Set(r.cues.map((c) => `${c.start}:${c.end}`));
  goldTotal += gold.size;
  const bucket = isDev(r.doc) ? dev : train;
  const inst = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(r.text); m; m = pattern.exec(r.text)) {
    const start = m.index, end = start + m[0].length;
    const y = gold.has(`${start}:${end}`) ? 1 : -1;
    if (y > 0) goldReachable++;
    inst.push({ f: [...hedgeFeatures(r.text, start, end, 0, r.text.length, feats)], y });
  }
  bucket.push({ inst, gold: gold.size });
}

// 3. averaged perceptron
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 4294967296);
}
function trainPerceptron(data) {
  const flat = data.flatMap((d) => d.inst);
  const w = new Map(), total = new Map(), stamp = new Map();
  let t = 1;
  const rand = rng(40);
  const order = flat.map((_, i) => i);
  const touch = (k, delta) => {
    const last = stamp.get(k) ?? 0;
    const cur = w.get(k) ?? 0;
    total.set(k, (total.get(k) ?? 0) + cur * (t - last));
    stamp.set(k, t);
    w.set(k, cur + delta);
  };
  for (let e = 0; e < EPOCHS; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) {
      const { f, y } = flat[i];
      let s = 0;
      for (const k of f) s += w.get(k) ?? 0;
      if (y * s <= 0) for (const k of f) touch(k, y);
      t++;
    }
  }
  const avg = {};
  for (const [k, cur] of w) {
    const sum = (total.get(k) ?? 0) + cur * (t - (stamp.get(k) ?? 0));
    const v = Math.round((sum / t) * 10000) / 10000;
    if (v !== 0) avg[k] = v;
  }
  return avg;
}
function score(weights, data, threshold) {
  let tp = 0, fp = 0, gold = 0;
  for (const d of data) {
    gold += d.gold;
    for (const { f, y } of d.inst) {
      let s = 0;
      for (const k of f) s += weights[k] ?? 0;
      if (s > threshold) y > 0 ? tp++ : fp++;
    }
  }
  return prf(tp, tp + fp, gold);
}
const devWeights = trainPerceptron(train);
let best = { threshold: 0, f1: -1 };
for (let th = -1; th <= 1.0001; th += 0.05) {
  const s = score(devWeights, dev, th);
  if (s.f1 > best.f1) best = { threshold: Math.round(th * 100) / 100, ...s };
}
console.log(`40-hedges: ${candidateList.length} candidates, ${goldReachable}/${goldTotal} wiki cues reachable`);
console.log(`40-hedges: wiki dev (10% of documents) at threshold ${best.threshold}: P ${best.precision.toFixed(3)} R ${best.recall.toFixed(3)} F1 ${best.f1.toFixed(3)}`);
const weights = trainPerceptron([...train, ...dev]);
mkdirSync(join(root, 'models'), { recursive: true });
const sorted = Object.fromEntries(Object.entries(weights).sort(([a], [b]) => (a < b ? -1 : 1)));
writeFileSync(out, JSON.stringify({
  version: 1,
  candidates: candidateList,
  threshold: best.threshold,
  meta: {
    source: 'Szeged Uncertainty Corpus, Wikipedia part (research use); only trained weights are shipped',
    built: 'scripts/train/40-hedges.js',
    epochs: EPOCHS,
    devPrecision: Number(best.precision.toFixed(4)),
    devRecall: Number(best.recall.toFixed(4)),
    devF1: Number(best.f1.toFixed(4)),
  },
  weights: sorted,
}) + '\n');
console.log(`40-hedges: wrote ${out} (${Object.keys(sorted).length} weights)`);
