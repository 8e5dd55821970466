import { availableParallelism } from 'node:os';
import type { Document, Rejection } from '../model/index.js';
import { loadPipeline } from '../app/pipeline.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { CorpusStage } from '../pipeline/stage.js';
import type { DocumentToStore, Store } from '../store/index.js';
import { newDocument } from '../app/document-factory.js';
import { settleLanguage } from './language.js';
import { analyzeDocument } from './analyze.js';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
import { readRequest, type ReadRequest } from './read.js';
import { readerFor, type ReadItem, type ReadOutcome } from './readers/index.js';
import { splitIntoParts } from './parts.js';
import { collectGarbageIfGrown } from './heap.js';
import { WorkerPool } from './workers/pool.js';
import type { AnalyzeResult } from './workers/protocol.js';

export interface IngestProgress {
  bytesDone: number;
  bytesTotal: number;
  ingested: number;
  duplicates: number;
  rejected: number;
}

export interface IngestOptions {
  store: Store;
  /**
   * Runs on each new document before it is stored; without it only the text is stored. 'default' is the
   * full pipeline (loadPipeline()), the only one worker threads can load; a Pipeline object runs in-thread.
   */
  pipeline?: Pipeline | 'default';
  /**
   * Worker threads that read and analyze; 0 (the default) does it all in this thread, without time budgets.
   * 'auto': one for inputs under a megabyte, else one per core (ingest() only; a session takes a number).
   */
  workers?: number | 'auto';
  /** A pool to use instead of starting one (kept open after the session: `rift watch` reuses it between passes). */
  pool?: WorkerPool;
  /** Documents per transaction. */
  batchSize?: number;
  limits?: Partial<IngestLimits>;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Corpus stages (stories, relationships) to bring up to date after each stored batch, with the ids of its
   * new documents. Only analysed documents are passed (a stage reads their stored analyses).
   */
  corpus?: readonly CorpusStage[];
  /** Clock, for reproducible tests. */
  now?: () => string;
}

export interface IngestSummary {
  ingested: number;
  duplicates: number;
  rejected: number;
  rejections: { ref: string; reason: string }[];
  /** Documents whose analysis failed: stored with their text, without extracted facts. */
  unanalyzed: { ref: string; reason: string }[];
  /** New documents in a language some stages are not built for: stored, searchable, partly analyzed. */
  partial: { ref: string; reason: string }[];
  /** Worker threads used (0: all in the calling thread). */
  workers: number;
  seconds: number;
}

/** Documents sent to a worker at a time: small enough to spread the work, large enough to keep messages few. */
const CHUNK_DOCUMENTS = 16;
/**
 * Characters of text in a chunk, in flight and waiting to be written, at most (a document over a limit
 * goes alone). Counts bound memory where document counts cannot: 16 documents may be 16 MB of text,
 * and each analysis is about five times its text in JSON.
 */
const CHUNK_CHARS = 2_000_000;
const IN_FLIGHT_CHARS = 4_000_000;
const BUFFERED_CHARS = 8_000_000;
/**
 * Heap of each ingest worker, in MB. V8 collects lazily below its limit: with 2 GB a worker's heap grew
 * about 30 MB a long document before a collection, to 300 MB and more. A document's analysis needs far
 * less (the pipeline about 60 MB of heap, a 200,000-character part some tens more); one that needs
 * more fails alone and is stored unanalysed (docs/decisions/0612).
 */
const WORKER_HEAP_MB = 384;

interface Analyzer {
  analyze(documents: Document[]): Promise<AnalyzeResult[]>;
}

interface Slot {
  ref: string;
  document: Document;
  analyze: boolean;
}

/**
 * One ingest: drafts in, documents out to the store, in the order they came. Reading and analysis may run
 * in worker threads; writing happens here, in batches of one transaction each, so the store never holds
 * half a batch and a run killed half-way and started again loses nothing and stores nothing twice.
 */
export class IngestSession {
  readonly summary: IngestSummary;
  readonly progress: IngestProgress = { bytesDone: 0, bytesTotal: 0, ingested: 0, duplicates: 0, rejected: 0 };
  readonly limits: IngestLimits;
  private readonly started = performance.now();
  private readonly batchSize: number;
  private readonly now: () => string;
  private pendingRejections: Rejection[] = [];
  private readonly seen = new Set<string>();
  private chunk: Slot[] = [];
  private chunkChars = 0;
  private readonly inFlight: { slots: Slot[]; chars: number; results: Promise<AnalyzeResult[]> }[] = [];
  private inFlightChars = 0;
  private writeBuffer: { slot: Slot; toStore: DocumentToStore; chars: number }[] = [];
  private bufferedChars = 0;
  private readonly maxInFlight: number;

