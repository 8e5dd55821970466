// npm run build && node scripts/output-hashes.js [limit] [repo-root]
//
// For speed work that must not change what Rift extracts: runs the built pipeline (<repo-root>/dist,
// this checkout by default) over the seed article, the shared news corpus and the first <limit>
// Reuters-21578 texts (3,000 by default), and prints the CPU seconds of each stage and a hash of each
// output layer. Run it before and after a change: the same hashes mean the same output. Stage times are
// the process's CPU time (steadier than wall time on a busy machine) and include V8's helper threads.
import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const limit = Number(process.argv[2] ?? 3000);
const root = resolve(process.argv[3] ?? fileURLToPath(new URL('..', import.meta.url)));
const shared = resolve(process.env.RIFT_SHARED ?? join(root, '../shared'));
const LAYERS = ['tokens', 'pos', 'sentences', 'mentions', 'quantities', 'times', 'resolutions', 'actors', 'events', 'claims', 'provenance'];

// Builds from before the stage registry (src/app) load the pipeline from src/pipeline and run stages without a run context.
const core = await import(join(root, 'dist/src/pipeline/index.js'));
const app = existsSync(join(root, 'dist/src/app/pipeline.js')) ? await import(join(root, 'dist/src/app/pipeline.js')) : core;
const { emptyAnalysis } = core;
const newRun = () => (core.DocumentRun ? new core.DocumentRun() : undefined);
const { settleLanguage } = await import(join(root, 'dist/src/ingest/language.js'));

const loadStarted = performance.now();
const pipeline = await app.loadPipeline();
const loadSeconds = (performance.now() - loadStarted) / 1000;

const jsonLines = (path) => readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const texts = [
  readFileSync(join(shared, 'corpus/seed-leaked-fsb-memo-article.txt'), 'utf8'),
  ...jsonLines(join(shared, 'corpus/news/articles.jsonl')).map((r) => r.text ?? r.body ?? ''),
  ...jsonLines(join(shared, 'data/news/reuters21578.jsonl')).slice(0, limit).map((r) => r.body ?? ''),
].filter((text) => text.trim().length > 20);
const documents = texts.map((text, i) => ({
  id: `d${i}`, text, format: 'text', publishedAt: '2025-06-01T00:00:00Z', date: { day: '2025-06-01', source: 'given' }, retrievedAt: '', source: { ref: '', retrievedAt: '' },
}));
for (const document of documents) await settleLanguage(document);

const cpuMs = new Map();
const hashes = new Map(LAYERS.map((layer) => [layer, createHash('sha256')]));
const asJson = (_key, value) => (ArrayBuffer.isView(value) ? Array.from(value) : value);
let bytes = 0;
for (const document of documents) {
  bytes += Buffer.byteLength(document.text);
  const analysis = emptyAnalysis(document);
  const run = newRun();
  for (const stage of (pipeline.stagesFor ?? pipeline.componentsFor).call(pipeline, document.language)) {
    const started = process.cpuUsage();
    stage.run(analysis, run);
    const used = process.cpuUsage(started);
    cpuMs.set(stage.name, (cpuMs.get(stage.name) ?? 0) + (used.user + used.system) / 1000);
    analysis.stages.push(stage.name);
  }
  for (const layer of LAYERS) hashes.get(layer).update(JSON.stringify(analysis[layer], asJson) + '\n');
}

let totalMs = 0;
for (const ms of cpuMs.values()) totalMs += ms;
console.log(`${documents.length} docs, ${(bytes / 1e6).toFixed(2)} MB, load ${loadSeconds.toFixed(2)} s, stages ${(totalMs / 1000).toFixed(2)} s => ${(bytes / 1e6 / (totalMs / 1000)).toFixed(3)} MB/s`);
for (const [stage, ms] of cpuMs) console.log('  time', stage.padEnd(12), (ms / 1000).toFixed(3), 's');
for (const [layer, hash] of hashes) console.log('  hash', layer.padEnd(12), hash.digest('hex').slice(0, 16));
