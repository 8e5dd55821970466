import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { parseConll, lastColumn, type ConllDocument } from '../conll.js';
import { Gazetteer } from '../features/gazetteer.js';
import { IntTable } from '../features/int-table.js';
import { Perceptron, PerceptronTrainer } from '../tagger/perceptron.js';
import { PosTagger } from '../tagger/pos-tagger.js';
import type { TagContext } from '../tagger/context.js';
import { EntityRecognizer } from '../ner/recognizer.js';
import { iobSpans, type TokenSpan } from '../ner/tag-scheme.js';
import { SpanScorer, type NerScore } from '../ner/score.js';
import { encodeModel } from '../model-file.js';
import { hashString } from '../features/hash.js';
import { buildContext, joinTokens, parseClusters, MODEL_FILE, GAZETTEER_FILE, CLUSTERS_FILE, type SentenceRange } from '../nlp-model.js';
import { buildGazetteerEntries } from './gazetteer-sources.js';
import { seededRandom } from './random.js';

// Trains the part-of-speech tagger, then the entity recognizer on the tagger's own output, on
// CoNLL-2003 train; picks the number of recognizer epochs on dev; reports test for the record.

export interface TrainOptions {
  shared: string;
  modelsDir: string;
  posEpochs: number;
  nerEpochs: number;
  posBits: number;
  nerBits: number;
  /** Seed of the shuffling (the same seed and data give the same model). */
  seed?: number;
  /** How many recognizers to train (in different shuffled orders) and average into the shipped one. */
  ensemble?: number;
  log: (line: string) => void;
}

interface PreparedDoc {
  ctx: TagContext;
  ranges: SentenceRange[];
  goldPos: Uint8Array;
  goldNer: Uint8Array;
  goldSpans: TokenSpan[][];
}

const rng = seededRandom;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function prepare(
  docs: ConllDocument[],
  res: { gazetteer: Gazetteer; clusters: IntTable },
  posIndex: Map<string, number>,
  recognizer: EntityRecognizer,
): PreparedDoc[] {
  return docs.map((doc) => {
    const joined = joinTokens(doc.sentences.map((s) => s.tokens));
    const n = joined.starts.length;
    const ctx = buildContext(res, joined.text, joined.starts, joined.ends, n);
    const goldPos = new Uint8Array(n);
    const goldNer = new Uint8Array(n);
    const goldSpans: TokenSpan[][] = [];
    doc.sentences.forEach((s, k) => {
      const start = joined.ranges[k].tokenStart;
      s.columns.forEach((cols, j) => (goldPos[start + j] = posIndex.get(cols[0]) ?? 0));
      const spans = iobSpans(lastColumn(s));
      goldSpans.push(spans);
      recognizer.scheme.encode(spans, s.tokens.length, goldNer, start);
    });
    return { ctx, ranges: joined.ranges, goldPos, goldNer, goldSpans };
  });
}

function posAccuracy(tagger: PosTagger, docs: PreparedDoc[]): number {
  let right = 0;
  let all = 0;
  for (const d of docs) {
    for (const r of d.ranges) tagger.tag(d.ctx, r.tokenStart, r.tokenEnd);
    for (let i = 0; i < d.goldPos.length; i++) if (d.ctx.pos[i] === d.goldPos[i]) right++;
    all += d.goldPos.length;
  }
  return right / all;
}

function nerScore(recognizer: EntityRecognizer, docs: PreparedDoc[]): NerScore {
  const scorer = new SpanScorer();
  for (const d of docs) {
    const tags = new Uint8Array(d.goldNer.length);
    recognizer.tagDocument(d.ctx, d.ranges, tags);
    d.ranges.forEach((r, k) => {
      scorer.add(d.goldSpans[k], recognizer.spans(d.ctx, tags, r.tokenStart, r.tokenEnd), r.tokenEnd - r.tokenStart);
    });
  }
  return scorer.result();
}

