// The worker thread of AnalysisWorker (analysis-worker.ts): runs POST /api/analyze's analyses off the
// server's event loop, and writes each answer as JSON here too, so that the server thread only passes a
// string on. The pipeline is loaded on the first request.
import { parentPort } from 'node:worker_threads';
import { getPriority, setPriority } from 'node:os';
import type { Pipeline } from '../pipeline/index.js';
import type { AnalyzeRequest } from './analyze-request.js';

export type ToAnalysisThread = { id: number; request: AnalyzeRequest; maxItems: number; windowChars?: number };
export type FromAnalysisThread = { id: number; started: true } | { id: number; json: string } | { id: number; error: string };

const port = parentPort;
let pipeline: Promise<Pipeline> | undefined;

// Analysis is background work: on a busy machine the server's own thread, which answers every other
// request, goes first. (On Linux a nice value is per thread: this lowers only this one's, by 10.)
try {
  setPriority(Math.min(19, getPriority() + 10));
} catch {
  // not permitted here: run at the server's priority
}

async function answer({ id, request, maxItems, windowChars }: ToAnalysisThread): Promise<FromAnalysisThread> {
  const [{ loadPipeline }, { analyzeInWindows }, { analysisToJson }, { makeDocument }, { pageLayers }] = await Promise.all([
    import('../app/pipeline.js'),
    import('../pipeline/windows.js'),
    import('../pipeline/serialize.js'),
    import('../app/document-factory.js'),
    import('./pages.js'),
  ]);
  const loaded = await (pipeline ??= loadPipeline());
  port!.postMessage({ id, started: true } satisfies FromAnalysisThread);
  const document = await makeDocument(
    { text: request.text, format: 'text', title: request.title, publishedAt: request.publishedAt },
    { ref: 'api', retrievedAt: new Date().toISOString(), date: request.publishedAt, language: request.language },
  );
  const analysis = analyzeInWindows(loaded, document, windowChars);
  const paged = pageLayers(analysisToJson(analysis) as object, 0, maxItems, (next) => `ingest the text to page through the rest (GET /api/documents/{id}/analysis?offset=${next})`);
  return { id, json: JSON.stringify(paged) };
}

if (port) {
  // One request at a time, in order: the server sends the next only after this one's answer.
  port.on('message', (message: ToAnalysisThread) => {
    answer(message).then(
      (reply) => port.postMessage(reply),
      (err: unknown) => port.postMessage({ id: message.id, error: (err as Error)?.message ?? String(err) } satisfies FromAnalysisThread),
    );
  });
}
