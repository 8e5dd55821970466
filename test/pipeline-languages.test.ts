import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { riftJson, tempDir } from './support/cli.js';
import { Pipeline } from '../src/pipeline/pipeline.js';
import type { DocumentStage } from '../src/pipeline/stage.js';
import type { Analysis, Document } from '../src/model/index.js';
import { testDocument } from './support/documents.js';

const doc = (text: string, language?: string): Document => testDocument(text, { id: 'x', language });

test('a pipeline runs only the stages built for the document language, and says which ran', () => {
  const ran: string[] = [];
  const stage = (name: string, languages?: string[]): DocumentStage => ({
    kind: 'document', name, languages, requires: [], adds: [], revision: 1, files: [], version: `${name}-1`, run: (_a: Analysis) => void ran.push(name),
  });
  const pipeline = new Pipeline([stage('tokens'), stage('ner', ['en']), stage('actors')]);
  const russian = pipeline.analyze(doc('Москва', 'ru'));
  assert.deepEqual(russian.stages, ['tokens', 'actors']);
  assert.deepEqual(russian.versions, { tokens: 'tokens-1', actors: 'actors-1' }, 'the versions of the stages that ran');
  assert.deepEqual(pipeline.skippedFor('ru-RU').map((c) => c.name), ['ner']);
  assert.deepEqual(pipeline.analyze(doc('Moscow', 'en-GB')).stages, ['tokens', 'ner', 'actors']);
  assert.deepEqual(pipeline.analyze(doc('Moscow')).stages, ['tokens', 'ner', 'actors'], 'an unknown language gets every stage');
  assert.deepEqual(ran, ['tokens', 'actors', 'tokens', 'ner', 'actors', 'tokens', 'ner', 'actors']);
});

test('Russian and Chinese reports are stored, searchable and resolved to actors, and the summary says they are partial', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'reports.jsonl');
    writeFileSync(
      file,
      [
        { text: 'ФСБ считает Китай противником, говорится во внутреннем документе, который опубликовали хакеры.', lang: 'ru', date: '2025-06-09' },
        { text: '据报道，俄罗斯联邦安全局的一份内部文件把中国称为敌人。', lang: 'zh', date: '2025-06-09' },
        { text: 'The FSB regards China as an adversary, according to an internal memo.', lang: 'en', date: '2025-06-09' },
      ].map((r) => JSON.stringify(r)).join('\n'),
    );
    const db = join(dir, 'r.db');
    const summary = riftJson(['ingest', file, '--db', db, '--workers', '1']);
    assert.equal(summary.ingested, 3);
    assert.deepEqual(summary.partial.map((p: { ref: string }) => p.ref.split('#').pop()), ['L1', 'L2']);
    assert.match(summary.partial[0].reason, /language "ru".*ner/);
    const sqlite = new Database(db, { readonly: true });
    const agencyMentions = sqlite
      .prepare("SELECT d.language, m.text FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.actor_id = (SELECT actor_id FROM mentions WHERE text = 'FSB' LIMIT 1) ORDER BY d.language")
      .all() as { language: string; text: string }[];
    assert.deepEqual(agencyMentions.map((m) => `${m.language}:${m.text}`), ['en:FSB', 'ru:ФСБ', 'zh:俄罗斯联邦安全局']);
    const ru = JSON.parse(sqlite.prepare("SELECT a.layers FROM analyses a JOIN documents d ON d.id = a.doc_id WHERE d.language = 'ru'").pluck().get() as string);
    assert.ok(ru.stages.includes('actors') && !ru.stages.includes('ner'), ru.stages.join(','));
    const hits = riftJson(['search', 'ФСБ', '--db', db]);
    assert.equal(hits.total, 1);
  } finally {
    cleanup();
  }
});
