import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, truncateSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/ingest/index.js';
import { openStore, type Store } from '../src/store/index.js';
import { FIXTURES } from './ingest-helpers.js';
import { WorkerPool } from '../src/ingest/workers/pool.js';

const BIN = resolve(fileURLToPath(import.meta.url), '../../../bin/rift.js');
const NOW = () => '2025-07-01T00:00:00.000Z';

/** A folder with every fixture and a JSON Lines file of made-up reports. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rift-ingest-workers-'));
  for (const name of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, name), join(dir, name));
  const capitals = ['Moscow', 'Beijing', 'Washington', 'Kyiv', 'Ankara', 'Tehran', 'Berlin', 'Tokyo'];
  const verbs = ['accused', 'praised', 'threatened', 'met with', 'criticised', 'signed an agreement with'];
  const lines: string[] = [];
  for (let i = 0; i < 48; i++) {
    const a = capitals[i % capitals.length];
    const b = capitals[(i * 3 + 1) % capitals.length];
    const text = `${a} ${verbs[i % verbs.length]} ${b} on Tuesday, officials said. ` +
      `The foreign ministry in ${a} said talks with ${b} would resume in ${2024 + (i % 3)}. Report number ${i}.`;
    lines.push(JSON.stringify({ title: `Report ${i}`, text, date: `2025-06-${String((i % 28) + 1).padStart(2, '0')}`, outlet: 'Wire' }));
  }
  lines.push(lines[3]); // the same record twice: one document, two sources
  writeFileSync(join(dir, 'reports.jsonl'), lines.join('\n') + '\n');
  return dir;
}

interface Snapshot {
  summary: unknown;
  documents: string[];
  analyses: Map<string, string>;
}

async function snapshot(store: Store, summary: { ingested: number; duplicates: number; rejected: number; rejections: unknown[]; unanalyzed: unknown[]; partial: unknown[] }): Promise<Snapshot> {
  const listed = await store.documents.list({ limit: 1000 });
  const analyses = new Map<string, string>();
  const documents: string[] = [];
  for (const { id } of listed) {
    const doc = (await store.documents.get(id))!;
    documents.push(JSON.stringify(doc));
    analyses.set(id, JSON.stringify((await store.analyses.get(id)) ?? null));
  }
  const { ingested, duplicates, rejected, rejections, unanalyzed, partial } = summary;
  return { summary: { ingested, duplicates, rejected, rejections, unanalyzed, partial }, documents, analyses };
}

test('two worker threads store exactly what one thread stores: ids, documents, sources, analyses, rejections', async () => {
  const dir = corpus();
  try {
    const runs: Snapshot[] = [];
    for (const workers of [0, 2]) {
      const store = await openStore(':memory:');
      const summary = await ingest([dir], { store, pipeline: 'default', workers, now: NOW });
      runs.push(await snapshot(store, summary));
      await store.close();
    }
    const [single, parallel] = runs;
    assert.ok(single.documents.length >= 55, `expected the corpus to be stored, got ${single.documents.length}`);
    assert.deepEqual(parallel.summary, single.summary);
    assert.deepEqual(parallel.documents, single.documents);
    assert.deepEqual([...parallel.analyses.keys()], [...single.analyses.keys()]);
    for (const [id, analysis] of single.analyses) assert.equal(parallel.analyses.get(id), analysis, `analysis of ${id} differs`);
    const analyzed = [...single.analyses.values()].filter((a) => a !== 'null').length;
    assert.ok(analyzed >= 50, `expected the English documents to be analyzed, got ${analyzed}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that overruns the time budget is rejected as timed out; its worker is replaced and the rest goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-ingest-budget-'));
  try {
    // ~3 MB of nested markup: linkedom and Readability need far longer than the 5 ms budget.
    writeFileSync(join(dir, 'a-heavy.html'), `<html><body>${'<div><p>Envoys met in Astana on Saturday. <span>x</span></p></div>'.repeat(45_000)}</body></html>`);
    writeFileSync(join(dir, 'b-note.txt'), 'Envoys met in Astana on Saturday.');
    const store = await openStore(':memory:');
    try {
      const summary = await ingest([dir], { store, workers: 1, limits: { timeoutMs: 5 } });
      const heavy = summary.rejections.find((r) => r.ref.endsWith('a-heavy.html'));
      assert.equal(heavy?.reason, 'timed out after 0.005s');
      assert.equal(summary.ingested + summary.rejected, 2, 'the note is either stored or itself timed out, never lost');
    } finally {
      await store.close();
    }
    const store2 = await openStore(':memory:');
    try {
      const summary = await ingest([dir], { store: store2, workers: 1, limits: { timeoutMs: 60_000 } });
      // The heavy page's text (1.6 M characters) is stored in parts (src/ingest/parts.ts).
      assert.deepEqual(summary.rejections, [], 'with a real budget both files are read');
      const refs = (await store2.documents.list({ limit: 100 })).map((d) => d.id);
      const files = new Set((await Promise.all(refs.map((id) => store2.documents.get(id)))).map((d) => d!.source.ref.replace(/#part\d+$/, '').split('/').pop()));
      assert.deepEqual([...files].sort(), ['a-heavy.html', 'b-note.txt']);
    } finally {
      await store2.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('jobs a worker holds behind one that overruns the budget are not lost: they go to the fresh worker', { timeout: 60_000 }, async () => {
  const pool = new WorkerPool({ size: 1, analyze: false, timeoutMs: 50 });
  try {
    const html = (body: string) => new TextEncoder().encode(`<html><body>${body}</body></html>`);
    const heavy = html('<div><p>Envoys met in Astana on Saturday. <span>x</span></p></div>'.repeat(45_000));
    const note = html('<article><h1>Talks</h1><p>Envoys met in Astana on Saturday to discuss a ceasefire along the line of contact.</p></article>');
    // All three are posted at once: the worker holds the notes while it chokes on the heavy page.
    const outcomes = await Promise.all([
      pool.read({ ref: 'heavy.html', name: 'heavy.html', bytes: heavy }),
      pool.read({ ref: 'note-1.html', name: 'note-1.html', bytes: note }),
      pool.read({ ref: 'note-2.html', name: 'note-2.html', bytes: note }),
    ]);
    assert.deepEqual(outcomes[0].rejections, [{ ref: 'heavy.html', reason: 'timed out after 0.05s' }]);
    for (const [i, outcome] of outcomes.slice(1).entries()) {
      // Each note is answered once: read, or (on a very slow machine) timed out on its own, never dropped.
      const answered = outcome.items.length + outcome.rejections.length;
      assert.equal(answered, 1, `note ${i + 1} answered once`);
      if (outcome.rejections.length) assert.match(outcome.rejections[0].reason, /^timed out/);
      else assert.match(outcome.items[0].draft.text, /ceasefire/);
    }
  } finally {
    await pool.close();
  }
});

test('a 100 MB file is rejected by its size before a byte is read; the store keeps only whole documents', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-ingest-big-'));
  try {
    const big = join(dir, 'huge.txt');
    writeFileSync(big, '');
    truncateSync(big, 100 * 1024 * 1024); // sparse: no disk space used
    writeFileSync(join(dir, 'small.txt'), 'Envoys met in Astana on Saturday.');
    const store = await openStore(':memory:');
    try {
      const summary = await ingest([dir], { store, workers: 1 });
      assert.deepEqual(summary.rejections, [{ ref: join(dir, 'huge.txt'), reason: `too large: ${100 * 1024 * 1024} bytes, the limit is ${50 * 1024 * 1024} (--max-bytes)` }]);
      assert.equal(summary.ingested, 1);
      assert.deepEqual(await store.stats(), { documents: 1, sources: 1, rejections: 1, mentions: 0, events: 0 });
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a Pipeline object cannot go to worker threads: the error says what to pass instead', async () => {
  const store = await openStore(':memory:');
  try {
    const fake = { analyze: () => { throw new Error('unused'); } } as never;
    await assert.rejects(ingest([FIXTURES], { store, pipeline: fake, workers: 2 }), /pass pipeline: 'default'/);
  } finally {
    await store.close();
  }
});

test('a batch that fails to write leaves nothing of itself in the store; earlier batches stay whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-ingest-atomic-'));
  try {
    const lines = Array.from({ length: 12 }, (_, i) => JSON.stringify({ text: `Envoys met in Astana on day ${i} of the talks.` }));
    writeFileSync(join(dir, 'reports.jsonl'), lines.join('\n'));
    const real = await openStore(':memory:');
    let calls = 0;
    // The second batch carries a document the database refuses (NOT NULL text) as its last row.
    const documents: Store['documents'] = Object.assign(Object.create(real.documents) as Store['documents'], {
      put: (batch: Parameters<Store['documents']['put']>[0]) => {
        if (++calls === 2) batch[batch.length - 1].document.text = null as unknown as string;
        return real.documents.put(batch);
      },
    });
    const store: Store = Object.assign(Object.create(real) as Store, { documents });
    try {
      await assert.rejects(ingest([dir], { store, batchSize: 5 }), /NOT NULL/);
      const stored = await real.documents.list({ limit: 100 });
      assert.equal(stored.length, 5, 'only the first batch, all of it');
      assert.equal((await real.stats()).sources, 5);
    } finally {
      await real.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rift ingest --workers N: the CLI passes its workers on and reports them; a bad value is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-ingest-cli-'));
  const rift = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, 'ingest', FIXTURES, '--db', join(dir, 'cli.db'), '--no-analyze', ...args], (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
  try {
    const run = await rift('--workers', '2', '--json');
    assert.equal(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout);
    assert.equal(summary.workers, 2);
    assert.equal(summary.ingested, 13);
    assert.deepEqual(summary.rejections.map((r: { reason: string }) => r.reason).sort(), ['binary content (NUL bytes), not a text document', 'empty RSS feed: no items', 'empty: 0 bytes']);
    assert.deepEqual(summary.partial, [], 'nothing is analysed with --no-analyze');
    const bad = await rift('--workers', '0');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--workers must be a positive integer or 'auto'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
