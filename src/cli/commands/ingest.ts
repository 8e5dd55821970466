import type { Command } from 'commander';
import { ingest, DEFAULT_LIMITS } from '../../ingest/index.js';
import { addDbOption, openCliStore } from '../db.js';
import { ProgressBar } from '../progress.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';
import { loadCorpusStages } from '../../app/pipeline.js';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export function registerIngest(program: Command): void {
  addDbOption(
    program
      .command('ingest <inputs...>')
      .description('read files, folders (recursively), JSON Lines files and URLs into the store')
      .option('--json', 'print the summary as JSON')
      .option('--batch-size <n>', 'documents per transaction', '1000')
      .option('--max-bytes <n>', 'reject files larger than this', String(DEFAULT_LIMITS.maxBytes))
      .option('--no-analyze', 'store the text only, without running the pipeline')
      .option('--no-corpus', 'analyse each document, but do not bring the corpus stages (stories, relationships) up to date')
      .option('--workers <n>', "worker threads for reading and analysis: a number, or 'auto' (1 for small inputs, else one per core)", 'auto')
      .option('--timeout <seconds>', 'time budget per file read and per document analysis', String(DEFAULT_LIMITS.timeoutMs / 1000)),
  ).action(async (inputs: string[], opts) => {
    const batchSize = Number(opts.batchSize);
    const maxBytes = Number(opts.maxBytes);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new CliError('--batch-size must be a positive integer');
    if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new CliError('--max-bytes must be a positive integer');
    const workers = opts.workers === 'auto' ? 'auto' : Number(opts.workers);
    if (workers !== 'auto' && (!Number.isInteger(workers) || workers < 1)) throw new CliError("--workers must be a positive integer or 'auto'");
    const timeoutSeconds = Number(opts.timeout);
    if (!(timeoutSeconds > 0)) throw new CliError('--timeout must be a positive number of seconds');
    const store = await openCliStore(opts, { create: true });
    const bar = new ProgressBar('ingest');
    try {
      const summary = await ingest(inputs, {
        store,
        pipeline: opts.analyze ? 'default' : undefined,
        corpus: opts.analyze && opts.corpus ? await loadCorpusStages() : undefined,
        workers,
        batchSize,
        limits: { ...DEFAULT_LIMITS, maxBytes, timeoutMs: Math.round(timeoutSeconds * 1000) },
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
        printRejections(summary.rejections);
        for (const r of summary.unanalyzed) print(`  stored without analysis ${r.ref}: ${r.reason}`);
        // One line per reason (one per language): the documents themselves are listed by --json.
        const partial = new Map<string, number>();
        for (const r of summary.partial) partial.set(r.reason, (partial.get(r.reason) ?? 0) + 1);
        for (const [reason, count] of partial) print(`  partly extracted, ${count} document${count === 1 ? '' : 's'}: ${reason}`);
      }
      const nothingTaken = summary.ingested + summary.duplicates === 0;
      process.exitCode = nothingTaken && summary.rejected > 0 ? 1 : 0;
    } finally {
      bar.done();
      await store.close();
    }
  });
}

/** Rejections listed one by one while there are few; past that, one line per reason with a few examples. */
const LIST_EACH_UP_TO = 20;

function printRejections(rejections: readonly { ref: string; reason: string }[]): void {
  if (rejections.length <= LIST_EACH_UP_TO) {
    for (const r of rejections) print(`  rejected ${r.ref}: ${r.reason}`);
    return;
  }
  const byReason = new Map<string, string[]>();
  for (const r of rejections) {
    const refs = byReason.get(r.reason);
    if (refs) refs.push(r.ref);
    else byReason.set(r.reason, [r.ref]);
  }
  for (const [reason, refs] of byReason) {
    const examples = refs.slice(0, 3).join(', ') + (refs.length > 3 ? ', …' : '');
    print(`  rejected ${refs.length}: ${reason} (${examples})`);
  }
  print('  every rejection, one by one: --json');
}
