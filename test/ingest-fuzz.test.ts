// Fuzz suite: every reader gets mutated samples (seeded, a fixed number of iterations) and must neither throw
// nor hang. Each reader runs in its own worker thread with a watchdog, so a hang fails the test instead of
// freezing it. RIFT_FUZZ_ITERATIONS sets the iterations per reader (default 10,000), RIFT_FUZZ_SEED the seed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FIXTURES, minimalPdf } from './ingest-helpers.js';
import type { FuzzJob, FuzzMessage } from './ingest-fuzz-worker.js';

const ITERATIONS = Number(process.env.RIFT_FUZZ_ITERATIONS ?? 10_000);
const SEED = Number(process.env.RIFT_FUZZ_SEED ?? 20250612);
/** Longest silence from a fuzzing worker (it reports every 50 inputs) before it counts as hung. */
const WATCHDOG_MS = 30_000;

const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const SAMPLES: Record<string, Uint8Array[]> = {
  text: [fixture('latin1.txt'), fixture('koi8r.txt'), fixture('gb18030.txt'), fixture('invalid-utf8.txt'), Buffer.from('Moscow said on Monday it would expel two diplomats.\r\nBeijing denied it.')],
  html: [fixture('article.html'), fixture('malformed.html')],
  jsonl: [Buffer.from('{"title":"A","text":"Moscow said on Monday it would expel two diplomats.","date":"2025-06-12","url":"https://x.example/a"}\n{"body":"Beijing denied it.","lang":"en","extra":[1,2,{"k":null}]}\n')],
  pdf: [fixture('report.pdf'), minimalPdf(['Second sample (with parentheses) and a backslash \\ here.', 'Line two.'], { Title: 'T', CreationDate: "D:2024" })],
  rss: [fixture('feed.rss'), fixture('feed.atom'), fixture('bomb.rss')],
  email: [fixture('memo.eml'), Buffer.from('From: a@b.example\r\nSubject: =?UTF-8?B?0J/RgNC40LLQtdGC?=\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\nPHA+SGVsbG8gPGI+d29ybGQ8L2I+PC9wPg==\r\n--b--\r\n')],
};

const WORKER_URL = new URL('./ingest-fuzz-worker.js', import.meta.url);

function fuzz(format: string, seed: number): Promise<Extract<FuzzMessage, { kind: 'done' }>> {
  return new Promise((resolve, reject) => {
    const job: FuzzJob = { format, samples: SAMPLES[format], seed, iterations: ITERATIONS };
    const worker = new Worker(WORKER_URL, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    let last = -1;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void worker.terminate();
        reject(new Error(`${format} reader hung: no answer for ${WATCHDOG_MS / 1000}s after input ${last} (seed ${seed})`));
      }, WATCHDOG_MS);
    };
    arm();
    worker.on('message', (m: FuzzMessage) => {
      if (m.kind === 'progress') {
        last = m.iteration;
        arm();
        return;
      }
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${format} fuzzing crashed its worker after input ${last} (seed ${seed}): ${err.message}`));
    });
  });
}

// Two readers at a time: each fuzzes in its own worker thread.
describe('fuzz', { concurrency: 2 }, () => {
  for (const [index, format] of Object.keys(SAMPLES).entries()) {
    test(`the ${format} reader survives ${ITERATIONS} mutated inputs without throwing or hanging`, async () => {
      const result = await fuzz(format, SEED + index);
      assert.deepEqual(result.failures.slice(0, 3), [], `${result.failures.length} inputs made read() throw (seed ${SEED + index})`);
      // The mutations must leave some inputs readable, else the fuzzer only tests the front door.
      assert.ok(result.items > 0, `no mutated ${format} input was readable: the mutations are too destructive`);
      // Plain text accepts any bytes; every other format must have turned some mutants away.
      if (format !== 'text') assert.ok(result.rejections > 0, `no mutated ${format} input was rejected: the mutations are too timid`);
    });
  }
});
