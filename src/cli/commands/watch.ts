import type { Command } from 'commander';
import { DEFAULT_LIMITS } from '../../ingest/index.js';
import { pollFeeds, type WatchPass } from '../../ingest/watch.js';
import { WorkerPool } from '../../ingest/workers/pool.js';
import { addDbOption, openCliStore } from '../db.js';
import { print } from '../output.js';
import { CliError } from '../errors.js';
import { loadCorpusStages } from '../../app/pipeline.js';

export function registerWatch(program: Command): void {
  addDbOption(
    program
      .command('watch <feed-url...>')
      .description('poll RSS/Atom feeds on a schedule and ingest the items not seen before (ETag, Last-Modified and item ids are remembered in the database)')
      .option('--interval <seconds>', 'time between passes', '900')
      .option('--once', 'one pass, then exit')
      .option('--workers <n>', 'worker threads for reading and analysis', '1')
      .option('--timeout <seconds>', 'time budget per feed read and per document analysis', String(DEFAULT_LIMITS.timeoutMs / 1000))
      .option('--no-analyze', 'store the text only, without running the pipeline')
      .option('--json', 'print each pass as one line of JSON'),
  ).action(async (urls: string[], opts) => {
    const interval = Number(opts.interval);
    const workers = Number(opts.workers);
    const timeoutMs = Math.round(Number(opts.timeout) * 1000);
    if (!(interval > 0)) throw new CliError('--interval must be a positive number of seconds');
    if (!Number.isInteger(workers) || workers < 1) throw new CliError('--workers must be a positive integer');
    if (!(timeoutMs > 0)) throw new CliError('--timeout must be a positive number of seconds');
    for (const url of urls) if (!/^https?:\/\//i.test(url)) throw new CliError(`not an http(s) URL: ${url}`);

    const store = await openCliStore(opts, { create: true });
    const pool = new WorkerPool({ size: workers, analyze: Boolean(opts.analyze), timeoutMs });
    let stop = false;
    let wake: (() => void) | undefined;
    const onSignal = () => {
      stop = true;
      wake?.();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      let failedEverywhere = false;
      while (!stop) {
        const pass = await pollFeeds(urls, {
          store,
          pool,
          pipeline: opts.analyze ? 'default' : undefined,
          corpus: opts.analyze ? await loadCorpusStages() : undefined,
          limits: { timeoutMs },
        });
        report(pass, Boolean(opts.json));
        failedEverywhere = pass.feeds.every((f) => f.status === 'failed');
        if (opts.once) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, interval * 1000).unref();
        });
      }
      process.exitCode = opts.once && failedEverywhere ? 1 : 0;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await pool.close();
      await store.close();
    }
  });
}

function report(pass: WatchPass, json: boolean): void {
  const at = new Date().toISOString();
  if (json) {
    print(JSON.stringify({ at, feeds: pass.feeds, ...pass.summary }));
    return;
  }
  for (const f of pass.feeds) {
    const detail = f.status === 'failed' ? f.reason : `${f.newItems} new of ${f.items} items`;
    print(`${at} ${f.status.padEnd(9)} ${f.url}: ${detail}`);
  }
  const s = pass.summary;
  print(`${at} ${s.ingested} ingested, ${s.duplicates} duplicates, ${s.rejected} rejected`);
}
