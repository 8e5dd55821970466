import type { Command } from 'commander';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../store/index.js';
import { RelationshipsStage, dyadSeries } from '../../relationships/index.js';
import { SyntheticCorpus } from '../../relationships/synthetic.js';
import { dayNumber } from '../../relationships/periods.js';
import { print, printJson } from '../output.js';
import { ProgressBar } from '../progress.js';
import { CliError } from '../errors.js';

const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export function registerBenchDyads(parent: Command): void {
  parent
    .command('dyads')
    .description('dyad series at scale: synthetic events written into an empty store, then a pair\'s monthly series over ten years timed, and batches of new events read in')
    .option('--db <path|url>', 'an empty store to fill (a postgres:// URL, say) instead of a temporary SQLite file')
    .option('--events <n>', 'synthetic events in the store', '1000000')
    .option('--per-document <n>', 'events per synthetic document', '10')
    .option('--batch <n>', 'events per timed update batch', '1000')
    .option('--batches <n>', 'timed update batches', '5')
    .option('--repeat <n>', 'series queries to time', '50')
    .option('--json', 'machine-readable output')
    .action(async (opts) => {
      const [events, perDocument, batch, batches, repeat] = [opts.events, opts.perDocument, opts.batch, opts.batches, opts.repeat].map(Number);
      for (const [name, n] of [['--events', events], ['--per-document', perDocument], ['--batch', batch], ['--batches', batches], ['--repeat', repeat]] as const) {
        if (!Number.isInteger(n) || n < 1) throw new CliError(`${name} must be a positive integer`);
      }
      const dir = await mkdtemp(join(tmpdir(), 'rift-bench-dyads-'));
      const store = await openStore(opts.db ?? join(dir, 'bench.db'), { create: true });
      const bar = new ProgressBar('bench dyads');
      try {
        if ((await store.stats()).documents > 0) throw new CliError(`the store at ${store.location} is not empty: bench dyads needs an empty one`);
        const corpus = new SyntheticCorpus({ firstDay: dayNumber('2016-01-01'), lastDay: dayNumber('2025-12-31'), eventsPerDocument: perDocument });
        const stage = new RelationshipsStage();
        // Filling: batches of 1,000 documents as ingest writes them, each read by the stage as ingest has it do.
        const documents = Math.ceil(events / perDocument);
        let [putMs, stageMs] = [0, 0];
        for (let done = 0; done < documents;) {
          const n = Math.min(1000, documents - done);
          const docs = corpus.next(n);
          let t = performance.now();
          await store.documents.put(docs);
          putMs += performance.now() - t;
          t = performance.now();
          await stage.update(store, docs.map((d) => d.document.id));
          stageMs += performance.now() - t;
          done += n;
          bar.update(done, documents, `${done * perDocument} events · store ${(putMs / 1000).toFixed(0)}s · stage ${(stageMs / 1000).toFixed(0)}s`);
        }
        bar.done();
        const stats = await store.stats();

        // A pair's monthly series over ten years, both directions, every channel, with the rift per month.
        const query = { a: 'RUS', b: 'CHN', by: 'month' as const, from: '2016-01', to: '2025-12' };
        const first = await dyadSeries(store, query);
        const times: number[] = [];
        for (let i = 0; i < repeat; i++) {
          const t = performance.now();
          await dyadSeries(store, query);
          times.push(performance.now() - t);
        }
        times.sort((x, y) => x - y);

        // New batches of `batch` events: stored, then read into the series.
        const updates: number[] = [];
        const puts: number[] = [];
        for (let i = 0; i < batches; i++) {
          const docs = corpus.next(Math.ceil(batch / perDocument));
          let t = performance.now();
          await store.documents.put(docs);
          puts.push(performance.now() - t);
          t = performance.now();
          await stage.update(store, docs.map((d) => d.document.id));
          updates.push(performance.now() - t);
        }
        updates.sort((x, y) => x - y);
        const result = {
          store: store.dialect,
          events: stats.events,
          documents: stats.documents,
          fillStoreSeconds: round(putMs / 1000, 1),
          fillStageSeconds: round(stageMs / 1000, 1),
          series: {
            pair: [query.a, query.b], by: query.by, from: query.from, to: query.to,
            points: first.series.length, pairEvents: round(first.series.reduce((n, p) => n + p.events, 0), 0), riftPeriods: first.rift.length,
            medianMs: round(percentile(times, 0.5), 3), p99Ms: round(percentile(times, 0.99), 3),
          },
          update: {
            batchEvents: Math.ceil(batch / perDocument) * perDocument,
            medianMs: round(percentile(updates, 0.5), 1), maxMs: round(updates[updates.length - 1], 1),
            storeWriteMedianMs: round([...puts].sort((x, y) => x - y)[Math.floor(puts.length / 2)], 1),
          },
        };
        if (opts.json) printJson(result);
        else {
          print(`${result.events} events in ${result.documents} documents (${store.dialect}); filled in ${result.fillStoreSeconds}s + stage ${result.fillStageSeconds}s`);
          print(`RUS–CHN by month 2016–2025: ${result.series.points} points, ${result.series.pairEvents} events · median ${result.series.medianMs} ms · p99 ${result.series.p99Ms} ms`);
          print(`a batch of ${result.update.batchEvents} new events read into the series: median ${result.update.medianMs} ms · max ${result.update.maxMs} ms`);
        }
      } finally {
        bar.done();
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    });
}
