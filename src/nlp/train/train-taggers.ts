import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { parseConll, lastColumn, type ConllDocument } from '../conll.js';
import { Gazetteer } from '../features/gazetteer.js';
import { IntTable } from '../features/int-table.js';
import { Perceptron, PerceptronTrainer } from '../tagger/perceptron.js';
import { PosTagger } from '../tagger/pos-tagger.js';
import type { TagContext } from '../tagger/context.js';
import { EntityRecognizer, factoredColumns, type GoldSets } from '../ner/recognizer.js';
import { BilouScheme, iobSpans, type TokenSpan } from '../ner/tag-scheme.js';
import { SpanScorer, type NerScore } from '../ner/score.js';
import { spansIn } from '../ner/evaluate.js';
import { CONLL_TYPES, ENTITY_TYPES, VALUE_TYPES, finerThanConll, fromOntoNotes, type LabelScheme } from '../ner/types.js';
import { F_HAS_DIGIT, F_HAS_UPPER } from '../features/attributes.js';
import { encodeModel } from '../model-file.js';
import { hashString } from '../features/hash.js';
import { buildContext, joinTokens, parseClusters, entityWordTable, outsideWordTable, type EntityWords, MODEL_FILE, GAZETTEER_FILE, CLUSTERS_FILE, type SentenceRange } from '../nlp-model.js';
import { buildGazetteerEntries } from './gazetteer-sources.js';
import { seededRandom } from './random.js';

// Trains the part-of-speech tagger on CoNLL-2003 train, then the entity recognizer on OntoNotes 5
// train (its eighteen types) and CoNLL-2003 train (its four, each standing for the finer types it
// covers), on the tagger's own output; picks each run's number of epochs on OntoNotes dev; reports
// OntoNotes dev and CoNLL-2003 dev and test for the record.

export interface TrainOptions {
  shared: string;
  modelsDir: string;
  posEpochs: number;
  nerEpochs: number;
  posBits: number;
  nerBits: number;
  /** Hash table size (bits) of the recognizer's joint table (default 18). */
  nerJointBits?: number;
  /** Seed of the shuffling (the same seed and data give the same model). */
  seed?: number;
  /** How many recognizers to train (in different shuffled orders) and average into the shipped one. */
  ensemble?: number;
  /** Whether CoNLL-2003 train joins OntoNotes train for the recognizer (default true). */
  withConll?: boolean;
  /** Use one OntoNotes training document in this many, for quick experiments (default 1: all). */
  every?: number;
  /** Train and report, but write no file (experiments). */
  dryRun?: boolean;
  log: (line: string) => void;
}

