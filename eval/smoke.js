// The seed article runs through the whole pipeline and keeps the document's text intact.
export default {
  name: 'pipeline-smoke',
  issue: 2,
  needs: ['corpus/seed-leaked-fsb-memo-article.txt'],
  args: ['analyze', '{shared}/corpus/seed-leaked-fsb-memo-article.txt', '--json'],
  bars: [{ path: 'sentences.length', min: 10, label: 'sentences found in the seed article' }],
};
