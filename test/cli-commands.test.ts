import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rift, riftJson, sharedFile, startRift, tempDir, ROOT } from './support/cli.js';

const tmp = tempDir();
const getJson = async (url: string): Promise<any> => (await fetch(url)).json();
const db = join(tmp.dir, 'demo.db');
let someId = '';

before(() => {
  const res = rift(['demo', '--no-serve', '--db', db]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /13 new/);
  const hits = riftJson(['search', 'treason', '--db', db]);
  someId = hits.results[0].id;
});
after(() => tmp.cleanup());

test('every subcommand has --help', () => {
  for (const args of [[], ['ingest'], ['analyze'], ['search'], ['show'], ['show', 'doc'], ['brief'], ['serve'], ['demo'], ['actors'], ['watch'], ['eval'], ['bench']]) {
    const res = rift([...args, '--help']);
    assert.equal(res.status, 0, `rift ${args.join(' ')} --help: ${res.stderr}`);
    assert.match(res.stdout, /Usage: rift/);
  }
});

test('an unknown command fails with a usage message', () => {
  const res = rift(['frobnicate']);
  assert.notEqual(res.status, 0);
  assert.match(res.stderr, /unknown command/);
});

test('demo loads once: a second run stores nothing new', () => {
  const res = rift(['demo', '--no-serve', '--db', db]);
  assert.equal(res.status, 0);
  assert.match(res.stdout, /0 new, 13 already stored/);
});

test('search finds documents with highlighted snippets, as text and JSON', () => {
  const json = riftJson(['search', 'Entente-4', '--db', db]);
  assert.equal(json.total, 1);
  assert.match(json.results[0].title, /Entente-4/);
  assert.match(json.results[0].snippet, /\*\*Entente-4\*\*/);
  const text = rift(['search', 'no', 'limits', '--db', db]);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /partnership with 'no limits'/);
  assert.match(text.stdout, /\*\*limits\*\*/);
  const phrase = riftJson(['search', '"joint patrol"', '--db', db]);
  assert.equal(phrase.total, 1);
  const none = rift(['search', 'zeppelin', '--db', db]);
  assert.match(none.stdout, /No documents match/);
});

