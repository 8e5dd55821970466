// /api/health latency, asked every 5 ms from another process, while `rift serve` analyses a text of
// 2,000,000 characters (the API's limit), then while eight texts of 1,000,000 are posted at once.
// Issue 16 target: p99 under 50 ms (analyses run in a worker thread: docs/decisions/0613).
export default {
  name: 'serve-health',
  issue: 16,
  needs: ['data/news/reuters21578.jsonl'],
  args: ['bench', 'serve-health', '{shared}/data/news/reuters21578.jsonl', '--chars', '2000000', '--json'],
  bars: [{ path: 'p99Ms', max: 50, label: '/api/health p99 during a 2,000,000-character analysis, ms (issue 16)' }],
  report: ['p50Ms', 'maxMs', 'samples', 'analysisSeconds', 'analysisStatus', 'answerMB', 'concurrent'],
};
