import type { Document } from '../model/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { analyzeInWindows } from '../pipeline/windows.js';
import { settleLanguage } from './language.js';
import { encodeAnalysis } from '../store/encoded-analysis.js';
import type { AnalyzeResult } from './workers/protocol.js';

/**
 * One new document through the pipeline, the same way in a worker and in the calling thread: its language
 * settled first, then the analysis by the stages built for that language (the others are named in
 * `extra.extraction`), encoded for the store, or the error that stopped it. Never throws.
 */
export async function analyzeDocument(document: Document, pipeline: () => Pipeline | Promise<Pipeline>): Promise<AnalyzeResult> {
  try {
    await settleLanguage(document);
  } catch (err) {
    return { error: `language detection failed: ${(err as Error).message}` };
  }
  try {
    const loaded = await pipeline();
    const skipped = loaded.skippedFor(document.language);
    const builtFor = [...new Set(skipped.flatMap((c) => c.languages ?? []))].join(', ');
    const partial = skipped.length
      ? `language "${document.language}": stored, searchable, actors resolved; skipped ${skipped.map((c) => c.name).join(', ')} (built for ${builtFor})`
      : undefined;
    if (partial) document.extra = { ...document.extra, extraction: `partial: ${partial}` };
    const analysis = encodeAnalysis(analyzeInWindows(loaded, document, undefined, { tokens: false }));
    return { language: document.language, extra: document.extra, analysis, partial };
  } catch (err) {
    return { language: document.language, extra: document.extra, error: (err as Error).message };
  }
}
