import { Worker } from 'node:worker_threads';
import type { Document } from '../../model/index.js';
import type { ReadOutcome } from '../readers/index.js';
import type { ReadRequest } from '../read.js';
import type { AnalyzeResult, FromWorker, Job, UnitValue, WorkerSetup } from './protocol.js';

export interface PoolOptions extends WorkerSetup {
  size: number;
  /** Time budget per unit (a read, or one document's analysis), in ms: past it the worker is terminated. */
  timeoutMs: number;
  /** Heap limit of each worker, in MB: a worker that needs more is stopped and its unit rejected. */
  maxHeapMb?: number;
}

interface Pending {
  job: Job;
  units: number;
  onUnit: (unit: number, value: UnitValue) => void;
  /** Settles with the number of units answered, and why the next one failed when one did. */
  settle: (outcome: { answered: number; failure?: string }) => void;
}

interface Posted {
  id: number;
  pending: Pending;
  answered: number;
  /** Runs while the job is the one the worker works on (the first of its slot's jobs). */
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Whether this worker has loaded its pipeline (until then an analyze job gets the start-up allowance). */
  loaded: boolean;
  /** Jobs posted to the worker, in order: it works on the first, the others wait in its queue. */
  jobs: Posted[];
}

/**
 * Jobs a worker holds at once. More than one, so that it goes straight on to the next while the main
 * thread is busy writing a batch and has not yet read its answer.
 */
const JOBS_PER_WORKER = 8;

/** The allowance for a worker's first analyze job, while it loads models and dictionaries. */
const PIPELINE_LOAD_MS = 180_000;

const WORKER_URL = new URL('./worker.js', import.meta.url);

/**
 * A fixed number of worker threads running jobs from a queue. Each unit of a job (a file's read, one
 * document's analysis) must answer within the time budget; a worker that does not, or that dies, is
 * replaced, and the job reports how far it got so the caller can reject just the unit that failed.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private startupError: string | undefined;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Reads one file's bytes in a worker. A timeout or crash becomes a rejection of the whole file. */
  async read(request: ReadRequest): Promise<ReadOutcome> {
    let outcome: ReadOutcome | undefined;
    const { failure } = await this.run({ kind: 'read', request }, 1, (_, value) => (outcome = value as ReadOutcome));
    return outcome ?? { items: [], rejections: [{ ref: request.ref, reason: failure ?? 'worker gave no answer' }] };
  }

  /** Analyzes documents in one worker, in order; a document that times out or crashes its worker gets an error, the rest go on. */
  async analyze(documents: Document[]): Promise<AnalyzeResult[]> {
    const results: AnalyzeResult[] = new Array(documents.length);
    let start = 0;
    while (start < documents.length) {
      const offset = start;
      const rest = documents.slice(offset);
      const { answered, failure } = await this.run({ kind: 'analyze', documents: rest }, rest.length, (unit, value) => {
        results[offset + unit] = value as AnalyzeResult;
      });
      if (answered === rest.length) break;
      results[offset + answered] = { error: failure ?? 'worker gave no answer' };
      start = offset + answered + 1;
    }
    return results;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.settle({ answered: 0, failure: 'worker pool closed' });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private run(job: Job, units: number, onUnit: Pending['onUnit']): Promise<{ answered: number; failure?: string }> {
    if (this.closed) return Promise.resolve({ answered: 0, failure: 'worker pool closed' });
    if (this.startupError) return Promise.resolve({ answered: 0, failure: this.startupError });
    return new Promise((settle) => {
      this.queue.push({ job, units, onUnit, settle });
      this.pump();
    });
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_URL, {
      workerData: { analyze: this.options.analyze } satisfies WorkerSetup,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 2048 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, loaded: false, jobs: [] };
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (err) => this.fail(slot, `worker crashed: ${err.message}`));
    worker.on('exit', (code) => this.fail(slot, `worker exited with code ${code}`));
    return slot;
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if ('ready' in message) {
      if (message.ready) slot.ready = true;
      else {
        this.startupError = message.error;
        for (const p of this.queue.splice(0)) p.settle({ answered: 0, failure: message.error });
      }
      this.pump();
      return;
    }
    const current = slot.jobs[0];
    if (!current || current.id !== message.id) return;
    if ('loaded' in message) {
      slot.loaded = true;
      clearTimeout(current.timer);
      current.timer = this.startTimer(slot);
      return;
    }
    current.pending.onUnit(message.unit, message.value);
    current.answered++;
    clearTimeout(current.timer);
    if (current.answered === current.pending.units) {
      slot.jobs.shift();
      current.pending.settle({ answered: current.answered });
      this.startFirst(slot);
      this.pump();
    } else {
      current.timer = this.startTimer(slot);
    }
  }

  /** Starts the time budget of the job the worker now works on, if any. */
  private startFirst(slot: Slot): void {
    const first = slot.jobs[0];
    if (!first || first.timer) return;
    first.timer = this.startTimer(slot, first.pending.job.kind === 'analyze' && !slot.loaded);
  }

  /** The worker of `slot` is gone or must go: settle its job with how far it got, and put a fresh worker in its place. */
  private fail(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced
    const [current, ...waiting] = slot.jobs;
    slot.jobs = [];
    if (current) clearTimeout(current.timer);
    void slot.worker.terminate();
    if (this.closed) return;
    // Jobs the worker held but had not started go back to the front of the queue, in order.
    this.queue.unshift(...waiting.map((w) => w.pending));
    if (!slot.ready) {
      // It died while starting: a fresh one would too. Fail everything queued instead of looping.
      this.startupError = `worker failed to start: ${reason}`;
      for (const p of this.queue.splice(0)) p.settle({ answered: 0, failure: this.startupError });
      return;
    }
    this.slots[index] = this.spawn();
    current?.pending.settle({ answered: current.answered, failure: reason });
    this.pump();
  }

  private startTimer(slot: Slot, loading = false): NodeJS.Timeout {
    const ms = loading ? Math.max(this.options.timeoutMs, PIPELINE_LOAD_MS) : this.options.timeoutMs;
    const reason = loading ? `the pipeline did not load within ${ms / 1000}s` : `timed out after ${ms / 1000}s`;
    const timer = setTimeout(() => this.fail(slot, reason), ms);
    timer.unref();
    return timer;
  }

  private pump(): void {
    // Round by round, so that the jobs spread evenly over the workers.
    for (let round = 0; round < JOBS_PER_WORKER; round++) {
      for (const slot of this.slots) {
        if (!this.queue.length) return;
        if (!slot.ready || slot.jobs.length > round) continue;
        const pending = this.queue.shift()!;
        const id = this.nextId++;
        slot.jobs.push({ id, pending, answered: 0 });
        this.startFirst(slot);
        slot.worker.postMessage({ id, job: pending.job });
      }
    }
  }
}
