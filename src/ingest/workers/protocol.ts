import type { Document } from '../../model/index.js';
import type { EncodedAnalysis } from '../../store/encoded-analysis.js';
import type { ReadOutcome } from '../readers/index.js';
import type { ReadRequest } from '../read.js';

/** What a worker is asked to do. A job has units (one per document to analyze; one for a read) answered one by one. */
export type Job = { kind: 'read'; request: ReadRequest } | { kind: 'analyze'; documents: Document[] };

/**
 * One document's outcome: its language as settled (detected when missing) with the `extra` that goes with
 * it, and the analysis encoded for the store (with why it is partial, when stages were left out for the
 * language), or the error.
 */
export type AnalyzeResult = { language?: string; extra?: Record<string, unknown> } & (
  | { analysis: EncodedAnalysis; partial?: string }
  | { error: string }
);

export type UnitValue = ReadOutcome | AnalyzeResult;

export type ToWorker = { id: number; job: Job };

export type FromWorker =
  | { ready: true }
  | { ready: false; error: string }
  | { id: number; unit: number; value: UnitValue }
  /** Sent once, before the first analysis: the pipeline is loaded (the time budget per document starts now). */
  | { id: number; loaded: true };

export interface WorkerSetup {
  /** Whether the worker may be asked to analyze (it loads the default pipeline on its first analyze job). */
  analyze: boolean;
}