test('show doc prints a stored document by id or prefix, and JSON with its sources', () => {
  const text = rift(['show', 'doc', someId.slice(0, 8), '--db', db]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /Valery Mitko/);
  assert.match(text.stdout, /outlet:\s+Rift Demo Desk/);
  const json = riftJson(['show', 'doc', someId, '--db', db]);
  assert.equal(json.id, someId);
  assert.equal(json.publishedAt, '2020-06-16');
  assert.equal(json.sources.length, 1);
  assert.match(json.sources[0].ref, /reports\.jsonl#L8$/);
  const missing = rift(['show', 'doc', 'ffffffffff', '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no document with id "ffffffffff"/);
});

test('brief renders a stored document as Markdown, and JSON with its analysis', () => {
  const md = rift(['brief', someId, '--db', db]);
  assert.equal(md.status, 0, md.stderr);
  assert.match(md.stdout, /^# Arctic scientist charged with treason/);
  assert.match(md.stdout, /\*\*Published:\*\* 2020-06-16/);
  const json = riftJson(['brief', someId, '--db', db]);
  assert.equal(json.document.id, someId);
  assert.ok(Array.isArray(json.analysis.sentences) && json.analysis.sentences.length >= 3);
});

test('analyze runs one document through the pipeline without storing it', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'note.txt');
    writeFileSync(file, 'Chinese operatives allegedly recruited Russian scientists. The FSB stepped up vetting.');
    const json = riftJson(['analyze', file, '--date', '2025-06-09']);
    assert.equal(json.document.text.startsWith('Chinese operatives'), true);
    assert.deepEqual(json.document.date, { day: '2025-06-09', source: 'given' });
    assert.equal(json.document.publishedAt, undefined, 'publishedAt is what the file said: nothing');
    assert.deepEqual(Object.keys(json.versions), json.stages);
    const badDate = rift(['analyze', file, '--date', '2025-02-30']);
    assert.equal(badDate.status, 1);
    assert.match(badDate.stderr, /--date: "2025-02-30" is not a date/);
    assert.equal(json.sentences.length, 2);
    assert.equal(json.tokens.count, json.tokens.starts.length);
    for (const key of ['mentions', 'quantities', 'times', 'resolutions', 'actors', 'events', 'claims', 'provenance']) {
      assert.ok(Array.isArray(json[key]), key);
    }
    const stdin = rift(['analyze', '-'], { input: 'Putin met Xi in Moscow.' });
    assert.equal(stdin.status, 0, stdin.stderr);
    assert.match(stdin.stdout, /^# Putin met Xi in Moscow\./);
    const bad = rift(['analyze', join(dir, 'missing.txt')]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /cannot read .*missing\.txt: ENOENT/);
    assert.equal(rift(['analyze', '-'], { input: '' }).status, 1);
  } finally {
    cleanup();
  }
});

test('analyze runs the seed article through the whole pipeline', { skip: !sharedFile('corpus/seed-leaked-fsb-memo-article.txt') && 'needs ../shared' }, () => {
  const json = riftJson(['analyze', sharedFile('corpus/seed-leaked-fsb-memo-article.txt')!]);
  assert.match(json.document.text, /^\s*China is now described as an adversary/);
  assert.ok(json.sentences.length >= 20);
  for (const s of json.sentences) assert.ok(s.end > s.start && s.end <= json.document.text.length);
});

test('serve answers the API and the dashboard on localhost', async () => {
  const child = startRift(['serve', '--db', db, '--port', '0']);
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /at (http:\/\/[^/\s]+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    const health = await getJson(`${address}/api/health`);
    assert.deepEqual(health, { ok: true });
    const stats = await getJson(`${address}/api/stats`);
    assert.equal(stats.documents, 13);
    const search = await getJson(`${address}/api/documents?q=FSB`);
    assert.ok(search.results.length >= 2);
    assert.match(search.results[0].snippet, /<mark>FSB<\/mark>/);
    const doc = await getJson(`${address}/api/documents/${someId}`);
    assert.equal(doc.id, someId);
    const brief = await fetch(`${address}/api/documents/${someId}/brief`);
    assert.match(await brief.text(), /^# Arctic scientist/);
    assert.equal((await fetch(`${address}/api/documents/nope`)).status, 404);
    const analyzed = await fetch(`${address}/api/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Xi visited Moscow.' }),
    });
    assert.equal(analyzed.status, 200);
    assert.equal(((await analyzed.json()) as any).document.text, 'Xi visited Moscow.');
    const badBody = await fetch(`${address}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(badBody.status, 400);
    const page = await (await fetch(`${address}/`)).text();
    assert.match(page, /<title>Rift<\/title>/);
    const openapi = await getJson(`${address}/api/openapi.json`);
    assert.equal(openapi.openapi, '3.1.0');
  } finally {
    child.kill('SIGTERM');
  }
});

test('serve refuses an invalid port', () => {
  const res = rift(['serve', '--db', db, '--port', 'abc']);
  assert.equal(res.status, 1);
  assert.match(res.stderr, /invalid port/);
});

test('RIFT_DB selects the database when --db is absent', () => {
  const hits = riftJson(['search', 'treason'], { env: { RIFT_DB: db }, cwd: ROOT });
  assert.equal(hits.total, 1);
});

test('a reader that closes the pipe early (rift … | head) ends rift quietly', async () => {
  const file = join(tmp.dir, 'long.txt');
  writeFileSync(file, 'Moscow and Beijing held talks on trade. '.repeat(5000));
  const child = startRift(['analyze', file, '--json']); // megabytes of JSON: many writes
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.once('data', () => child.stdout!.destroy());
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  assert.equal(code, 0);
  assert.doesNotMatch(stderr, /EPIPE/);
});
