// Stories on the corpus's news reports: B-cubed against `topic`, and copies against `syndication_group`.
// Issue 11 asks B-cubed F1 ≥ 0.85; measured 0.69 (precision 0.79, recall 0.61): the bar holds what we
// reach so that a regression fails, and the gap to 0.85 is open work (docs/decisions/1100-stories.md).
// Duplicates: measured precision 1.0, recall 0.75 (15 of 20 pairs; the missed ones are machine paraphrases).
export default {
  name: 'stories',
  issue: 11,
  needs: ['corpus/news/articles.jsonl'],
  args: ['eval', 'stories', '{shared}/corpus/news/articles.jsonl', '--gold', 'topic', '--json'],
  bars: [
    { path: 'bcubed.f1', min: 0.65, label: 'stories B-cubed F1 against topic' },
    { path: 'duplicates.precision', min: 0.95, label: 'copies: pairwise precision against syndication_group' },
    { path: 'duplicates.f1', min: 0.8, label: 'copies: pairwise F1 against syndication_group' },
    { path: 'largest.englishInOneStory', min: 0.9, label: 'FSB memo: share of its English reports in one story' },
  ],
  report: ['bcubed', 'duplicates', 'stories', 'largest'],
};
