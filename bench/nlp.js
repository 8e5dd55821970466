// Language-core speed: tokenize + sentences + part of speech + entities over the first 3,000
// Reuters-21578 texts (2.4 MB), in CPU seconds of one process (one JavaScript thread does the work),
// with the same texts through compromise in the same run. Beside it, the Russian and Chinese reports of the
// news corpus through the whole pipeline their documents get (tokens, sentences, values, actors, events).
export default {
  name: 'nlp',
  issue: 3,
  needs: ['data/news/reuters21578.jsonl', 'corpus/news/articles.jsonl'],
  args: [
    'bench', 'nlp', '{shared}/data/news/reuters21578.jsonl', '--limit', '3000', '--json',
    '--languages', 'ru,zh', '--language-texts', '{shared}/corpus/news/articles.jsonl',
  ],
  bars: [
    { path: 'tokensPerSecond', min: 250000, label: 'tokens per CPU second, one core' },
    { path: 'loadSeconds', max: 1, label: 'model load (CPU seconds)' },
    { path: 'modelMB', max: 30, label: 'model on disk (MB)' },
    { path: 'vsCompromise', min: 1, label: 'MB/s relative to compromise' },
  ],
  report: [
    'mbPerSecond', 'peakRssMB', 'wallSeconds', 'loadWallSeconds', 'compromise.mbPerSecond',
    'languages.ru.tokensPerSecond', 'languages.ru.charactersPerSecond', 'languages.zh.tokensPerSecond', 'languages.zh.charactersPerSecond',
  ],
};
