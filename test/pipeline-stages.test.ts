import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStageOrder, Pipeline } from '../src/pipeline/pipeline.js';
import { StageRegistry } from '../src/pipeline/registry.js';
import { Resources } from '../src/pipeline/resources.js';
import { stageVersion } from '../src/pipeline/version.js';
import type { CorpusStageDefinition, DocumentStageDefinition, Layer } from '../src/pipeline/stage.js';
import { STAGES } from '../src/app/stages.js';
import { loadPipeline } from '../src/app/pipeline.js';
import { analysisToJson } from '../src/pipeline/serialize.js';
import { testDocument } from './support/documents.js';

const stage = (name: string, requires: Layer[], adds: Layer[], extra: Partial<DocumentStageDefinition> = {}): DocumentStageDefinition => ({
  kind: 'document', name, requires, adds, revision: 1, files: [], load: () => () => {}, ...extra,
});

test('the order is checked: a requirement must be added by an earlier stage that runs on the same documents', () => {
  const tokens = stage('tokenizer', [], ['tokens']);
  const sentences = stage('sentences', ['tokens'], ['sentences']);
  assert.doesNotThrow(() => checkStageOrder([tokens, sentences]));
  assert.throws(() => checkStageOrder([sentences, tokens]), /"sentences" requires the tokens layer, and "tokenizer" adds it later/);
  assert.throws(() => checkStageOrder([sentences]), /"sentences" requires the tokens layer, and no stage adds it/);
  const englishTokens = stage('tokenizer', [], ['tokens'], { languages: ['en'] });
  assert.throws(() => checkStageOrder([englishTokens, sentences]), /adds it only for en/);
  assert.doesNotThrow(() => checkStageOrder([englishTokens, stage('sentences', ['tokens'], ['sentences'], { languages: ['en'] })]));
  // a stage may not read what a later stage adds or revises: claims before modality would read unrevised events
  const events = stage('event-coder', [], ['events']);
  const modality = stage('modality', ['events'], ['events']);
  const claims = stage('claims', ['events'], ['claims']);
  assert.doesNotThrow(() => checkStageOrder([events, modality, claims]));
  assert.throws(() => checkStageOrder([events, claims, modality]), /"claims" reads the events layer, which the later stage "modality" adds/);
  assert.throws(() => checkStageOrder([stage('ner', [], ['mentions'], { uses: ['pos'] }), stage('pos', [], ['pos'])]), /"ner" reads the pos layer/);
  assert.throws(() => checkStageOrder([tokens, tokens]), /two stages are named "tokenizer"/);
});

test('the registry checks its stages when made, corpus stages included', () => {
  const corpus = (requires: Layer[]): CorpusStageDefinition => ({
    kind: 'corpus', name: 'stories', requires, adds: ['stories'], revision: 1, files: [], load: () => async () => {},
  });
  const tokens = stage('tokenizer', [], ['tokens']);
  assert.doesNotThrow(() => new StageRegistry([tokens], [corpus(['tokens'])]));
  assert.throws(() => new StageRegistry([tokens], [corpus(['events'])]), /corpus stage "stories" requires the events layer, which no document stage adds/);
  assert.throws(() => new StageRegistry([stage('stories', [], ['tokens'])], [corpus([])]), /two stages are named "stories"/);
  assert.throws(() => new StageRegistry([stage('sentences', ['tokens'], ['sentences'])]), /requires the tokens layer/);
});

test('the default registry: document stages in order, each with a version', () => {
  assert.deepEqual(STAGES.documentStages.map((s) => s.name), [
    'tokenizer', 'sentences', 'pos', 'ner', 'values', 'values-ru', 'values-zh', 'actors', 'provenance', 'event-coder', 'events-ru', 'events-zh',
    'modality', 'claims', 'credibility',
  ]);
  assert.deepEqual(STAGES.corpusStages.map((s) => s.name), ['stories', 'relationships']);
  for (const name of STAGES.names) assert.match(STAGES.version(name), /^[0-9a-f]{12}$/, name);
  assert.equal(STAGES.version('pos') === STAGES.version('ner'), false, 'one model, two stages, two versions');
  assert.deepEqual(Object.keys(STAGES.versionsFor('ru')), ['tokenizer', 'sentences', 'values-ru', 'actors', 'events-ru', 'credibility']);
  assert.deepEqual(Object.keys(STAGES.versionsFor('zh')), ['tokenizer', 'sentences', 'values-zh', 'actors', 'events-zh', 'credibility']);
  assert.throws(() => STAGES.version('nope'), /no stage named "nope"/);
});

