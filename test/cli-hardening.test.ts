// Issue 16: the CLI's answers to bad input (numbered as in the issue).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rift, riftJson, startRift, tempDir } from './support/cli.js';

const tmp = tempDir();
const db = join(tmp.dir, 'r.db');

before(() => {
  const rows = [
    ...Array.from({ length: 32 }, (_, i) => ({ text: `Report ${i}: the oil pipeline carried ${1000 + i} barrels. Not all of it arrived.`, title: `Pipeline ${i}` })),
    { text: 'Talks in Beijing and Moscow ended without a statement.\nA second line.' },
  ];
  writeFileSync(join(tmp.dir, 'rows.jsonl'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const res = rift(['ingest', join(tmp.dir, 'rows.jsonl'), '--no-analyze', '--db', db]);
  assert.equal(res.status, 0, res.stderr);
});
after(() => tmp.cleanup());

const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at /, `a stack trace: ${stderr}`);

test('#1 rift search NOT, OR, AND searches the words; a query with nothing to search for is one line of error', () => {
  for (const q of [['NOT'], ['OR'], ['AND'], ['oil', 'OR'], ['NOT', 'NOT']]) {
    const res = rift(['search', ...q, '--db', db]);
    assert.equal(res.status, 0, `rift search ${q.join(' ')}: ${res.stderr}`);
    noStack(res.stderr);
  }
  assert.match(rift(['search', 'NOT', '--db', db]).stdout, /^32 documents match “NOT”/);
  for (const q of ['---', '""', '(  )']) {
    const res = rift(['search', '--db', db, '--', q]);
    assert.equal(res.status, 1, q);
    assert.match(res.stderr, /^rift: cannot search: .*no words to search for/);
    noStack(res.stderr);
  }
});

test('#7 commands that read a store refuse one that does not exist, and do not create it', () => {
  const typo = join(tmp.dir, 'typo.db');
  for (const args of [['search', 'FSB'], ['show', 'doc', 'abc123'], ['brief', 'abc123'], ['reanalyze']]) {
    const res = rift([...args, '--db', typo]);
    assert.equal(res.status, 1, args.join(' '));
    assert.match(res.stderr, /no store at .*typo\.db/);
    noStack(res.stderr);
    assert.equal(existsSync(typo), false, `rift ${args[0]} created ${typo}`);
  }
  const wrongFolder = rift(['search', 'FSB'], { cwd: tmp.dir, env: { RIFT_DB: '' } });
  assert.equal(wrongFolder.status, 1);
  assert.match(wrongFolder.stderr, /no store at .*rift\.db/);
  assert.equal(existsSync(join(tmp.dir, 'rift.db')), false);
  const notAStore = join(tmp.dir, 'rows.jsonl');
  const res = rift(['search', 'FSB', '--db', notAStore]);
  assert.equal(res.status, 1);
  assert.match(res.stderr, /rows\.jsonl/);
  noStack(res.stderr);
});

test('#8 rift search reports how many documents match, not how many it shows', () => {
  const text = rift(['search', 'pipeline', '--db', db]);
  assert.match(text.stdout, /^32 documents match “pipeline” \(showing 1–20; --offset for more\)/);
  const json = riftJson(['search', 'pipeline', '--db', db]);
  assert.equal(json.total, 32);
  assert.equal(json.results.length, 20);
  const next = riftJson(['search', 'pipeline', '--db', db, '--offset', '20']);
  assert.equal(next.results.length, 12);
  assert.deepEqual(new Set([...json.results, ...next.results].map((r: any) => r.id)).size, 32);
});

test('#10 an untitled document is listed under its first line, as its brief is headed', () => {
  const res = rift(['search', 'Beijing', '--db', db]);
  assert.match(res.stdout, /\s{2}Talks in Beijing and Moscow ended without a statement\.\n/);
  assert.doesNotMatch(res.stdout, /\(untitled\)/);
});

test('#11 --host 0.0.0.0 warns that it listens on every interface and prints an address that works', async () => {
  const child = startRift(['serve', '--db', db, '--host', '0.0.0.0', '--port', '0']);
  try {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const address = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d) => {
        out += d;
        const m = /at (http:\/\/[^/\s]+)\//.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    assert.match(address, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.doesNotMatch(address, /:0$/);
    assert.equal((await fetch(`${address}/api/health`)).status, 200);
    await new Promise((r) => setTimeout(r, 100));
    assert.match(err, /warning: listening on every network interface/);
  } finally {
    child.kill('SIGTERM');
  }
});

test('serve on localhost says nothing about interfaces', async () => {
  const child = startRift(['serve', '--db', db, '--port', '0']);
  try {
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (/Ctrl-C/.test(out)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
    });
    assert.equal(err, '');
  } finally {
    child.kill('SIGTERM');
  }
});
