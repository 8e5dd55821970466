import type { Command } from 'commander';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../ingest/index.js';
import { openStore } from '../../store/index.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';

interface RunResult {
  store: 'sqlite' | 'postgres';
  workers: number;
  documents: number;
  ingested: number;
  duplicates: number;
  rejected: number;
  unanalyzed: number;
  partial: number;
  seconds: number;
  /** CPU time of the whole process (all threads) during the first ingest: compare runs on a busy machine. */
  cpuSeconds: number;
  docsPerCpuSecond: number;
  /**
   * Seconds the main thread was busy (reading, hashing, writing the store) during the first ingest: work
   * that runs beside the workers and, on a machine with as many cores as workers, takes from them.
   */
  mainThreadBusySeconds: number;
  docsPerSecond: number;
  mbPerSecond: number;
  mbPerSecondPerCore: number;
  reingestSeconds: number;
  mentions: number;
  events: number;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/**
 * Ingests `file` with `workers` threads, then again (nothing new), and measures both: into a fresh temporary
 * SQLite file, or into the empty store at `db` (a PostgreSQL database, say).
 */
async function measure(file: string, bytes: number, workers: number, db?: string): Promise<RunResult> {
  const dir = await mkdtemp(join(tmpdir(), 'rift-bench-ingest-'));
  try {
    const store = await openStore(db ?? join(dir, 'bench.db'), { create: true });
    try {
      if ((await store.stats()).documents > 0) throw new CliError(`the store at ${store.location} is not empty: bench ingest needs an empty one`);
      const cpu = process.cpuUsage();
      const loop = performance.eventLoopUtilization();
      const first = await ingest([file], { store, pipeline: 'default', workers });
      const used = process.cpuUsage(cpu);
      const mainThread = performance.eventLoopUtilization(loop);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const again = await ingest([file], { store, pipeline: 'default', workers });
      const stats = await store.stats();
      const documents = first.ingested + first.duplicates;
      const mbPerSecond = bytes / 1024 / 1024 / first.seconds;
      return {
        store: store.dialect,
        workers,
        documents,
        ingested: first.ingested,
        duplicates: first.duplicates,
        rejected: first.rejected,
        unanalyzed: first.unanalyzed.length,
        partial: first.partial.length,
        seconds: round(first.seconds, 3),
        cpuSeconds: round(cpuSeconds, 1),
        docsPerCpuSecond: round(documents / cpuSeconds, 1),
        mainThreadBusySeconds: round(mainThread.active / 1000, 1),
        docsPerSecond: round(documents / first.seconds, 1),
        mbPerSecond: round(mbPerSecond, 3),
        mbPerSecondPerCore: round(mbPerSecond / workers, 3),
        reingestSeconds: round(again.seconds, 3),
        mentions: stats.mentions,
        events: stats.events,
      };
    } finally {
      await store.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function oneWorkerBaseline(file: string): RunResult & { peakRssMB: number } {
  const bin = fileURLToPath(new URL('../../../../bin/rift.js', import.meta.url));
  const out = execFileSync(process.execPath, [bin, 'bench', 'ingest', file, '--workers', '1', '--json'], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as RunResult & { peakRssMB: number };
}

/** The first `limit` lines of a JSON Lines file, copied to a temporary file. */
async function firstLines(file: string, limit: number): Promise<{ path: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'rift-bench-input-'));
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    lines.push(line);
    if (lines.length >= limit) break;
  }
  rl.close();
  const path = join(dir, 'input.jsonl');
  await writeFile(path, lines.join('\n') + '\n');
  return { path, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function registerBenchIngest(parent: Command): void {
  parent
    .command('ingest <jsonl>')
    .description('end-to-end ingest speed: read, NLP, actors, events and store into a temporary database, then re-ingest unchanged')
    .option('--workers <n>', 'worker threads', String(availableParallelism()))
    .option('--speedup', 'also measure with one worker and report the speed-up of --workers over it')
    .option('--limit <n>', 'only the first n records')
    .option('--db <path|url>', 'ingest into this empty store (a postgres:// URL, say) instead of a temporary SQLite file')
    .option('--json', 'machine-readable output')
    .action(async (jsonl: string, opts) => {
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1) throw new CliError('--workers must be a positive integer');
      const limit = opts.limit === undefined ? undefined : Number(opts.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new CliError('--limit must be a positive integer');
      const source = resolve(jsonl);
      if (!existsSync(source)) throw new CliError(`no such file: ${jsonl}`);
      const input = limit ? await firstLines(source, limit) : { path: source, cleanup: async () => undefined };
      try {
        const bytes = statSync(input.path).size;
        // The one-worker baseline runs in its own process, so that each run's peak RSS is its own.
        const baseline = opts.speedup && workers > 1 ? oneWorkerBaseline(input.path) : undefined;
        const run = await measure(input.path, bytes, workers, opts.db);
        const peakRssMB = round(process.resourceUsage().maxRSS / 1024, 1);
        const result = {
          file: source,
          bytes,
          cores: availableParallelism(),
          ...run,
          peakRssMB,
          ...(baseline ? { speedup: round(run.docsPerSecond / baseline.docsPerSecond, 3), oneWorker: baseline } : {}),
        };
        if (opts.json) {
          printJson(result);
          return;
        }
        print(`${run.documents} documents (${(bytes / 1024 / 1024).toFixed(1)} MB) into ${run.store} with ${workers} worker${workers === 1 ? '' : 's'} in ${run.seconds}s`);
        print(`  ${run.docsPerSecond} docs/s · ${run.mbPerSecond} MB/s · ${run.mbPerSecondPerCore} MB/s per core · peak RSS ${peakRssMB} MB`);
        print(`  CPU ${run.cpuSeconds}s in all threads, of which the main thread ${run.mainThreadBusySeconds}s (reading, hashing, writing)`);
        print(`  re-ingest with nothing new: ${run.reingestSeconds}s · ${run.mentions} mentions · ${run.events} events stored`);
        if (baseline) print(`  one worker: ${baseline.docsPerSecond} docs/s · speed-up ${result.speedup}× · CPU per document ${round(baseline.docsPerCpuSecond / run.docsPerCpuSecond, 2)}× one worker's`);
      } finally {
        await input.cleanup();
      }
    });
}
