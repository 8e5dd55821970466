import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../ingest/index.js';
import { openStore, type PairQuery } from '../../store/index.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function registerBenchPairs(parent: Command): void {
  parent
    .command('pairs <jsonl...>')
    .description('how fast the store answers "events between A and B (either direction) from t1 to t2" after ingesting the files')
    .option('--db <path|url>', 'ingest into this empty store (a postgres:// URL, say) instead of a temporary SQLite file')
    .option('--a <code>', 'one side: a country (RUS) or, with --actors, an actor code', 'RUS')
    .option('--b <code>', 'the other side', 'CHN')
    .option('--actors', 'match exact actor codes instead of countries')
    .option('--from <YYYY-MM-DD>', 'start of the interval', '2024-01-01')
    .option('--to <YYYY-MM-DD>', 'end of the interval', '2024-12-31')
    .option('--repeat <n>', 'queries to time', '200')
    .option('--workers <n>', 'worker threads for the ingest', '1')
    .option('--json', 'machine-readable output')
    .action(async (files: string[], opts) => {
      for (const f of files) if (!existsSync(f)) throw new CliError(`no such file: ${f}`);
      const repeat = Number(opts.repeat);
      if (!Number.isInteger(repeat) || repeat < 1) throw new CliError('--repeat must be a positive integer');
      const dir = await mkdtemp(join(tmpdir(), 'rift-bench-pairs-'));
      const store = await openStore(opts.db ?? join(dir, 'bench.db'), { create: true });
      try {
        if ((await store.stats()).documents > 0) throw new CliError(`the store at ${store.location} is not empty: bench pairs needs an empty one`);
        const summary = await ingest(files, { store, pipeline: 'default', workers: Number(opts.workers) });
        const stats = await store.stats();
        const query: PairQuery = { a: opts.a, b: opts.b, byCountry: !opts.actors, from: opts.from, to: opts.to };
        const events = (await store.analyses.eventsBetween(query)).length; // also warms the cache
        const times: number[] = [];
        for (let i = 0; i < repeat; i++) {
          const started = performance.now();
          await store.analyses.eventsBetween(query);
          times.push(performance.now() - started);
        }
        times.sort((x, y) => x - y);
        const result = {
          store: store.dialect,
          documents: stats.documents,
          storedEvents: stats.events,
          ingestSeconds: summary.seconds,
          query,
          events,
          medianMs: round(percentile(times, 0.5), 3),
          p99Ms: round(percentile(times, 0.99), 3),
        };
        if (opts.json) printJson(result);
        else {
          print(`${stats.documents} documents, ${stats.events} events in ${store.dialect} (ingested in ${summary.seconds}s)`);
          print(`events between ${query.a} and ${query.b} from ${query.from} to ${query.to}: ${events} · median ${result.medianMs} ms · p99 ${result.p99Ms} ms over ${repeat} queries`);
        }
      } finally {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
}
