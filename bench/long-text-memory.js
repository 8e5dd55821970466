// Peak memory ingesting one 50 MB plain-text file (Reuters-21578 texts, repeated) with the full pipeline,
// as `rift ingest` runs it; then searches in that store. Issue 16 targets: peak RSS ≤ 1 GB, and no
// analysis timing out (the text is stored in parts of at most 200,000 characters:
// docs/decisions/0612).
export default {
  name: 'long-text',
  issue: 16,
  needs: ['data/news/reuters21578.jsonl'],
  args: ['bench', 'long-text', '{shared}/data/news/reuters21578.jsonl', '--mb', '50', '--json'],
  bars: [
    { path: 'peakRssMB', max: 1024, label: 'peak RSS ingesting a 50 MB text file, MB (issue 16)' },
    { path: 'unanalyzed', max: 0, label: 'parts whose analysis failed or timed out' },
    { path: 'slowestSearchCpuSeconds', max: 0.5, label: 'slowest of four searches in that store (20 hits with snippets), CPU s' },
  ],
  report: ['seconds', 'workers', 'documents', 'largestDocumentChars', 'slowestSearchSeconds', 'searches', 'getDocumentSeconds', 'mentions', 'events'],
};
