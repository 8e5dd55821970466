import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeModel, decodeModel } from '../src/nlp/model-file.js';
import { Perceptron, PerceptronTrainer } from '../src/nlp/tagger/perceptron.js';
import { Gazetteer } from '../src/nlp/features/gazetteer.js';
import { computeAttributes } from '../src/nlp/features/attributes.js';
import { tokenize } from '../src/nlp/tokenizer.js';
import { loadStages } from '../src/app/pipeline.js';
import type { Pipeline } from '../src/pipeline/index.js';
import { testDocument } from './support/documents.js';

const NLP_STAGES = ['tokenizer', 'sentences', 'pos', 'ner', 'values'];

function analyze(pipeline: Pipeline, text: string) {
  return pipeline.analyze(testDocument(text, { id: 't' }));
}

test('the averaged perceptron learns a separable toy problem', () => {
  const trainer = new PerceptronTrainer(2, 4);
  const f = new Int32Array([1, 0]);
  for (let epoch = 0; epoch < 5; epoch++) {
    for (const [feature, gold] of [[3, 0], [5, 1]] as const) {
      f[1] = feature;
      const scores = new Float32Array(2);
      trainer.model.score(f, 2, scores);
      trainer.update(f, 2, gold, scores[0] >= scores[1] ? 0 : 1);
      trainer.tick();
    }
  }
  const model = trainer.averaged();
  const scores = new Float32Array(2);
  model.score(new Int32Array([1, 3]), 2, scores);
  assert.ok(scores[0] > scores[1]);
  model.score(new Int32Array([1, 5]), 2, scores);
  assert.ok(scores[1] > scores[0]);
});

test('model files keep the weights to 16-bit precision and score like the original', () => {
  const w = new Float32Array(16 * 3).map((_, i) => Math.sin(i) * 7);
  const original = new Perceptron(3, 4, w);
  const decoded = decodeModel(encodeModel({ note: 'x' }, new Map([['t', original]])));
  assert.equal(decoded.meta.note, 'x');
  const compact = decoded.tables.get('t')!;
  const features = new Int32Array([1, 7, 12, 12]);
  const a = new Float32Array(3);
  const b = new Float32Array(3);
  original.score(features, 4, a);
  compact.score(features, 4, b);
  for (let t = 0; t < 3; t++) assert.ok(Math.abs(a[t] - b[t]) < 0.01, `${a[t]} vs ${b[t]}`);
  const some = new Float32Array(3).fill(99);
  compact.scoreSome(features, 4, Uint8Array.from([2]), some);
  assert.ok(Math.abs(some[2] - b[2]) < 1e-6);
  assert.equal(some[0], 99);
});

test('gazetteer phrases match whole capitalized token sequences, case-insensitively', () => {
  const g = new Gazetteer();
  g.add('Federal Security Service', 'agency');
  g.add('FSB', 'agency');
  const text = 'the FEDERAL SECURITY SERVICE and the federal security service and Federal Security';
  const t = tokenize(text);
  const attrs = computeAttributes(text, t.starts, t.ends, t.count);
  const bits = new Int32Array(t.count);
  g.match(attrs, bits);
  const agency = 1 << 7;
  assert.equal(bits[1], agency); // begins
  assert.equal(bits[2], agency << 16); // continues
  assert.equal(bits[3], agency << 16);
  assert.equal(bits[6] | bits[7] | bits[8], 0); // lower case: no match
  assert.equal(bits[10] | bits[11], 0); // an unfinished phrase: no match
  assert.equal(g.longestAt(attrs, 1), 3);
});

test('the shipped model tags parts of speech and finds entities with exact spans', async () => {
  const components = await loadStages(NLP_STAGES);
  assert.deepEqual(components.names, NLP_STAGES);
  const text = 'German Chancellor Angela Merkel met officials of the European Union in Brussels on Monday.';
  const a = analyze(components, text);
  assert.equal(a.pos?.length, a.tokens.count);
  assert.equal(a.pos?.[a.tokens.count - 1], '.');
  assert.equal(a.pos?.[3], 'NNP');
  const found = a.mentions.map((m) => `${m.kind} ${m.text}`);
  // OntoNotes' kinds: a nationality is NORP, a city GPE; the article is not part of the name
  for (const expected of ['NORP German', 'PER Angela Merkel', 'ORG European Union', 'GPE Brussels']) assert.ok(found.includes(expected), found.join(', '));
  for (const m of a.mentions) {
    assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(m.confidence > 0 && m.confidence <= 1);
  }
});

test('regions are places, and title-case headline words are not taken for names', async () => {
  const components = await loadStages(NLP_STAGES);
  const text = 'Shadowed Trust\nChina covets the Russian Far East and the Arctic, officials in Moscow said.';
  const a = analyze(components, text);
  const found = a.mentions.map((m) => `${m.kind} ${m.text}`);
  assert.ok(found.includes('LOC Russian Far East'), found.join(', '));
  assert.ok(found.includes('LOC Arctic'), found.join(', '));
  assert.ok(!found.some((m) => m.includes('Shadowed') || m.includes('Trust')), found.join(', '));
});

test('sentence openers, adjectives made of names and companies named like people are not taken for the wrong thing', async () => {
  const components = await loadStages(NLP_STAGES);
  const text = [
    'Moreover, the ministry said it would respond.',
    'Strikingly, Beijing did not respond to the Beijing-led talks or to San Diego-based analysts.',
    'The New York Times reported that Saatchi and Olivetti lost money in Macau.',
  ].join(' ');
  const a = analyze(components, text);
  const found = a.mentions.filter((m) => m.kind !== 'DATE' && m.kind !== 'CARDINAL').map((m) => `${m.kind} ${m.text}`);
  assert.ok(!found.some((m) => /Moreover|Strikingly|-led|-based/.test(m)), found.join(', '));
  for (const expected of ['GPE Beijing', 'ORG New York Times', 'ORG Saatchi', 'ORG Olivetti', 'GPE Macau']) assert.ok(found.includes(expected), found.join(', '));
});
