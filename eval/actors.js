// Document-level actor tagging on Reuters-21578 (1987): the countries and people each article names,
// read with the roles people held on the article's date, against the gold `places` and `people` tags.
export default {
  name: 'actors',
  issue: 4,
  needs: ['data/news/reuters21578.jsonl'],
  args: ['eval', 'actors', '{shared}/data/news/reuters21578.jsonl', '--json'],
  bars: [
    { path: 'countries.f1', min: 0.8, label: 'country F1, articles with gold places' },
    { path: 'people.f1', min: 0.75, label: 'people F1, articles with gold people' },
  ],
  report: ['countries.precision', 'countries.recall', 'people.precision', 'people.recall', 'countriesHomeDefault.f1'],
};
