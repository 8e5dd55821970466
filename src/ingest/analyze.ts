import type { Document } from '../model/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { settleLanguage } from './language.js';
import type { AnalyzeResult } from './workers/protocol.js';

/**
 * One new document through the pipeline, the same way in a worker and in the calling thread: its language
 * settled first (a language Rift does not extract from skips the pipeline), then the analysis, or the
 * error that stopped it. Never throws.
 */
export async function analyzeDocument(document: Document, pipeline: () => Pipeline | Promise<Pipeline>): Promise<AnalyzeResult> {
  let skipped: string | undefined;
  try {
    skipped = await settleLanguage(document);
  } catch (err) {
    return { error: `language detection failed: ${(err as Error).message}` };
  }
  const settled = { language: document.language, extra: document.extra };
  if (skipped) return { ...settled, skipped };
  try {
    const { document: _omitted, ...analysis } = (await pipeline()).analyze(document);
    return { ...settled, analysis };
  } catch (err) {
    return { ...settled, error: (err as Error).message };
  }
}
