import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rift, riftJson, sharedFile, tempDir } from './support/cli.js';

test('ingest stores text and HTML files from a folder, recursively, and reports a summary', () => {
  const { dir, cleanup } = tempDir();
  try {
    mkdirSync(join(dir, 'in/sub'), { recursive: true });
    writeFileSync(join(dir, 'in/a.txt'), 'Moscow and Beijing signed a trade agreement on Tuesday.');
    writeFileSync(
      join(dir, 'in/sub/b.html'),
      '<html lang="en"><head><title>Drills in the Pacific</title><meta property="article:published_time" content="2024-07-25"></head>' +
        '<body><script>var x = 1;</script><p>Russian and Chinese ships held joint drills.</p></body></html>',
    );
    const db = join(dir, 'r.db');
    const summary = riftJson(['ingest', join(dir, 'in'), '--db', db]);
    assert.equal(summary.ingested, 2);
    assert.equal(summary.duplicates, 0);
    assert.equal(summary.rejected, 0);
    const rows = new Database(db, { readonly: true })
      .prepare('SELECT title, published_at, format, text FROM documents ORDER BY format')
      .all() as { title: string | null; published_at: string | null; format: string; text: string }[];
    assert.equal(rows.length, 2);
    assert.equal(rows[0].format, 'html');
    assert.equal(rows[0].title, 'Drills in the Pacific');
    assert.equal(rows[0].published_at, '2024-07-25');
    assert.equal(rows[0].text, 'Russian and Chinese ships held joint drills.');
    assert.equal(rows[1].text, 'Moscow and Beijing signed a trade agreement on Tuesday.');

    const human = rift(['ingest', join(dir, 'in'), '--db', db]);
    assert.equal(human.status, 0);
    assert.match(human.stdout, /0 ingested, 2 duplicates, 0 rejected/);
    assert.match(human.stdout, /nothing new/);
  } finally {
    cleanup();
  }
});

test('the same text from a second source is stored once, with both sources recorded', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'one.txt'), 'The FSB memo calls China the enemy.\n');
    writeFileSync(join(dir, 'two.txt'), '  The FSB memo   calls China the enemy.');
    const db = join(dir, 'r.db');
    const summary = riftJson(['ingest', join(dir, 'one.txt'), join(dir, 'two.txt'), '--db', db]);
    assert.deepEqual([summary.ingested, summary.duplicates], [1, 1]);
    const sqlite = new Database(db, { readonly: true });
    assert.equal(sqlite.prepare('SELECT count(*) FROM documents').pluck().get(), 1);
    assert.equal(sqlite.prepare('SELECT count(*) FROM document_sources').pluck().get(), 2);
  } finally {
    cleanup();
  }
});

test('bad files are rejected with a reason, recorded, and the rest of the batch goes on', () => {
  const { dir, cleanup } = tempDir();
  try {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '   \n\t\n');
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0x00, 0x01]));
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(5000));
    writeFileSync(join(dir, 'good.txt'), 'Putin met Xi in Beijing.');
    writeFileSync(join(dir, 'secret.txt'), 'unreadable');
    chmodSync(join(dir, 'secret.txt'), 0o000);
    writeFileSync(join(dir, 'mixed.jsonl'), '{"text":"A good record from Kyiv.","outlet":"example.org"}\nnot json\n{"title":"no text"}\n[1,2]\n');
    const db = join(dir, 'r.db');
    const res = rift(['ingest', dir, join(dir, 'missing.txt'), '--db', db, '--max-bytes', '4000', '--json']);
    assert.equal(res.status, 0, res.stderr);
    const summary = JSON.parse(res.stdout);
    const isRoot = process.getuid?.() === 0; // root reads any file
    assert.equal(summary.ingested, isRoot ? 3 : 2);
    const reasons = Object.fromEntries(summary.rejections.map((r: { ref: string; reason: string }) => [r.ref.split('/').pop(), r.reason]));
    assert.match(reasons['empty.txt'], /empty/);
    assert.match(reasons['blank.txt'], /empty/);
    assert.match(reasons['image.txt'], /binary/);
    assert.match(reasons['big.txt'], /too large/);
    assert.match(reasons['missing.txt'], /no such file/);
    assert.match(reasons['mixed.jsonl#L2'], /invalid JSON/);
    assert.match(reasons['mixed.jsonl#L3'], /no text/);
    assert.match(reasons['mixed.jsonl#L4'], /JSON object/);
    if (!isRoot) assert.match(reasons['secret.txt'], /unreadable/); // root reads anything
    const sqlite = new Database(db, { readonly: true });
    assert.equal(sqlite.prepare('SELECT count(*) FROM rejections').pluck().get(), summary.rejected);
  } finally {
    cleanup();
  }
});

test('many rejections are summed up per reason, with examples; --json lists every one', () => {
  const { dir, cleanup } = tempDir();
  try {
    const lines = ['{"text":"Envoys met in Astana on Saturday."}'];
    for (let i = 0; i < 30; i++) lines.push(`{"title":"headline ${i} without a body"}`);
    lines.push('not json');
    writeFileSync(join(dir, 'wire.jsonl'), lines.join('\n') + '\n');
    const res = rift(['ingest', join(dir, 'wire.jsonl'), '--db', join(dir, 'r.db'), '--no-analyze']);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /rejected 30: no text[^\n]*\(\S*wire\.jsonl#L2, \S*wire\.jsonl#L3, \S*wire\.jsonl#L4, …\)/);
    assert.match(res.stdout, /rejected 1: invalid JSON/);
    assert.equal(res.stdout.match(/^ {2}rejected /gm)?.length, 2, 'one line per reason');
    const all = riftJson(['ingest', join(dir, 'wire.jsonl'), '--db', join(dir, 'again.db'), '--no-analyze']);
    assert.equal(all.rejections.length, 31);
  } finally {
    cleanup();
  }
});

test('an ingest with nothing readable exits non-zero and says why', () => {
  const { dir, cleanup } = tempDir();
  try {
    const res = rift(['ingest', join(dir, 'nope'), '--db', join(dir, 'r.db')]);
    assert.equal(res.status, 1);
    assert.match(res.stdout, /rejected .*nope: no such file/);
  } finally {
    cleanup();
  }
});

test('the shared news corpus is stored with its metadata, and a second run adds nothing', { skip: !sharedFile('corpus/news/articles.jsonl') && 'needs ../shared/corpus/news' }, () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = sharedFile('corpus/news/articles.jsonl')!;
    const db = join(dir, 'x.db');
    const first = riftJson(['ingest', file, '--db', db]);
    assert.ok(first.ingested > 150, `ingested ${first.ingested}`);
    assert.equal(first.ingested + first.duplicates + first.rejected, 196);
    for (const r of first.rejections) assert.ok(r.reason.length > 3);
    const second = riftJson(['ingest', file, '--db', db]);
    assert.equal(second.ingested, 0);
    assert.equal(second.duplicates, first.ingested + first.duplicates);
    const row = new Database(db, { readonly: true })
      .prepare("SELECT url, outlet, language, published_at FROM documents WHERE url LIKE '%news.de%' LIMIT 1")
      .get() as { url: string; outlet: string; language: string; published_at: string | null };
    assert.equal(row.outlet, 'news.de');
    assert.equal(row.language, 'de');
  } finally {
    cleanup();
  }
});
