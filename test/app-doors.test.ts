import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { riftJson, tempDir } from './support/cli.js';
import { buildServer } from '../src/server/app.js';
import { openStore } from '../src/store/index.js';

const RUSSIAN =
  'ФСБ считает Китай противником, говорится во внутреннем документе, который опубликовали хакеры. ' +
  'В документе сказано, что китайские спецслужбы вербуют российских учёных. ' +
  'Пресс-секретарь Кремля Дмитрий Песков отказался комментировать публикацию.';

/** The layers a stored analysis keeps (the token table and tags are recomputed, not stored). */
const STORED_LAYERS = ['stages', 'versions', 'sentences', 'mentions', 'quantities', 'times', 'resolutions', 'actors', 'events', 'claims', 'provenance'];

const layersOf = (analysis: Record<string, unknown>) => Object.fromEntries(STORED_LAYERS.map((k) => [k, analysis[k]]));

test('the same Russian text gets the same analysis through rift analyze, POST /api/analyze and rift ingest', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'report.txt');
    writeFileSync(file, RUSSIAN);
    const viaCli = riftJson(['analyze', file, '--date', '2025-06-09']);

    const store = await openStore(':memory:');
    const app = buildServer(store);
    const response = await app.inject({ method: 'POST', url: '/api/analyze', payload: { text: RUSSIAN, publishedAt: '2025-06-09' } });
    assert.equal(response.statusCode, 200, response.body);
    const viaApi = response.json();
    await app.close();
    await store.close();

    const jsonl = join(dir, 'reports.jsonl');
    writeFileSync(jsonl, JSON.stringify({ text: RUSSIAN, date: '2025-06-09' }) + '\n');
    const db = join(dir, 'r.db');
    riftJson(['ingest', jsonl, '--db', db, '--workers', '1']);
    const sqlite = new Database(db, { readonly: true });
    const row = sqlite.prepare('SELECT d.language, d.date_day, d.date_source, a.layers FROM documents d JOIN analyses a ON a.doc_id = d.id').get() as {
      language: string; date_day: string; date_source: string; layers: string;
    };
    sqlite.close();
    const viaIngest = JSON.parse(row.layers);

    for (const [door, analysis] of [['rift analyze', viaCli], ['POST /api/analyze', viaApi]] as const) {
      assert.equal(analysis.document.language, 'ru', `${door} detects the language`);
      assert.deepEqual(analysis.document.date, { day: '2025-06-09', source: 'given' }, door);
    }
    assert.equal(row.language, 'ru');
    assert.deepEqual([row.date_day, row.date_source], ['2025-06-09', 'given']);
    // English-only stages are skipped at every door, and what ran says so
    assert.ok(!viaIngest.stages.includes('ner') && viaIngest.stages.includes('actors'), viaIngest.stages.join(','));
    assert.ok(viaIngest.actors.length > 0, 'the Russian names resolve to actors');
    assert.deepEqual(layersOf(viaCli), layersOf(viaIngest));
    assert.deepEqual(layersOf(viaApi), layersOf(viaIngest));
  } finally {
    cleanup();
  }
});

test('a document without a date of its own is read as of its retrieval day, and says so', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'note.txt');
    writeFileSync(file, 'Russia and China signed a trade agreement last month.');
    const before = new Date().toISOString().slice(0, 10);
    const analysis = riftJson(['analyze', file]);
    const after = new Date().toISOString().slice(0, 10);
    assert.equal(analysis.document.date.source, 'assumed');
    assert.ok([before, after].includes(analysis.document.date.day), analysis.document.date.day);
    assert.equal(analysis.document.publishedAt, undefined, 'publishedAt stays the raw metadata: none here');
  } finally {
    cleanup();
  }
});
