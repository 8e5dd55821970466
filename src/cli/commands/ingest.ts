import type { Command } from 'commander';
import { ingest, DEFAULT_LIMITS } from '../../ingest/index.js';
import { loadPipeline } from '../../pipeline/index.js';
import { addDbOption, openCliStore } from '../db.js';
import { ProgressBar } from '../progress.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function registerIngest(program: Command): void {
  addDbOption(
    program
      .command('ingest <inputs...>')
      .description('read files, folders (recursively), JSON Lines files and URLs into the store')
      .option('--json', 'print the summary as JSON')
      .option('--batch-size <n>', 'documents per transaction', '200')
      .option('--max-bytes <n>', 'reject files larger than this', String(DEFAULT_LIMITS.maxBytes))
      .option('--no-analyze', 'store the text only, without running the pipeline'),
  ).action(async (inputs: string[], opts) => {
    const batchSize = Number(opts.batchSize);
    const maxBytes = Number(opts.maxBytes);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new CliError('--batch-size must be a positive integer');
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new CliError('--max-bytes must be a positive integer');
    const store = await openCliStore(opts);
    const bar = new ProgressBar('ingest');
    try {
      const summary = await ingest(inputs, {
        store,
        pipeline: opts.analyze ? await loadPipeline() : undefined,
        batchSize,
        limits: { ...DEFAULT_LIMITS, maxBytes },
        onProgress: (p) =>
          bar.update(p.bytesDone, p.bytesTotal, `${mb(p.bytesDone)}/${mb(p.bytesTotal)} MB · ${p.ingested} new · ${p.duplicates} dup · ${p.rejected} rejected`),
      });
      bar.done();
      if (opts.json) {
        printJson({ db: store.location, ...summary });
      } else {
        print(
          `${summary.ingested} ingested, ${summary.duplicates} duplicates, ${summary.rejected} rejected ` +
            `into ${store.location} in ${summary.seconds.toFixed(1)}s` +
            (summary.ingested === 0 && summary.duplicates > 0 ? ' (nothing new)' : ''),
        );
        for (const r of summary.rejections) print(`  rejected ${r.ref}: ${r.reason}`);
        for (const r of summary.unanalyzed) print(`  stored without analysis ${r.ref}: ${r.reason}`);
      }
      const nothingTaken = summary.ingested + summary.duplicates === 0;
      process.exitCode = nothingTaken && summary.rejected > 0 ? 1 : 0;
    } finally {
      bar.done();
      await store.close();
    }
  });
}
