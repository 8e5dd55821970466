import { Worker } from 'node:worker_threads';
import type { AnalyzeRequest } from './analyze-request.js';
import type { FromAnalysisThread, ToAnalysisThread } from './analysis-thread.js';
import { ApiError } from './errors.js';

export interface AnalysisWorkerOptions {
  /** Time one analysis may take once the pipeline is loaded, in ms; past it the thread is stopped and replaced. */
  timeoutMs?: number;
  /** Requests that may wait behind the running one; more are answered 503 `busy`. */
  maxWaiting?: number;
  /** Characters of text that may wait, all waiting requests together. */
  maxWaitingChars?: number;
  /** Items per list layer in an answer (see pageLayers). */
  maxItems?: number;
  /** Window size for long texts (see analyzeInWindows); for tests. */
  windowChars?: number;
  /** Heap limit of the thread, in MB: an analysis that needs more fails alone. */
  maxHeapMb?: number;
}

interface Job {
  id: number;
  request: AnalyzeRequest;
  signal?: AbortSignal;
  resolve: (json: string) => void;
  reject: (err: ApiError) => void;
}

/** The allowance for the first analysis, while the thread loads models and dictionaries. */
const PIPELINE_LOAD_MS = 120_000;

const THREAD_URL = new URL('./analysis-thread.js', import.meta.url);

/**
 * Runs the server's analyses in a worker thread, one at a time, so the event loop stays free to answer
 * every other request (health checks, searches) while a long text is analysed. A short queue waits
 * behind the running analysis; past it requests are refused at once with `busy` rather than left to
 * pile up. An analysis past its time budget, or one that kills its thread, fails alone: the thread is
 * replaced and the queue goes on.
 */
export class AnalysisWorker {
  private worker: Worker | undefined;
  private loaded = false;
  private running: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly maxWaiting: number;
  private readonly maxWaitingChars: number;

  constructor(private readonly options: AnalysisWorkerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxWaiting = options.maxWaiting ?? 4;
    this.maxWaitingChars = options.maxWaitingChars ?? 8_000_000;
  }

  /** The analysis as a JSON string; rejects with an ApiError (busy, analysis_timeout, analysis_failed). */
  analyze(request: AnalyzeRequest, signal?: AbortSignal): Promise<string> {
    if (this.closed) return Promise.reject(new ApiError(503, 'busy', 'the server is shutting down'));
    const waitingChars = this.waiting.reduce((n, j) => n + j.request.text.length, 0);
    if (this.running && (this.waiting.length >= this.maxWaiting || waitingChars + request.text.length > this.maxWaitingChars)) {
      return Promise.reject(
        new ApiError(503, 'busy', `the server is analysing other texts (${this.waiting.length + 1} ahead of this one): try again shortly`, { 'Retry-After': '5' }),
      );
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, request, signal, resolve, reject });
      this.next();
    });
  }

  /** Stops the thread; waiting and running requests are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const refused = new ApiError(503, 'busy', 'the server is shutting down');
    for (const job of this.waiting.splice(0)) job.reject(refused);
    this.running?.reject(refused);
    this.running = undefined;
    clearTimeout(this.timer);
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private next(): void {
    if (this.running || this.closed) return;
    let job = this.waiting.shift();
    // A client that went away while waiting no longer needs its analysis.
    while (job?.signal?.aborted) {
      job.reject(new ApiError(503, 'busy', 'the client went away before its turn'));
      job = this.waiting.shift();
    }
    if (!job) return;
    this.running = job;
    const worker = (this.worker ??= this.spawn());
    // A running analysis keeps the process alive (a caller may be awaiting it without a listening server);
    // an idle thread does not keep it from exiting.
    worker.ref();
    this.arm(this.loaded ? this.timeoutMs : Math.max(this.timeoutMs, PIPELINE_LOAD_MS));
    worker.postMessage({ id: job.id, request: job.request, maxItems: this.options.maxItems ?? 5000, windowChars: this.options.windowChars } satisfies ToAnalysisThread);
  }

  private spawn(): Worker {
    const worker = new Worker(THREAD_URL, { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 2048 }, stdout: false, stderr: false });
    worker.on('message', (message: FromAnalysisThread) => this.onMessage(worker, message));
    worker.on('error', (err) => this.lose(worker, new ApiError(500, 'analysis_failed', `the analysis failed: ${err.message}`)));
    worker.on('exit', (code) => this.lose(worker, new ApiError(500, 'analysis_failed', `the analysis stopped its thread (exit code ${code})`)));
    worker.unref();
    return worker;
  }

  private onMessage(worker: Worker, message: FromAnalysisThread): void {
    const job = this.running;
    if (worker !== this.worker || !job || job.id !== message.id) return;
    if ('started' in message) {
      this.loaded = true;
      this.arm(this.timeoutMs);
      return;
    }
    clearTimeout(this.timer);
    this.running = undefined;
    if ('json' in message) job.resolve(message.json);
    else job.reject(new ApiError(500, 'analysis_failed', `the analysis failed: ${message.error}`));
    this.next();
    if (!this.running) worker.unref();
  }

  private arm(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const worker = this.worker;
      const seconds = Math.round(ms / 1000);
      if (worker) this.lose(worker, new ApiError(503, 'analysis_timeout', `the analysis took longer than ${seconds} s and was stopped: send a shorter text`));
    }, ms);
    this.timer.unref();
  }

  /** The thread is gone or must go: the running request fails with `error`, a fresh thread takes the queue. */
  private lose(worker: Worker, error: ApiError): void {
    if (worker !== this.worker) return;
    clearTimeout(this.timer);
    this.worker = undefined;
    this.loaded = false;
    void worker.terminate();
    const job = this.running;
    this.running = undefined;
    job?.reject(error);
    this.next();
  }
}