test('a version changes with the stage\'s revision and with the content of its files, not with their dates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-version-'));
  try {
    const file = join(dir, 'model.bin');
    writeFileSync(file, 'weights v1');
    const v1 = stageVersion({ name: 'pos', revision: 1, files: [file] });
    assert.equal(stageVersion({ name: 'pos', revision: 1, files: [file] }), v1);
    writeFileSync(file, 'weights v1'); // rewritten, same bytes
    assert.equal(stageVersion({ name: 'pos', revision: 1, files: [file] }), v1);
    assert.notEqual(stageVersion({ name: 'pos', revision: 2, files: [file] }), v1);
    writeFileSync(file, 'weights v2');
    assert.notEqual(stageVersion({ name: 'pos', revision: 1, files: [file] }), v1);
    assert.notEqual(stageVersion({ name: 'pos', revision: 1, files: [join(dir, 'missing.bin')] }), v1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an analysis records the version of each stage that ran', async () => {
  const pipeline = await loadPipeline();
  const a = pipeline.analyze(testDocument('Russia accused Ukraine of shelling the plant.', { language: 'en' }));
  assert.deepEqual(a.stages, ['tokenizer', 'sentences', 'pos', 'ner', 'values', 'actors', 'provenance', 'event-coder', 'modality', 'claims', 'credibility']);
  assert.deepEqual(a.versions, STAGES.versionsFor('en'));
  assert.deepEqual((await loadPipeline()).skippedFor('en'), [], 'the Russian and Chinese variants are no stages an English document misses');
  assert.deepEqual((await loadPipeline()).skippedFor('ru').map((s) => s.name), ['pos', 'ner', 'provenance'], 'values-ru and events-ru stand for the English values, events, modality and claims');
  assert.deepEqual((analysisToJson(a) as { versions: unknown }).versions, a.versions, 'the JSON output carries them');
});

test('resources are loaded once per Resources and shared by the stages that need them', async () => {
  let loads = 0;
  const model = { name: 'model', load: () => ({ loads: ++loads }) };
  const uses = (name: string, layer: Layer): DocumentStageDefinition => ({
    kind: 'document', name, requires: [], adds: [layer], revision: 1, files: [],
    load: (r) => {
      const m = r.get(model);
      return (a) => void a.stages.push(`${name}:${m.loads}`);
    },
  });
  const registry = new StageRegistry([uses('a', 'tokens'), uses('b', 'sentences')]);
  const resources = new Resources();
  await registry.loadPipeline(resources);
  await registry.loadPipeline(resources);
  assert.equal(loads, 1);
  await registry.loadPipeline(new Resources());
  assert.equal(loads, 2);
});

test('no stage keeps anything of one document for the next: a document gets the same analysis whatever came before', async () => {
  const pipeline = await loadPipeline();
  const text = 'President Vladimir Putin met Xi Jinping in Moscow. The Kremlin said the talks went well. The memo could be a forgery, officials said.';
  const as2009 = () => analysisToJson(pipeline.analyze(testDocument(text, { publishedAt: '2009-01-10', language: 'en' })));
  const as2025 = () => analysisToJson(pipeline.analyze(testDocument(text, { publishedAt: '2025-06-10', language: 'en' })));
  const first = JSON.stringify(as2009());
  const other = JSON.stringify(as2025());
  assert.notEqual(first, other, 'roles differ by date (Putin was prime minister in 2009)');
  assert.equal(JSON.stringify(as2009()), first);
  assert.equal(JSON.stringify(as2025()), other);
  // a fresh pipeline, with nothing analysed before, agrees
  const fresh = await STAGES.loadPipeline(new Resources());
  assert.equal(JSON.stringify(analysisToJson(fresh.analyze(testDocument(text, { publishedAt: '2025-06-10', language: 'en' })))), other);
});

test('a pipeline over some stages is checked like the whole one', async () => {
  await assert.rejects(STAGES.loadPipeline(new Resources(), ['sentences']), /"sentences" requires the tokens layer/);
  await assert.rejects(STAGES.loadPipeline(new Resources(), ['tokenizer', 'nope']), /no document stage named "nope"/);
  const pipeline = await STAGES.loadPipeline(new Resources(), ['tokenizer', 'sentences']);
  assert.ok(pipeline instanceof Pipeline);
  assert.deepEqual(pipeline.names, ['tokenizer', 'sentences']);
});
