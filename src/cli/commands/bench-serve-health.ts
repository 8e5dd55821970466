import type { Command } from 'commander';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../store/index.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';
import { newsText, percentile, round } from './bench-texts.js';

const BIN = fileURLToPath(new URL('../../../../bin/rift.js', import.meta.url));

interface Latencies {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** GET /api/health one after another until `until` settles; the latency of each. */
async function pollHealth(base: string, until: Promise<unknown>): Promise<Latencies> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    if (!res.ok) throw new CliError(`/api/health answered ${res.status}`);
    latencies.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 5));
  }
  await until;
  return { samples: latencies.length, p50Ms: round(percentile(latencies, 50), 1), p99Ms: round(percentile(latencies, 99), 1), maxMs: round(Math.max(...latencies), 1) };
}

async function analyze(base: string, text: string): Promise<{ status: number; bytes: number; seconds: number }> {
  const started = performance.now();
  const res = await fetch(`${base}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { status: res.status, bytes, seconds: round((performance.now() - started) / 1000) };
}

/**
 * Latency of /api/health, asked every 5 ms by another process, while `rift serve` analyses one text of
 * `--chars` characters of news (POST /api/analyze), and then while eight texts of half that are posted at once.
 */
export function registerBenchServeHealth(parent: Command): void {
  parent
    .command('serve-health <jsonl>')
    .description('/api/health latency while `rift serve` analyses a long text (the texts of a JSON Lines file, to --chars characters)')
    .option('--chars <n>', 'characters of text to analyse', '2000000')
    .option('--json', 'machine-readable output')
    .action(async (jsonl: string, opts) => {
      const chars = Number(opts.chars);
      if (!Number.isInteger(chars) || chars < 1 || chars > 2_000_000) throw new CliError('--chars must be a whole number from 1 to 2,000,000 (the API limit)');
      const source = resolve(jsonl);
      if (!existsSync(source)) throw new CliError(`no such file: ${jsonl}`);
      const dir = await mkdtemp(join(tmpdir(), 'rift-bench-serve-'));
      const db = join(dir, 'bench.db');
      await (await openStore(db, { create: true })).close();
      const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        const base = await new Promise<string>((ok, fail) => {
          let out = '';
          child.stdout!.on('data', (d) => {
            out += d;
            const m = /at (http:\/\/[^/\s]+)\//.exec(out);
            if (m) ok(m[1]);
          });
          child.once('exit', (code) => fail(new CliError(`rift serve exited with code ${code}`)));
        });
        const text = await newsText(source, chars);
        const warm = await analyze(base, 'Putin met Xi in Moscow.');
        if (warm.status !== 200) throw new CliError(`the first analysis answered ${warm.status}`);
        let long!: Awaited<ReturnType<typeof analyze>>;
        const single = await pollHealth(base, analyze(base, text).then((r) => (long = r)));
        const half = text.slice(0, Math.floor(chars / 2));
        let statuses: number[] = [];
        const concurrent = await pollHealth(base, Promise.all(Array.from({ length: 8 }, () => analyze(base, half))).then((rs) => (statuses = rs.map((r) => r.status))));
        const result = {
          chars,
          p50Ms: single.p50Ms,
          p99Ms: single.p99Ms,
          maxMs: single.maxMs,
          samples: single.samples,
          analysisSeconds: long.seconds,
          analysisStatus: long.status,
          answerMB: round(long.bytes / 1024 / 1024, 2),
          concurrent: { ...concurrent, answered: statuses.filter((s) => s === 200).length, busy: statuses.filter((s) => s === 503).length },
        };
        if (opts.json) {
          printJson(result);
          return;
        }
        print(`/api/health while ${chars.toLocaleString('en')} characters are analysed (${long.seconds}s, ${result.answerMB} MB answer): p50 ${single.p50Ms} ms, p99 ${single.p99Ms} ms, max ${single.maxMs} ms over ${single.samples} checks`);
        print(`  while eight texts of ${half.length.toLocaleString('en')} characters are posted at once: p99 ${concurrent.p99Ms} ms, max ${concurrent.maxMs} ms; ${result.concurrent.answered} analysed, ${result.concurrent.busy} refused as busy`);
      } finally {
        child.kill('SIGTERM');
        await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
        await rm(dir, { recursive: true, force: true });
      }
    });
}
