import type { Command } from 'commander';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, readRequest } from '../../ingest/index.js';
import { loadPipeline } from '../../app/pipeline.js';
import { openStore } from '../../store/index.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';
import { round } from './bench-texts.js';

/** An article inside `depth` nested <div>. */
export function nestedPage(depth: number): string {
  const article =
    '<p>Russian and Chinese ships held joint drills in the Pacific on Tuesday, the defence ministry in Moscow said.</p>' +
    '<p>Beijing denied the report on Wednesday and accused Washington of spreading rumours about the exercise.</p>';
  return `<!doctype html><html lang="en"><head><title>Nested ${depth} deep</title></head><body>${'<div>'.repeat(depth)}${article}${'</div>'.repeat(depth)}</body></html>`;
}

/**
 * Time to ingest one HTML page nested `--depth` elements deep: read, analysed and stored, with the
 * pipeline loaded beforehand (`seconds`, the bar); the reader alone (`readSeconds`); and the whole of
 * it in a fresh worker thread as `rift ingest` runs it, model loading included (`coldWorkerSeconds`).
 */
export function registerBenchNestedHtml(parent: Command): void {
  parent
    .command('nested-html')
    .description('time to ingest an HTML page of deeply nested <div> (Readability over such a tree used to take minutes)')
    .option('--depth <n>', 'nesting depth', '10000')
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      const depth = Number(opts.depth);
      if (!Number.isInteger(depth) || depth < 1 || depth > 1_000_000) throw new CliError('--depth must be a whole number from 1 to 1,000,000');
      const dir = await mkdtemp(join(tmpdir(), 'rift-bench-nested-'));
      try {
        const html = nestedPage(depth);
        const file = join(dir, 'nested.html');
        await writeFile(file, html);
        let started = performance.now();
        const read = await readRequest({ ref: file, name: 'nested.html', bytes: Buffer.from(html) });
        const readSeconds = round((performance.now() - started) / 1000);
        const pipeline = await loadPipeline();
        const store = await openStore(join(dir, 'warm.db'), { create: true });
        let summary;
        try {
          started = performance.now();
          summary = await ingest([file], { store, pipeline, workers: 0 });
        } finally {
          await store.close();
        }
        const seconds = round((performance.now() - started) / 1000);
        const coldStore = await openStore(join(dir, 'cold.db'), { create: true });
        let coldWorkerSeconds;
        try {
          started = performance.now();
          await ingest([file], { store: coldStore, pipeline: 'default', workers: 1 });
          coldWorkerSeconds = round((performance.now() - started) / 1000);
        } finally {
          await coldStore.close();
        }
        const result = {
          depth,
          bytes: Buffer.byteLength(html),
          seconds,
          readSeconds,
          coldWorkerSeconds,
          ingested: summary.ingested,
          reader: read.items[0]?.draft.extra?.reader ?? null,
          textChars: read.items[0]?.draft.text.length ?? 0,
        };
        if (opts.json) {
          printJson(result);
          return;
        }
        print(`a page nested ${depth} deep: ingested in ${seconds}s (reading ${readSeconds}s), ${coldWorkerSeconds}s in a fresh worker with model loading`);
        print(`  reader: ${result.reader ?? 'Readability'}`);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
}
