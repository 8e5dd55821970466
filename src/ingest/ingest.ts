import { availableParallelism } from 'node:os';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { expandInputs, type Input } from './inputs.js';
import { fetchUrl, DEFAULT_FETCH_LIMITS } from './fetch.js';
import type { ReadRequest } from './read.js';
import type { ReadOutcome } from './readers/index.js';
import { IngestSession, type IngestOptions, type IngestSummary } from './session.js';

export type { IngestOptions, IngestProgress, IngestSummary } from './session.js';

/**
 * Reads files, folders and URLs into the store. Inputs are read a few at a time (in worker threads when
 * options.workers > 0) and their documents stored in input order, so the result does not depend on the
 * number of workers. Each batch is one transaction, and a document's id is the hash of its text.
 */
export async function ingest(args: string[], options: IngestOptions): Promise<IngestSummary> {
  const expanded = await expandInputs(args);
  const bytesTotal = expanded.inputs.reduce((n, i) => n + (i.kind === 'file' ? i.size : 0), 0);
  const workers = options.workers === 'auto' ? autoWorkers(bytesTotal, expanded.inputs.length) : options.workers ?? 0;
  options = { ...options, workers };
  const session = await IngestSession.open(options);
  try {
    for (const r of expanded.rejections) session.reject(r.ref, r.reason);
    session.progress.bytesTotal = bytesTotal;
    const readAhead = Math.max(1, workers) * 2;
    const reading: { input: Input; outcome: Promise<ReadOutcome> }[] = [];
    const consume = async () => {
      const { input, outcome } = reading.shift()!;
      await session.add(await outcome, input.kind === 'file' ? input.size : 0);
    };
    for (const input of expanded.inputs) {
      reading.push({ input, outcome: readInput(input, session) });
      if (reading.length >= readAhead) await consume();
    }
    while (reading.length) await consume();
  } catch (err) {
    await session.abort();
    throw err;
  }
  return session.finish();
}

/** Worker threads for `--workers auto`: one for small inputs (threads cost a pipeline load each), else one per core. */
export function autoWorkers(bytes: number, inputs: number): number {
  return bytes < 1024 * 1024 && inputs < 50 ? 1 : availableParallelism();
}

/** One input's bytes (size cap checked before reading a file) read into drafts; failures become rejections. */
async function readInput(input: Input, session: IngestSession): Promise<ReadOutcome> {
  const fail = (reason: string): ReadOutcome => ({ items: [], rejections: [{ ref: input.ref, reason }] });
  const { maxBytes } = session.limits;
  let request: ReadRequest;
  if (input.kind === 'url') {
    try {
      const fetched = await fetchUrl(input.url, { ...DEFAULT_FETCH_LIMITS, maxBytes });
      request = { ref: input.ref, name: new URL(fetched.url).pathname, bytes: fetched.bytes, contentType: fetched.contentType, url: fetched.url };
    } catch (err) {
      return fail((err as Error).message);
    }
  } else {
    if (input.size > maxBytes) return fail(`too large: ${input.size} bytes, the limit is ${maxBytes} (--max-bytes)`);
    try {
      request = { ref: input.ref, name: basename(input.path), bytes: await readFile(input.path) };
    } catch (err) {
      return fail(`unreadable: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
  }
  return session.read(request);
}