export function trainTaggers(o: TrainOptions): Record<string, unknown> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
  mkdirSync(o.modelsDir, { recursive: true });

  const entries = buildGazetteerEntries(join(o.shared, 'data/gazetteers'));
  const gazetteerTsv = entries.map((e) => `${e.category}\t${e.phrase}`).join('\n') + '\n';
  writeFileSync(join(o.modelsDir, GAZETTEER_FILE), gzipSync(gazetteerTsv, { level: 9 }));
  const gazetteer = Gazetteer.parse(gazetteerTsv);
  const clustersPath = join(o.modelsDir, CLUSTERS_FILE);
  const clusters = existsSync(clustersPath) ? parseClusters(gunzipSync(readFileSync(clustersPath)).toString('utf8')) : new IntTable();
  o.log(`gazetteer: ${gazetteer.size} phrases; clusters: ${clusters.size} words (${elapsed()})`);

  const read = (name: string) => parseConll(readFileSync(join(o.shared, 'data/ner/conll2003', name), 'utf8'));
  const trainDocs = read('train.txt');
  const devDocs = read('dev.txt');
  const testDocs = read('test.txt');
  const posTags = [...new Set(trainDocs.flatMap((d) => d.sentences.flatMap((s) => s.columns.map((c) => c[0]))))].sort();
  const posIndex = new Map(posTags.map((t, i) => [t, i]));
  const res = { gazetteer, clusters };
  const probe = new EntityRecognizer(new PerceptronTrainer(17, 1).model);
  const train = prepare(trainDocs, res, posIndex, probe);
  const dev = prepare(devDocs, res, posIndex, probe);
  const test = prepare(testDocs, res, posIndex, probe);
  o.log(`data: ${train.length} train, ${dev.length} dev, ${test.length} test documents; ${posTags.length} POS tags (${elapsed()})`);

  const random = rng(o.seed ?? 20030531);
  const dictionaryWords = unambiguousWords(trainDocs, posIndex);
  const dictionary = new Map(dictionaryWords.map(([word, tag]) => [hashString(word), tag]));
  const { candidateWords, openClass } = tagCandidates(trainDocs, posIndex);
  const candidates = new Map(candidateWords.map(([word, tags]) => [hashString(word), Uint8Array.from(tags)]));
  o.log(`pos dictionary: ${dictionary.size} unambiguous frequent words, ${candidates.size} words with known tags, ${openClass.length} open-class tags`);
  const trainPos = (docs: PreparedDoc[], log: boolean): Perceptron => {
    const trainer = new PerceptronTrainer(posTags.length, o.posBits);
    const learner = new PosTagger(trainer.model, posTags, dictionary, candidates, Uint8Array.from(openClass));
    for (let epoch = 1; epoch <= o.posEpochs; epoch++) {
      let errors = 0;
      let tokens = 0;
      for (const d of shuffled(docs, random)) {
        for (const r of shuffled(d.ranges, random)) {
          errors += learner.train(trainer, d.ctx, r.tokenStart, r.tokenEnd, d.goldPos);
          tokens += r.tokenEnd - r.tokenStart;
        }
      }
      if (log) o.log(`pos epoch ${epoch}: train error ${(errors / tokens).toFixed(4)} (${elapsed()})`);
    }
    return trainer.averaged();
  };
  const posModel = trainPos(train, true);
  const pos = new PosTagger(posModel, posTags, dictionary, candidates, Uint8Array.from(openClass));
  const posDev = posAccuracy(pos, dev);
  const posTest = posAccuracy(pos, test);
  // The recognizer learns from predicted tags as good as it will see: each half of train is tagged
  // by a tagger trained on the other half (a tagger never errs as rarely on its own training data).
  const halves = [train.filter((_, k) => k % 2 === 0), train.filter((_, k) => k % 2 === 1)];
  const jackknife = halves.map((half, k) => posAccuracy(new PosTagger(trainPos(halves[1 - k], false), posTags, dictionary, candidates, Uint8Array.from(openClass)), half));
  o.log(`pos accuracy on train, jackknifed: ${((jackknife[0] + jackknife[1]) / 2).toFixed(4)} (${elapsed()})`);
  o.log(`pos accuracy: dev ${posDev.toFixed(4)}, test ${posTest.toFixed(4)} (${elapsed()})`);

  const trainNer = (label: string, shuffle: () => number) => {
    const nerTrainer = new PerceptronTrainer(probe.scheme.size, o.nerBits);
    const learner = new EntityRecognizer(nerTrainer.model);
    let best: { epoch: number; model: Perceptron; dev: NerScore } | null = null;
    for (let epoch = 1; epoch <= o.nerEpochs; epoch++) {
      let errors = 0;
      for (const d of shuffled(train, shuffle)) {
        const tags = new Uint8Array(d.goldNer.length);
        errors += learner.trainDocument(nerTrainer, d.ctx, d.ranges, d.goldNer, tags);
      }
      const model = nerTrainer.averaged();
      const devScore = nerScore(new EntityRecognizer(model), dev);
      o.log(`${label} epoch ${epoch}: ${errors} train errors, dev F1 ${devScore.f1.toFixed(4)} (${elapsed()})`);
      if (!best || devScore.f1 > best.dev.f1) best = { epoch, model, dev: devScore };
    }
    return best!;
  };

  // Several recognizers, each trained in its own shuffled order and stopped at its best epoch on dev,
  // averaged into one: the weights of one linear model, steadier than any single run.
  const runs = Array.from({ length: o.ensemble ?? 1 }, (_, r) => trainNer(`ner ${r + 1}`, rng((o.seed ?? 20030531) + 1000 * (r + 1))));
  const nerModel = new Perceptron(probe.scheme.size, o.nerBits);
  for (const run of runs) for (let k = 0; k < nerModel.weights.length; k++) nerModel.weights[k] += run.model.weights[k] / runs.length;
  const ner = new EntityRecognizer(nerModel);
  const devScore = nerScore(ner, dev);
  const testScore = nerScore(ner, test);
  const scores = {
    posAccuracy: { dev: round(posDev), test: round(posTest) },
    ner: {
      runs: runs.map((r) => ({ epochs: r.epoch, devF1: round(r.dev.f1) })),
      dev: { f1: round(devScore.f1), precision: round(devScore.precision), recall: round(devScore.recall) },
      test: { f1: round(testScore.f1), precision: round(testScore.precision), recall: round(testScore.recall) },
      testTypes: Object.fromEntries(Object.entries(testScore.types).map(([k, v]) => [k, round(v.f1)])),
    },
  };
  o.log(`ner: ${runs.length} runs averaged, dev F1 ${devScore.f1.toFixed(4)}, test F1 ${testScore.f1.toFixed(4)} ${JSON.stringify(scores.ner.testTypes)}`);
  const meta = { version: 1, posTags, posDictionary: dictionaryWords, posCandidates: candidateWords, posOpenClass: openClass, nerTypes: ner.scheme.types, scheme: 'BILOU', trainedOn: 'CoNLL-2003 train', scores };
  const bytes = encodeModel(meta, new Map([['pos', posModel], ['ner', nerModel]]));
  writeFileSync(join(o.modelsDir, MODEL_FILE), bytes);
  o.log(`wrote ${MODEL_FILE}: ${(bytes.length / 1e6).toFixed(2)} MB (${elapsed()})`);
  return scores;
}

