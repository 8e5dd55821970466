// The ingest benchmark into PostgreSQL (a throwaway server on loopback), beside `ingest` into SQLite:
// the same Reuters-21578 file, one worker thread. Issue 10: reported, documents per second.
export default {
  name: 'ingest-postgres',
  issue: 10,
  needs: ['data/news/reuters21578.jsonl'],
  postgres: true,
  args: ['bench', 'ingest', '{shared}/data/news/reuters21578.jsonl', '--workers', '1', '--db', '{postgres}', '--json'],
  bars: [{ path: 'peakRssMB', max: 1024, label: 'peak RSS, MB' }],
  report: ['store', 'docsPerSecond', 'docsPerCpuSecond', 'mainThreadBusySeconds', 'reingestSeconds', 'documents', 'events'],
};
