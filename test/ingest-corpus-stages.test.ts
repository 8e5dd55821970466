import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/ingest/index.js';
import { reanalyze } from '../src/app/reanalyze.js';
import { openStore, type Store } from '../src/store/index.js';
import type { CorpusBatch, CorpusStage } from '../src/pipeline/stage.js';

/** A corpus stage that records what it was given, and checks that each document's analysis is stored by then. */
function recordingStage(): CorpusStage & { batches: string[][]; unstored: string[] } {
  const batches: string[][] = [];
  const unstored: string[] = [];
  return {
    kind: 'corpus', name: 'recording', revision: 1, files: [], requires: ['events'], adds: [], version: 'test',
    batches,
    unstored,
    async update(batch: CorpusBatch, store: Store) {
      batches.push([...batch.documentIds]);
      for (const id of batch.documentIds) if (!(await store.analyses.get(id))) unstored.push(id);
    },
  };
}

function reports(dir: string, count: number, from = 0): string {
  const lines: string[] = [];
  for (let i = from; i < from + count; i++) lines.push(JSON.stringify({ text: `Moscow accused Beijing of spying, officials said. Report ${i}.`, date: '2025-06-02', outlet: 'Wire' }));
  const file = join(dir, `reports-${from}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('corpus stages get the ids of each stored batch of analysed documents, after their analyses are written; duplicates and unanalysed documents are not passed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-corpus-stages-'));
  const store = await openStore(':memory:');
  try {
    const stage = recordingStage();
    const first = await ingest([reports(dir, 5)], { store, pipeline: 'default', workers: 0, batchSize: 2, corpus: [stage] });
    assert.equal(first.ingested, 5);
    assert.deepEqual(stage.batches.map((b) => b.length), [2, 2, 1], 'one call per stored batch');
    assert.deepEqual(stage.unstored, []);
    const ids = stage.batches.flat();
    assert.equal(new Set(ids).size, 5);

    stage.batches.length = 0;
    const again = await ingest([reports(dir, 5)], { store, pipeline: 'default', workers: 0, corpus: [stage] });
    assert.equal(again.duplicates, 5);
    assert.deepEqual(stage.batches, [], 'nothing new, nothing to fold in');

    const bare = await ingest([reports(dir, 2, 100)], { store, workers: 0, corpus: [stage] });
    assert.equal(bare.ingested, 2);
    assert.deepEqual(stage.batches, [], 'documents stored without analysis are not passed');

    const re = await reanalyze({ store, workers: 0, corpus: [stage] });
    assert.equal(re.reanalyzed, 2, 'the two unanalysed documents');
    assert.deepEqual(stage.batches.flat().length, 2, 'reanalyzed documents are passed too');
    assert.deepEqual(stage.unstored, []);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