/**
 * The tags each word seen at least 3 times took (each at least once in 200), and the open-class tags:
 * those taken by words seen once, which is how a new word behaves.
 */
function tagCandidates(docs: ConllDocument[], posIndex: Map<string, number>): { candidateWords: [string, number[]][]; openClass: number[] } {
  const counts = new Map<string, Map<number, number>>();
  for (const d of docs) {
    for (const s of d.sentences) {
      s.tokens.forEach((w, k) => {
        let c = counts.get(w);
        if (!c) counts.set(w, (c = new Map()));
        const tag = posIndex.get(s.columns[k][0]) ?? 0;
        c.set(tag, (c.get(tag) ?? 0) + 1);
      });
    }
  }
  const candidateWords: [string, number[]][] = [];
  const rare = new Map<number, number>();
  let rareTotal = 0;
  for (const [word, c] of counts) {
    let total = 0;
    for (const n of c.values()) total += n;
    if (total === 1) {
      for (const tag of c.keys()) rare.set(tag, (rare.get(tag) ?? 0) + 1);
      rareTotal++;
    }
    if (total >= 3) {
      const tags = [...c].filter(([, n]) => n * 200 >= total).map(([t]) => t).sort((a, b) => a - b);
      candidateWords.push([word, tags]);
    }
  }
  const openClass = [...rare].filter(([, n]) => n * 1000 >= rareTotal).map(([t]) => t).sort((a, b) => a - b);
  return { candidateWords: candidateWords.sort((a, b) => (a[0] < b[0] ? -1 : 1)), openClass };
}

/** Words seen at least 20 times in training with one tag at least 97% of the time. */
function unambiguousWords(docs: ConllDocument[], posIndex: Map<string, number>): [string, number][] {
  const counts = new Map<string, Map<string, number>>();
  for (const d of docs) {
    for (const s of d.sentences) {
      s.tokens.forEach((w, k) => {
        let c = counts.get(w);
        if (!c) counts.set(w, (c = new Map()));
        const tag = s.columns[k][0];
        c.set(tag, (c.get(tag) ?? 0) + 1);
      });
    }
  }
  const out: [string, number][] = [];
  for (const [word, c] of counts) {
    let total = 0;
    let bestTag = '';
    let best = 0;
    for (const [tag, n] of c) {
      total += n;
      if (n > best) [best, bestTag] = [n, tag];
    }
    if (total >= 20 && best / total >= 0.97) out.push([word, posIndex.get(bestTag)!]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
