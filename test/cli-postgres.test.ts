import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rift, riftJson, sharedFile, tempDir } from './support/cli.js';
import { postgresUnavailable, startPostgres, type TestPostgres } from './support/postgres.js';

// The same commands over a PostgreSQL URL give what they give over a SQLite file.

const corpus = sharedFile('corpus/news/articles.jsonl');
const unavailable = postgresUnavailable() ?? (corpus ? undefined : 'shared corpus not found (set RIFT_SHARED)');
const skip = unavailable && `skipped: ${unavailable}`;
const tmp = tempDir();
const sqlite = join(tmp.dir, 'corpus.db');
let pg: TestPostgres | undefined;
let url = '';

before(async () => {
  if (skip) return;
  pg = await startPostgres();
  url = pg.newDatabase();
  for (const db of [sqlite, url]) {
    const res = rift(['ingest', corpus!, '--db', db, '--json']);
    assert.equal(res.status, 0, res.stderr);
    assert.equal(JSON.parse(res.stdout).ingested, 195);
  }
});
after(() => {
  pg?.stop();
  tmp.cleanup();
});

test('search finds the same documents in PostgreSQL as in SQLite', { skip }, () => {
  const ids = (q: string, db: string) => riftJson(['search', q, '--db', db, '--limit', '500']).results.map((r: { id: string }) => r.id).sort();
  for (const q of ['Entente-4', 'FSB', '"no limits"', 'enemy OR Feind', 'pekin', 'Китай', 'ФСБ', '联邦安全局', '中国', 'U.S.', 'scientists Arctic', '$240']) {
    const fromPostgres = ids(q, url);
    assert.deepEqual(fromPostgres, ids(q, sqlite), `search ${q}`);
    if (q !== 'pekin') assert.ok(fromPostgres.length > 0, `search ${q} finds something`);
  }
  const res = rift(['search', 'FSB', '--db', url]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /\*\*FSB\*\*/);
});

test('a document, its brief and actor mentions read the same from both stores; RIFT_DB takes a URL', { skip }, () => {
  const [hit] = riftJson(['search', 'Entente-4', '--db', sqlite]).results;
  const short = hit.id.slice(0, 10);
  const fromSqlite = riftJson(['show', 'doc', short, '--db', sqlite]);
  const fromPostgres = riftJson(['show', 'doc', short], { env: { RIFT_DB: url } });
  assert.equal(fromPostgres.id, fromSqlite.id);
  assert.equal(fromPostgres.text, fromSqlite.text);
  assert.deepEqual(fromPostgres.date, fromSqlite.date);
  assert.equal(rift(['brief', short, '--db', url]).stdout, rift(['brief', short, '--db', sqlite]).stdout);
  const mentions = (db: string) => riftJson(['actors', 'FSB', '--db', db]).actors[0].mentions.length;
  assert.equal(mentions(url), mentions(sqlite));
  assert.ok(mentions(url) > 0);
});

test('a PostgreSQL server that cannot be reached is one clear line, not a stack trace', () => {
  const res = rift(['search', 'FSB', '--db', 'postgres://nobody@127.0.0.1:1/none']);
  assert.equal(res.status, 1);
  assert.match(res.stderr, /^rift: cannot reach PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/none/);
  assert.doesNotMatch(res.stderr, /\n\s+at /);
});