  private constructor(
    private readonly options: IngestOptions,
    private readonly pool: WorkerPool | undefined,
    private readonly analyzer: Analyzer | undefined,
    private readonly ownsPool: boolean,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.batchSize = options.batchSize ?? 1000;
    this.now = options.now ?? (() => new Date().toISOString());
    // More chunks than the workers hold (JOBS_PER_WORKER each), so the pool always has the next one queued.
    this.maxInFlight = Math.max(2, (pool?.size ?? 0) * 10);
    this.summary = {
      ingested: 0, duplicates: 0, rejected: 0, rejections: [], unanalyzed: [], partial: [], workers: pool?.size ?? 0, seconds: 0,
    };
  }

  static async open(options: IngestOptions): Promise<IngestSession> {
    const workers = options.workers === 'auto' ? availableParallelism() : Math.max(0, Math.floor(options.workers ?? 0));
    const timeoutMs = options.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs;
    if (options.pool || workers > 0) {
      if (options.pipeline && options.pipeline !== 'default') {
        throw new Error("worker threads load their own pipeline: pass pipeline: 'default', or workers: 0 for a Pipeline object");
      }
      const pool = options.pool ?? new WorkerPool({ size: workers, analyze: options.pipeline === 'default', timeoutMs, maxHeapMb: WORKER_HEAP_MB });
      return new IngestSession(options, pool, options.pipeline ? pool : undefined, !options.pool);
    }
    const pipeline = options.pipeline === 'default' ? await loadPipeline() : options.pipeline;
    return new IngestSession(options, undefined, pipeline ? inThread(pipeline) : undefined, false);
  }

  /**
   * Bytes to drafts: in a worker (with the time budget) when there are workers, else here. JSON Lines and
   * plain text are read here even then: their readers are linear and cannot hang, and a large file read in
   * a worker would be held twice (there, and as the copy sent back).
   */
  read(request: ReadRequest): Promise<ReadOutcome> {
    if (!this.pool) return readRequest(request);
    const format = readerFor(request.name, request.bytes, request.contentType)?.format;
    return format === 'jsonl' || format === 'text' ? readRequest(request) : this.pool.read(request);
  }

  reject(ref: string, reason: string): void {
    this.summary.rejections.push({ ref, reason });
    this.pendingRejections.push({ ref, reason, at: this.now() });
    this.progress.rejected = this.summary.rejections.length;
  }

  /** Takes a reader's outcome: its rejections are recorded, its drafts become documents. `bytes`: the input's size, for progress. */
  async add(outcome: ReadOutcome, bytes = 0): Promise<void> {
    for (const r of outcome.rejections) this.reject(r.ref, r.reason);
    await this.addItems(outcome.items, bytes);
  }

  async addItems(items: ReadItem[], bytes = 0): Promise<void> {
    if (items.some((i) => i.draft.text.length > this.limits.maxDocumentChars)) {
      items = items.flatMap((item) => splitIntoParts(item, this.limits.maxDocumentChars));
    }
    const base = this.progress.bytesDone;
    let arrived: { ref: string; document: Document }[] = [];
    let arrivedChars = 0;
    for (let i = 0; i < items.length; i++) {
      const { ref, draft } = items[i];
      this.progress.bytesDone = base + Math.round((bytes * i) / items.length);
      if (draft.text.trim().length < this.limits.minChars) {
        this.reject(ref, 'empty: no text');
        continue;
      }
      const document = newDocument(draft, { ref, retrievedAt: this.now() });
      arrived.push({ ref, document });
      arrivedChars += document.text.length;
      if (arrived.length >= CHUNK_DOCUMENTS || arrivedChars >= CHUNK_CHARS) {
        await this.admit(arrived);
        arrived = [];
        arrivedChars = 0;
      }
    }
    await this.admit(arrived);
    this.progress.bytesDone = base + bytes;
    this.options.onProgress?.(this.progress);
  }

