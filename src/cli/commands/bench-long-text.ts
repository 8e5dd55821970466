import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ingest } from '../../ingest/index.js';
import { openStore } from '../../store/index.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';
import { newsText, round } from './bench-texts.js';

/**
 * Peak memory (RSS of the process, all threads) while one text file of `--mb` megabytes of news is
 * ingested with the full pipeline, as `rift ingest` does it (worker threads: auto); then the time of a
 * few searches and of reading one part back in that store.
 */
export function registerBenchLongText(parent: Command): void {
  parent
    .command('long-text <jsonl>')
    .description('peak memory ingesting one long plain-text file (the texts of a JSON Lines file, repeated to --mb megabytes), and search in that store')
    .option('--mb <n>', 'size of the text file, in MB', '50')
    .option('--json', 'machine-readable output')
    .action(async (jsonl: string, opts) => {
      const mb = Number(opts.mb);
      if (!(mb > 0 && mb <= 1024)) throw new CliError('--mb must be a number of megabytes from 0 to 1024');
      const source = resolve(jsonl);
      if (!existsSync(source)) throw new CliError(`no such file: ${jsonl}`);
      const dir = await mkdtemp(join(tmpdir(), 'rift-bench-long-text-'));
      try {
        const file = join(dir, 'long.txt');
        const bytes = Math.round(mb * 1024 * 1024);
        let text = await newsText(source, bytes);
        // A few characters take more than a byte: cut to the size (50 MB is the default --max-bytes).
        for (let over = Buffer.byteLength(text) - bytes; over > 0; over = Buffer.byteLength(text) - bytes) text = text.slice(0, text.length - over);
        await writeFile(file, text);
        text = '';
        const baseRssMB = process.memoryUsage().rss / 1024 / 1024;
        const store = await openStore(join(dir, 'bench.db'), { create: true });
        try {
          const summary = await ingest([file], { store, pipeline: 'default', workers: 'auto' });
          const peakRssMB = process.resourceUsage().maxRSS / 1024;
          // SQLite runs in this thread and the workers are gone: the process's CPU time is the search's,
          // which a busy machine does not stretch as it does the wall-clock time.
          const searches: Record<string, { total: number; seconds: number; cpuSeconds: number }> = {};
          for (const q of ['oil', 'Reagan', '"trade deficit"', 'bank NOT oil']) {
            const started = performance.now();
            const cpu = process.cpuUsage();
            const { total } = await store.documents.search(q, { limit: 20 });
            const used = process.cpuUsage(cpu);
            searches[q] = { total, seconds: round((performance.now() - started) / 1000), cpuSeconds: round((used.user + used.system) / 1e6) };
          }
          const { hits } = await store.documents.search('oil', { limit: 1 });
          const started = performance.now();
          const doc = hits[0] && (await store.documents.get(hits[0].id));
          const getSeconds = round((performance.now() - started) / 1000);
          const stats = await store.stats();
          const result = {
            mb,
            bytes,
            rejections: summary.rejections.map((r) => r.reason),
            workers: summary.workers,
            seconds: summary.seconds,
            documents: summary.ingested,
            unanalyzed: summary.unanalyzed.length,
            unanalyzedReasons: summary.unanalyzed.slice(0, 3).map((u) => u.reason),
            peakRssMB: round(peakRssMB, 1),
            baseRssMB: round(baseRssMB, 1),
            largestDocumentChars: doc ? doc.text.length : 0,
            searches,
            slowestSearchSeconds: Math.max(...Object.values(searches).map((r) => r.seconds)),
            slowestSearchCpuSeconds: Math.max(...Object.values(searches).map((r) => r.cpuSeconds)),
            getDocumentSeconds: getSeconds,
            mentions: stats.mentions,
            events: stats.events,
          };
          if (opts.json) {
            printJson(result);
            return;
          }
          print(`${mb} MB of text ingested in ${result.seconds}s with ${result.workers} worker(s): ${result.documents} documents (parts), ${result.unanalyzed} unanalyzed`);
          print(`  peak RSS ${result.peakRssMB} MB · slowest search ${result.slowestSearchSeconds}s (${result.slowestSearchCpuSeconds}s CPU) · reading a part back ${getSeconds}s`);
        } finally {
          await store.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
}
