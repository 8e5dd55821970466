// End-to-end ingest of Reuters-21578 (read → NLP → actors → events → store, into a temporary database)
// with one worker thread, then a re-ingest where nothing changed.
// Issue 6 targets: ≥ 1 MB/s per core (MB of the JSON Lines file, MiB exactly), peak RSS ≤ 1 GB. The
// wall-clock rates depend on how busy the machine is; docsPerCpuSecond does not.
export default {
  name: 'ingest',
  issue: 6,
  needs: ['data/news/reuters21578.jsonl'],
  args: ['bench', 'ingest', '{shared}/data/news/reuters21578.jsonl', '--workers', '1', '--json'],
  bars: [
    { path: 'mbPerSecondPerCore', min: 1.0, label: 'MB/s per core, 1 worker (issue 6)' },
    { path: 'peakRssMB', max: 1024, label: 'peak RSS, MB (issue 6)' },
    { path: 'docsPerCpuSecond', min: 500, label: 'documents per CPU-second, all threads' },
  ],
  report: ['docsPerSecond', 'mbPerSecond', 'reingestSeconds', 'cpuSeconds', 'mainThreadBusySeconds', 'documents', 'unanalyzed', 'partial'],
};
