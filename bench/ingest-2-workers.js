// The same ingest with two worker threads, against one worker run in its own process (`--speedup`).
// Issue 6 target: 2 workers ≥ 1.7× one. Not barred: on a 2-core machine the main thread (reading,
// hashing, writing SQLite) and V8's compiler and GC threads need about a third of a core beside the
// workers, so two workers cannot reach 1.7× one there (see docs/decisions/0603). The CPU per document
// of the two runs (docsPerCpuSecond against oneWorker.docsPerCpuSecond) shows what a second worker costs.
export default {
  name: 'ingest-2-workers',
  issue: 6,
  needs: ['data/news/reuters21578.jsonl'],
  args: ['bench', 'ingest', '{shared}/data/news/reuters21578.jsonl', '--workers', '2', '--speedup', '--json'],
  bars: [
    { path: 'docsPerCpuSecond', min: 500, label: 'documents per CPU-second, all threads, 2 workers' },
    { path: 'peakRssMB', max: 1024, label: 'peak RSS, MB, 2 workers (issue 6)' },
  ],
  report: ['speedup', 'docsPerSecond', 'mbPerSecondPerCore', 'mainThreadBusySeconds', 'reingestSeconds', 'oneWorker.docsPerSecond', 'oneWorker.mbPerSecondPerCore', 'oneWorker.docsPerCpuSecond', 'oneWorker.peakRssMB'],
};
