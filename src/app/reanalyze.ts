import { availableParallelism } from 'node:os';
import type { Document } from '../model/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import type { StageRegistry } from '../pipeline/registry.js';
import type { CorpusStage } from '../pipeline/stage.js';
import type { Store } from '../store/index.js';
import type { EncodedAnalysis } from '../store/encoded-analysis.js';
import { analyzeDocument } from '../ingest/analyze.js';
import { DEFAULT_LIMITS } from '../ingest/limits.js';
import { WorkerPool } from '../ingest/workers/pool.js';
import type { AnalyzeResult } from '../ingest/workers/protocol.js';
import { loadPipeline } from './pipeline.js';
import { STAGES } from './stages.js';

export interface ReanalyzeProgress {
  /** Stale documents found, and how many of them are done (re-analysed or failed). */
  stale: number;
  done: number;
  failed: number;
}

export interface ReanalyzeOptions {
  store: Store;
  /** Only documents whose analysis another version of this document stage made (or that it should have run on and did not). */
  stage?: string;
  /** Documents re-analysed and written per transaction. */
  batchSize?: number;
  /** Worker threads; 0 runs the default pipeline in this thread. 'auto': one for a few documents, else one per core. */
  workers?: number | 'auto';
  /** Time budget per document's analysis in a worker (ms). */
  timeoutMs?: number;
  onProgress?: (progress: ReanalyzeProgress) => void;
  /** Corpus stages (stories, relationships) to bring up to date with each batch's new analyses. */
  corpus?: readonly CorpusStage[];
  /** The stages whose versions count (the default registry); workers always run the default pipeline. */
  registry?: StageRegistry;
}

export interface ReanalyzeSummary {
  /** Documents in the store. */
  documents: number;
  stale: number;
  reanalyzed: number;
  /** Documents whose new analysis failed: their stored analysis is left as it was. */
  failed: { id: string; reason: string }[];
  /** For each stage, how many stale documents it was stale for. */
  staleStages: Record<string, number>;
  stage?: string;
  workers: number;
  seconds: number;
}

/** Documents listed from the store at a time while looking for stale ones. */
const PAGE = 5000;
/** Documents sent to a worker at a time. */
const CHUNK = 16;

/**
 * The stages for which an analysis made with `stored` versions is stale, given the versions the document
 * would get now: those whose version differs, those that would run and did not, those that ran and no
 * longer would. No stored versions (no analysis, or one from before versions were recorded): every stage.
 */
export function staleStages(stored: Readonly<Record<string, string>> | undefined, current: Readonly<Record<string, string>>): string[] {
  if (!stored) return Object.keys(current);
  const stale = Object.keys(current).filter((name) => stored[name] !== current[name]);
  for (const name of Object.keys(stored)) if (!(name in current)) stale.push(name);
  return stale;
}

/**
 * Re-runs the pipeline on the stored documents whose analyses are stale (all stages, or one), in batches:
 * each batch's new analyses replace the old ones (rows, mentions, events, claims) in one transaction, so a
 * run stopped half-way leaves every document with one whole analysis, old or new, and the next run picks up
 * where it stopped.
 */
export async function reanalyze(options: ReanalyzeOptions): Promise<ReanalyzeSummary> {
  const started = performance.now();
  const registry = options.registry ?? STAGES;
  const { store, stage } = options;
  if (stage !== undefined) {
    const found = registry.get(stage);
    if (!found) throw new Error(`no stage named "${stage}" (document stages: ${registry.documentStages.map((s) => s.name).join(', ')})`);
    if (found.kind !== 'document') throw new Error(`"${stage}" is a corpus stage: reanalyze re-runs document stages`);
  }
  const summary: ReanalyzeSummary = { documents: 0, stale: 0, reanalyzed: 0, failed: [], staleStages: {}, stage, workers: 0, seconds: 0 };

  const staleIds: string[] = [];
  const currentByLanguage = new Map<string, Record<string, string>>();
  for (let afterId: string | undefined; ; ) {
    const rows = await store.analyses.versions({ after: afterId, limit: PAGE });
    if (!rows.length) break;
    for (const row of rows) {
      summary.documents++;
      const key = row.language ?? '';
      let current = currentByLanguage.get(key);
      if (!current) currentByLanguage.set(key, (current = registry.versionsFor(row.language)));
      const stale = staleStages(row.versions, current);
      if (stage !== undefined ? !stale.includes(stage) : !stale.length) continue;
      staleIds.push(row.id);
      for (const name of stale) summary.staleStages[name] = (summary.staleStages[name] ?? 0) + 1;
    }
    afterId = rows[rows.length - 1]!.id;
  }
  summary.stale = staleIds.length;
  const progress: ReanalyzeProgress = { stale: staleIds.length, done: 0, failed: 0 };
  options.onProgress?.(progress);
  if (!staleIds.length) return finish(summary, started);

  const wanted = options.workers ?? 0;
  const workers = wanted === 'auto' ? (staleIds.length < 50 ? 1 : availableParallelism()) : Math.max(0, Math.floor(wanted));
  const pool = workers > 0 ? new WorkerPool({ size: workers, analyze: true, timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs }) : undefined;
  summary.workers = pool?.size ?? 0;
  const pipeline: Pipeline | undefined = pool ? undefined : await loadPipeline();
  const analyze = (documents: Document[]): Promise<AnalyzeResult[]> =>
    pool ? pool.analyze(documents) : inThread(documents, pipeline!);
  const batchSize = Math.max(1, options.batchSize ?? 500);
  try {
    for (let b = 0; b < staleIds.length; b += batchSize) {
      const documents: Document[] = [];
      for (const id of staleIds.slice(b, b + batchSize)) {
        const document = await store.documents.get(id);
        if (document) documents.push(stripSources(document));
      }
      const replaced: EncodedAnalysis[] = [];
      const chunks: Promise<void>[] = [];
      for (let c = 0; c < documents.length; c += CHUNK) {
        const chunk = documents.slice(c, c + CHUNK);
        chunks.push(
          analyze(chunk).then((results) => {
            results.forEach((result, k) => {
              const id = chunk[k]!.id;
              if ('error' in result) {
                summary.failed.push({ id, reason: result.error });
                progress.failed++;
              } else replaced.push(result.analysis);
            });
            progress.done += chunk.length;
            options.onProgress?.(progress);
          }),
        );
      }
      await Promise.all(chunks);
      await store.analyses.replace(replaced);
      const ids = replaced.map((a) => a.docId);
      if (ids.length) for (const corpusStage of options.corpus ?? []) await corpusStage.update({ documentIds: ids }, store);
      summary.reanalyzed += replaced.length;
    }
  } finally {
    await pool?.close();
  }
  return finish(summary, started);
}

function finish(summary: ReanalyzeSummary, started: number): ReanalyzeSummary {
  summary.seconds = Number(((performance.now() - started) / 1000).toFixed(3));
  return summary;
}

/** A stored document as the pipeline takes it (its list of sources stays in the store). */
function stripSources(stored: Document & { sources?: unknown }): Document {
  const { sources: _sources, ...document } = stored;
  return document;
}

async function inThread(documents: Document[], pipeline: Pipeline): Promise<AnalyzeResult[]> {
  const results: AnalyzeResult[] = [];
  for (const document of documents) results.push(await analyzeDocument(document, () => pipeline));
  return results;
}
