import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { riftJson, startRift, tempDir } from './support/cli.js';

const TOTAL = 6000;

function countDocuments(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const sqlite = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return sqlite.prepare('SELECT count(*) FROM documents').pluck().get() as number;
    } finally {
      sqlite.close();
    }
  } catch {
    return 0; // not migrated yet
  }
}

test('an ingest killed half-way loses nothing and stores nothing twice when run again', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const lines: string[] = [];
    for (let i = 0; i < TOTAL; i++) {
      lines.push(JSON.stringify({ text: `Report ${i}: officials in Moscow and Beijing discussed trade item ${i}.`, outlet: 'example.org' }));
    }
    const file = join(dir, 'many.jsonl');
    writeFileSync(file, lines.join('\n'));
    const db = join(dir, 'r.db');

    const child = startRift(['ingest', file, '--db', db, '--batch-size', '20']);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill as soon as the first batches are committed (the pipeline may take a while to load on a busy machine).
    const deadline = Date.now() + 120_000;
    while (countDocuments(db) === 0 && Date.now() < deadline) await sleep(5);
    child.kill('SIGKILL');
    await exited;
    const afterKill = countDocuments(db);
    assert.ok(afterKill > 0, 'some batches were committed before the kill');
    assert.ok(afterKill < TOTAL, `the kill came before the end (${afterKill} of ${TOTAL} stored)`);
    assert.equal(afterKill % 20, 0, 'only whole batches are committed');

    const second = riftJson(['ingest', file, '--db', db]);
    assert.equal(second.ingested, TOTAL - afterKill);
    assert.equal(second.duplicates, afterKill);
    const sqlite = new Database(db, { readonly: true });
    assert.equal(sqlite.prepare('SELECT count(*) FROM documents').pluck().get(), TOTAL);
    assert.equal(sqlite.prepare('SELECT count(DISTINCT id) FROM documents').pluck().get(), TOTAL);
    assert.equal(sqlite.prepare('SELECT count(*) FROM document_sources').pluck().get(), TOTAL);
    assert.equal(sqlite.prepare('SELECT count(*) FROM documents_fts').pluck().get(), TOTAL);
    assert.equal(sqlite.prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Beijing'").pluck().get(), TOTAL);
  } finally {
    cleanup();
  }
});
