// End-to-end ingest of Reuters-21578 (read → NLP → actors → events → store, into a temporary database)
// with one worker thread, then a re-ingest where nothing changed.
// Issue 6 targets: ≥ 1 MB/s per core (the issue's "about 250 articles/s"), peak RSS ≤ 1 GB. The bars
// below are what the current pipeline reaches on the shared 2-core machine; docsPerCpuSecond does not
// depend on how busy the machine is, the wall-clock rates do.
export default {
  name: 'ingest',
  issue: 6,
  needs: ['data/news/reuters21578.jsonl'],
  args: ['bench', 'ingest', '{shared}/data/news/reuters21578.jsonl', '--workers', '1', '--json'],
  bars: [
    { path: 'docsPerCpuSecond', min: 200, label: 'documents per CPU-second (issue: about 250 articles/s per core)' },
    { path: 'mbPerSecondPerCore', min: 0.1, label: 'MB/s per core, 1 worker (issue target 1.0)' },
    { path: 'peakRssMB', max: 1024, label: 'peak RSS, MB' },
  ],
  report: ['docsPerSecond', 'mbPerSecond', 'reingestSeconds', 'cpuSeconds', 'documents', 'unanalyzed', 'partial'],
};