  /** Documents to the next chunk; those neither seen in this session nor stored (one query for all) are analyzed. */
  private async admit(arrived: { ref: string; document: Document }[]): Promise<void> {
    if (!arrived.length) return;
    const unseen = arrived.map((a) => a.document.id).filter((id) => !this.seen.has(id));
    const stored = unseen.length ? await this.options.store.documents.existing(unseen) : new Set<string>();
    for (const { ref, document } of arrived) {
      const isNew = !this.seen.has(document.id) && !stored.has(document.id);
      this.seen.add(document.id);
      // New documents get their language settled: by the analyzer (in parallel) when there is one, else here.
      if (isNew && !this.analyzer) await settleLanguage(document);
      this.chunk.push({ ref, document, analyze: isNew && this.analyzer !== undefined });
      this.chunkChars += document.text.length;
      if (this.chunk.length >= CHUNK_DOCUMENTS || this.chunkChars >= CHUNK_CHARS) await this.dispatch();
    }
  }

  /** Writes everything still pending, stops the workers, and returns the summary. */
  async finish(): Promise<IngestSummary> {
    try {
      await this.dispatch();
      while (this.inFlight.length) await this.drainOne();
      while (this.writeBuffer.length) await this.flush();
      await this.flush(); // rejections recorded after the last documents
    } finally {
      if (this.ownsPool) await this.pool?.close();
    }
    this.options.onProgress?.(this.progress);
    this.summary.rejected = this.summary.rejections.length;
    this.summary.seconds = Number(((performance.now() - this.started) / 1000).toFixed(3));
    return this.summary;
  }

  /** Stops the workers without writing what is pending (after an error). */
  async abort(): Promise<void> {
    if (this.ownsPool) await this.pool?.close();
  }

  private async dispatch(): Promise<void> {
    if (!this.chunk.length) return;
    const slots = this.chunk;
    const chars = this.chunkChars;
    this.chunk = [];
    this.chunkChars = 0;
    const toAnalyze = slots.filter((s) => s.analyze).map((s) => s.document);
    const results = toAnalyze.length ? this.analyzer!.analyze(toAnalyze) : Promise.resolve([]);
    this.inFlight.push({ slots, chars, results });
    this.inFlightChars += chars;
    while (this.inFlight.length > this.maxInFlight || (this.inFlight.length > 1 && this.inFlightChars > IN_FLIGHT_CHARS)) await this.drainOne();
  }

  /** The oldest chunk in flight, once analyzed, joins the write buffer: documents are written in input order. */
  private async drainOne(): Promise<void> {
    const { slots, chars, results } = this.inFlight.shift()!;
    this.inFlightChars -= chars;
    const analyses = await results;
    let k = 0;
    for (const slot of slots) {
      let toStore: DocumentToStore = { document: slot.document };
      if (slot.analyze) {
        const result = analyses[k++];
        const document = slot.document;
        // The analyzer may have worked on a copy (in a worker): take the language it settled.
        if (result.language) document.language = result.language;
        if (result.extra) document.extra = result.extra;
        if ('error' in result) this.summary.unanalyzed.push({ ref: slot.ref, reason: result.error });
        else {
          if (result.partial) this.summary.partial.push({ ref: slot.ref, reason: result.partial });
          toStore = { document, analysis: result.analysis };
        }
      }
      const size = slot.document.text.length + (toStore.analysis?.layers.length ?? 0);
      this.writeBuffer.push({ slot, toStore, chars: size });
      this.bufferedChars += size;
    }
    while (this.writeBuffer.length >= this.batchSize || (this.writeBuffer.length && this.bufferedChars > BUFFERED_CHARS)) await this.flush();
  }

  private async flush(): Promise<void> {
    const { store } = this.options;
    if (this.pendingRejections.length) {
      await store.documents.recordRejections(this.pendingRejections);
      this.pendingRejections = [];
    }
    if (!this.writeBuffer.length) return;
    const batch = this.writeBuffer.splice(0, this.batchSize);
    for (const b of batch) this.bufferedChars -= b.chars;
    const written = await store.documents.put(batch.map((b) => b.toStore));
    const analysed: string[] = [];
    for (const [k, result] of written.entries()) {
      if (result.status === 'ingested') {
        this.summary.ingested++;
        if (batch[k]!.toStore.analysis) analysed.push(result.id);
      } else this.summary.duplicates++;
    }
    batch.length = 0; // its texts and analyses are garbage now
    collectGarbageIfGrown();
    if (analysed.length) for (const stage of this.options.corpus ?? []) await stage.update({ documentIds: analysed }, store);
    this.progress.ingested = this.summary.ingested;
    this.progress.duplicates = this.summary.duplicates;
    this.options.onProgress?.(this.progress);
  }
}

function inThread(pipeline: Pipeline): Analyzer {
  return {
    async analyze(documents) {
      const results: AnalyzeResult[] = [];
      for (const document of documents) results.push(await analyzeDocument(document, () => pipeline));
      return results;
    },
  };
}
