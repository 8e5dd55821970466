// Actors in the non-English reports of the news corpus (Italian, French, German, Spanish, Polish, Czech,
// Ukrainian, Russian, Chinese, Japanese, Hindi, Gujarati, Portuguese, Romanian, Hungarian, Turkish, Dutch,
// Indonesian): the share of the story's key actors (China, Russia, Beijing and Moscow as governments,
// Putin, Xi) each report names that resolve, with each report in the language the pipeline detects. The
// expectations were written by reading the reports (test/fixtures/actors/corpus-languages.json). Issue 17
// asks for them wherever named; the bar leaves room for one miss in twenty (measured 1.0: 213 of 213).
export default {
  name: 'actor-languages',
  issue: 17,
  needs: ['corpus/news/articles.jsonl'],
  args: ['eval', 'actor-languages', '{shared}/corpus/news/articles.jsonl', '--expected', 'test/fixtures/actors/corpus-languages.json', '--json'],
  bars: [{ path: 'share', min: 0.95, label: 'key actors named in non-English reports that resolve' }],
  report: ['found', 'expected', 'unexpected', 'missed', 'extra'],
};
