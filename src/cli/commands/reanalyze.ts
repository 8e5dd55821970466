import type { Command } from 'commander';
import { reanalyze } from '../../app/reanalyze.js';
import { STAGES } from '../../app/stages.js';
import { loadCorpusStages } from '../../app/pipeline.js';
import { DEFAULT_LIMITS } from '../../ingest/index.js';
import { addDbOption, openCliStore } from '../db.js';
import { ProgressBar } from '../progress.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';

export function registerReanalyze(program: Command): void {
  addDbOption(
    program
      .command('reanalyze')
      .description(
        'run the pipeline again on stored documents whose analyses older stage versions made (a retrained model, an edited ' +
          'dictionary), or that have none; each batch of new analyses replaces the old ones in one transaction',
      )
      .option('--stage <name>', `only documents whose analysis another version of this stage made (${STAGES.documentStages.map((s) => s.name).join(', ')})`)
      .option('--batch-size <n>', 'documents re-analysed per transaction', '500')
      .option('--workers <n>', "worker threads: a number, or 'auto' (1 for a few documents, else one per core)", 'auto')
      .option('--timeout <seconds>', 'time budget per document analysis', String(DEFAULT_LIMITS.timeoutMs / 1000))
      .option('--json', 'print the summary as JSON'),
  ).action(async (opts) => {
    const batchSize = Number(opts.batchSize);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new CliError('--batch-size must be a positive integer');
    const workers = opts.workers === 'auto' ? 'auto' : Number(opts.workers);
    if (workers !== 'auto' && (!Number.isInteger(workers) || workers < 1)) throw new CliError("--workers must be a positive integer or 'auto'");
    const timeoutSeconds = Number(opts.timeout);
    if (!(timeoutSeconds > 0)) throw new CliError('--timeout must be a positive number of seconds');
    if (opts.stage !== undefined && STAGES.get(opts.stage)?.kind !== 'document') {
      throw new CliError(`--stage: no document stage named "${opts.stage}" (stages: ${STAGES.documentStages.map((s) => s.name).join(', ')})`);
    }
    const store = await openCliStore(opts);
    const bar = new ProgressBar('reanalyze');
    try {
      const summary = await reanalyze({
        store,
        stage: opts.stage,
        batchSize,
        workers,
        timeoutMs: Math.round(timeoutSeconds * 1000),
        corpus: await loadCorpusStages(),
        onProgress: (p) => bar.update(p.done, p.stale, `${p.done}/${p.stale} documents · ${p.failed} failed`),
      });
      bar.done();
      if (opts.json) {
        printJson({ db: store.location, ...summary });
      } else {
        const which = summary.stage ? ` for stage ${summary.stage}` : '';
        if (!summary.stale) {
          print(`all ${summary.documents} documents in ${store.location} are up to date${which}`);
        } else {
          print(`${summary.stale} of ${summary.documents} documents were stale${which}; ${summary.reanalyzed} re-analysed in ${summary.seconds.toFixed(1)}s`);
          const stages = Object.entries(summary.staleStages).sort((a, b) => b[1] - a[1]);
          print(`  stale stages: ${stages.map(([name, count]) => `${name} (${count})`).join(', ')}`);
          for (const f of summary.failed) print(`  kept the old analysis of ${f.id}: ${f.reason}`);
        }
      }
      process.exitCode = summary.failed.length ? 1 : 0;
    } finally {
      bar.done();
      await store.close();
    }
  });
}