interface PreparedDoc {
  ctx: TagContext;
  ranges: SentenceRange[];
  goldPos: Uint8Array;
  /** Per token, a code of goldSets (see GoldSets). */
  gold: Uint8Array;
  goldSets: GoldSets;
  /** Gold spans per sentence, in the file's own types. */
  goldSpans: TokenSpan[][];
  labels: LabelScheme;
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

/** Gold sets where each code is the tag itself. */
function fullLabels(scheme: BilouScheme): GoldSets {
  return { sets: scheme.names.map((_, t) => Uint8Array.of(t)) };
}

/**
 * Gold sets for CoNLL-2003's tags: B-LOC stands for B-GPE, B-LOC and B-FAC, and so on; O for O and
 * every tag of a value type (CoNLL-2003 leaves dates and amounts unmarked).
 */
function conllLabels(fine: BilouScheme, coarse: BilouScheme): GoldSets {
  const sets = coarse.names.map((name) => {
    if (name === 'O') return Uint8Array.from([0, ...fine.names.flatMap((n, t) => (t > 0 && VALUE_TYPES.has(n.slice(2)) ? [t] : []))]);
    const prefix = name[0];
    const types = finerThanConll(name.slice(2));
    return Uint8Array.from(types.map((type) => fine.names.indexOf(`${prefix}-${type}`)).sort((a, b) => a - b));
  });
  return { sets };
}

function prepare(
  docs: ConllDocument[],
  res: { gazetteer: Gazetteer; clusters: IntTable },
  posIndex: Map<string, number>,
  labels: LabelScheme,
  fine: BilouScheme,
): PreparedDoc[] {
  const coarse = new BilouScheme(CONLL_TYPES);
  const goldSets = labels === 'conll' ? conllLabels(fine, coarse) : fullLabels(fine);
  const codes = labels === 'conll' ? coarse : fine;
  return docs.map((doc) => {
    const joined = joinTokens(doc.sentences.map((s) => s.tokens));
    const n = joined.starts.length;
    const ctx = buildContext(res, joined.text, joined.starts, joined.ends, n);
    const goldPos = new Uint8Array(n);
    const gold = new Uint8Array(n);
    const goldSpans: TokenSpan[][] = [];
    doc.sentences.forEach((s, k) => {
      const start = joined.ranges[k].tokenStart;
      if (labels === 'conll') s.columns.forEach((cols, j) => (goldPos[start + j] = posIndex.get(cols[0]) ?? 0));
      const spans = iobSpans(lastColumn(s));
      goldSpans.push(spans);
      const ours = labels === 'conll' ? spans : spans.map((sp) => ({ ...sp, type: fromOntoNotes(sp.type) }));
      codes.encode(ours, s.tokens.length, gold, start);
    });
    return { ctx, ranges: joined.ranges, goldPos, gold, goldSets, goldSpans, labels };
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
    const tags = new Uint8Array(d.gold.length);
    recognizer.tagDocument(d.ctx, d.ranges, tags);
    d.ranges.forEach((r, k) => {
      scorer.add(d.goldSpans[k], spansIn(d.labels, recognizer.spans(tags, r.tokenStart, r.tokenEnd)), r.tokenEnd - r.tokenStart);
    });
  }
  return scorer.result();
}

/**
 * What lower-case words (without a capital or a digit) do in training entities: those that begin at
 * least 3 and begin one at least once in 100 times they occur; of those, the ones that are a
 * one-word entity at least once in 10 times they begin one; and the words inside entities, at
 * least 3 times and once in 100; and the words with a capital or a digit, as written, that are
 * Outside at least 99 times in 100 (and 20 times) where they do not go on with an entity (see
 * plainlyOutside).
 */
function entityWords(docs: PreparedDoc[]): EntityWords {
  const outsideOf = new Map<string, [number, number]>();
  const begins = new Map<string, number>();
  const alone = new Map<string, number>();
  const inside = new Map<string, number>();
  const seen = new Map<string, number>();
  const add = (map: Map<string, number>, w: string) => map.set(w, (map.get(w) ?? 0) + 1);
  for (const d of docs) {
    const { text, starts, ends } = d.ctx;
    const flags = d.ctx.attrs.flags;
    d.ranges.forEach((r, k) => {
      const role = new Uint8Array(r.tokenEnd - r.tokenStart);
      for (const sp of d.goldSpans[k]) {
        role[sp.start] = sp.end - sp.start === 1 ? 2 : 1;
        role.fill(3, sp.start + 1, sp.end);
      }
      for (let i = r.tokenStart; i < r.tokenEnd; i++) {
        const x = role[i - r.tokenStart];
        if (flags[i] & (F_HAS_UPPER | F_HAS_DIGIT)) {
          if (x === 3) continue;
          const counts = outsideOf.get(text.slice(starts[i], ends[i])) ?? [0, 0];
          counts[x === 0 ? 0 : 1]++;
          outsideOf.set(text.slice(starts[i], ends[i]), counts);
          continue;
        }
        const w = text.slice(starts[i], ends[i]).toLowerCase();
        add(seen, w);
        if (x === 1 || x === 2) add(begins, w);
        if (x === 2) add(alone, w);
        if (x === 3) add(inside, w);
      }
    });
  }
  const often = (map: Map<string, number>) => [...map].filter(([w, n]) => n >= 3 && n * 100 >= seen.get(w)!).map(([w]) => w).sort();
  const starts = often(begins);
  const outside = [...outsideOf].filter(([, [o, e]]) => o + e >= 20 && o >= 0.99 * (o + e)).map(([w]) => w).sort();
  return { starts, alone: starts.filter((w) => (alone.get(w) ?? 0) * 10 >= begins.get(w)!), inside: often(inside), outside };
}

export function trainTaggers(o: TrainOptions): Record<string, unknown> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)}s`;
  mkdirSync(o.modelsDir, { recursive: true });

  const entries = buildGazetteerEntries(join(o.shared, 'data/gazetteers'));
  const gazetteerTsv = entries.map((e) => `${e.category}\t${e.phrase}`).join('\n') + '\n';
  if (!o.dryRun) writeFileSync(join(o.modelsDir, GAZETTEER_FILE), gzipSync(gazetteerTsv, { level: 9 }));
  const gazetteer = Gazetteer.parse(gazetteerTsv);
  const clustersPath = join(o.modelsDir, CLUSTERS_FILE);
  const clusters = existsSync(clustersPath) ? parseClusters(gunzipSync(readFileSync(clustersPath)).toString('utf8')) : new IntTable();
  o.log(`gazetteer: ${gazetteer.size} phrases; clusters: ${clusters.size} words (${elapsed()})`);

  const read = (dir: string, name: string) => parseConll(readFileSync(join(o.shared, 'data/ner', dir, name), 'utf8'));
  const trainDocs = read('conll2003', 'train.txt');
  const devDocs = read('conll2003', 'dev.txt');
  const testDocs = read('conll2003', 'test.txt');
  const every = o.every ?? 1;
  const ontoTrainDocs = read('ontonotes', 'train.bio').filter((_, k) => k % every === 0);
  const ontoDevDocs = read('ontonotes', 'dev.bio');
  const posTags = [...new Set(trainDocs.flatMap((d) => d.sentences.flatMap((s) => s.columns.map((c) => c[0]))))].sort();
  const posIndex = new Map(posTags.map((t, i) => [t, i]));
  const res = { gazetteer, clusters };
  const fine = new BilouScheme(ENTITY_TYPES);
  const train = prepare(trainDocs, res, posIndex, 'conll', fine);
  const dev = prepare(devDocs, res, posIndex, 'conll', fine);
  const test = prepare(testDocs, res, posIndex, 'conll', fine);
  const ontoTrain = prepare(ontoTrainDocs, res, posIndex, 'ontonotes', fine);
  const ontoDev = prepare(ontoDevDocs, res, posIndex, 'ontonotes', fine);
  o.log(`data: CoNLL-2003 ${train.length} train, ${dev.length} dev, ${test.length} test documents; ${posTags.length} POS tags; OntoNotes ${ontoTrain.length} train, ${ontoDev.length} dev document parts (${elapsed()})`);

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
  // The recognizer learns from predicted tags as good as it will see: each half of CoNLL train is
  // tagged by a tagger trained on the other half (a tagger never errs as rarely on its own training
  // data). OntoNotes is new text to the tagger, as the texts Rift reads are.
  const halves = [train.filter((_, k) => k % 2 === 0), train.filter((_, k) => k % 2 === 1)];
  const jackknife = halves.map((half, k) => posAccuracy(new PosTagger(trainPos(halves[1 - k], false), posTags, dictionary, candidates, Uint8Array.from(openClass)), half));
  o.log(`pos accuracy on train, jackknifed: ${((jackknife[0] + jackknife[1]) / 2).toFixed(4)} (${elapsed()})`);
  o.log(`pos accuracy: dev ${posDev.toFixed(4)}, test ${posTest.toFixed(4)} (${elapsed()})`);
  for (const d of [...ontoTrain, ...ontoDev]) for (const r of d.ranges) pos.tag(d.ctx, r.tokenStart, r.tokenEnd);

  const nerWords = entityWords(ontoTrain);
  const starters = entityWordTable(nerWords);
  const outsideWords = outsideWordTable(nerWords);
  o.log(`entity words: ${nerWords.starts.length} lower-case words begin entities, ${nerWords.alone.length} of them alone, ${nerWords.inside.length} go on with them; ${nerWords.outside.length} with capitals never do (${elapsed()})`);
  const nerTrain = o.withConll === false ? ontoTrain : [...ontoTrain, ...train];
  const columns = factoredColumns(ENTITY_TYPES.length);
  const jointBits = o.nerJointBits ?? 18;
  const trainNer = (label: string, shuffle: () => number) => {
    const trainers = { factored: new PerceptronTrainer(columns, o.nerBits), joint: new PerceptronTrainer(fine.size, jointBits) };
    const learner = new EntityRecognizer({ factored: trainers.factored.model, joint: trainers.joint.model }, ENTITY_TYPES, starters, outsideWords);
    let best: { epoch: number; models: { factored: Perceptron; joint: Perceptron }; dev: NerScore; conllDev: NerScore } | null = null;
    for (let epoch = 1; epoch <= o.nerEpochs; epoch++) {
      let errors = 0;
      for (const d of shuffled(nerTrain, shuffle)) {
        const tags = new Uint8Array(d.gold.length);
        errors += learner.trainDocument(trainers, d.ctx, d.ranges, d.gold, d.goldSets, tags);
      }
      const models = { factored: trainers.factored.averaged(), joint: trainers.joint.averaged() };
      const recognizer = new EntityRecognizer(models, ENTITY_TYPES, starters, outsideWords);
      const devScore = nerScore(recognizer, ontoDev);
      const conllDev = nerScore(recognizer, dev);
      o.log(`${label} epoch ${epoch}: ${errors} train errors, OntoNotes dev F1 ${devScore.f1.toFixed(4)}, CoNLL-2003 dev F1 ${conllDev.f1.toFixed(4)} (${elapsed()})`);
      if (!best || devScore.f1 > best.dev.f1) best = { epoch, models, dev: devScore, conllDev };
    }
    return best!;
  };

  // Several recognizers, each trained in its own shuffled order and stopped at its best epoch on dev,
  // averaged into one: the weights of one linear model, steadier than any single run.
  const nerModels = { factored: new Perceptron(columns, o.nerBits), joint: new Perceptron(fine.size, jointBits) };
  const runs: { epochs: number; devF1: number; conllDevF1: number }[] = [];
  const ensemble = o.ensemble ?? 1;
  for (let r = 0; r < ensemble; r++) {
    const run = trainNer(`ner ${r + 1}`, rng((o.seed ?? 20030531) + 1000 * (r + 1)));
    for (const key of ['factored', 'joint'] as const) {
      const sum = nerModels[key].weights;
      const w = run.models[key].weights;
      for (let k = 0; k < sum.length; k++) sum[k] += w[k] / ensemble;
    }
    runs.push({ epochs: run.epoch, devF1: round(run.dev.f1), conllDevF1: round(run.conllDev.f1) });
  }
  const ner = new EntityRecognizer(nerModels, ENTITY_TYPES, starters, outsideWords);
  const ontoScore = nerScore(ner, ontoDev);
  const devScore = nerScore(ner, dev);
  const testScore = nerScore(ner, test);
  const brief = (x: NerScore) => ({ f1: round(x.f1), precision: round(x.precision), recall: round(x.recall) });
  const perType = (x: NerScore) => Object.fromEntries(Object.entries(x.types).map(([k, v]) => [k, round(v.f1)]));
  const scores = {
    posAccuracy: { dev: round(posDev), test: round(posTest) },
    ner: {
      runs,
      ontonotesDev: { ...brief(ontoScore), types: perType(ontoScore) },
      conllDev: brief(devScore),
      conllTest: { ...brief(testScore), types: perType(testScore) },
    },
  };
  o.log(`ner: ${runs.length} runs averaged, OntoNotes dev F1 ${ontoScore.f1.toFixed(4)} ${JSON.stringify(scores.ner.ontonotesDev.types)}`);
  o.log(`ner: CoNLL-2003 dev F1 ${devScore.f1.toFixed(4)}, test F1 ${testScore.f1.toFixed(4)} ${JSON.stringify(scores.ner.conllTest.types)}`);
  if (o.dryRun) return scores;
  const meta = {
    version: 2,
    posTags,
    posDictionary: dictionaryWords,
    posCandidates: candidateWords,
    posOpenClass: openClass,
    nerTypes: ENTITY_TYPES,
    nerWords,
    scheme: 'BILOU',
    trainedOn: { pos: 'CoNLL-2003 train', ner: o.withConll === false ? 'OntoNotes 5 train' : 'OntoNotes 5 train + CoNLL-2003 train (its types as sets of ours)' },
    scores,
  };
  const bytes = encodeModel(meta, new Map([['pos', posModel], ['ner', nerModels.factored], ['ner-joint', nerModels.joint]]));
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
