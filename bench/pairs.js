// Events between RUS and CHN (either direction, countries rolled up) in 2024, over a store holding
// Reuters-21578, the BBC articles and the news corpus. Issue 10: under 50 ms.
export default {
  name: 'pairs',
  issue: 10,
  needs: ['data/news/reuters21578.jsonl', 'data/news/bbc_fulltext_2225.jsonl', 'corpus/news/articles.jsonl'],
  args: [
    'bench', 'pairs', '{shared}/data/news/reuters21578.jsonl', '{shared}/data/news/bbc_fulltext_2225.jsonl',
    '{shared}/corpus/news/articles.jsonl', '--a', 'RUS', '--b', 'CHN', '--from', '2024-01-01', '--to', '2024-12-31', '--json',
  ],
  bars: [{ path: 'p99Ms', max: 50, label: 'p99 ms, events between RUS and CHN in 2024 (issue 10)' }],
  report: ['store', 'documents', 'storedEvents', 'events', 'medianMs'],
};
