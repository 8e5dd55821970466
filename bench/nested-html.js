// Time to ingest an HTML page of 10,000 nested <div> (read, analysed, stored; the pipeline loaded
// beforehand). Readability over such a tree used to take minutes; pages of a shape no article has now go
// to the cheap text converter (docs/decisions/0614). Issue 16 target: under 2 s. coldWorkerSeconds is the
// same ingest in a fresh worker thread, model loading included, as `rift ingest` runs it.
export default {
  name: 'nested-html',
  issue: 16,
  needs: [],
  args: ['bench', 'nested-html', '--depth', '10000', '--json'],
  bars: [{ path: 'seconds', max: 2, label: 'ingest of a page nested 10,000 deep, s (issue 16)' }],
  report: ['readSeconds', 'coldWorkerSeconds', 'reader', 'textChars', 'bytes'],
};
