// Hedge cues on the Szeged uncertainty corpus, news part (FactBank sentences), exact span match.
// The model is trained on the Wikipedia part only (scripts/train/40-hedges.js); measured F1 0.711.
export default {
  name: 'hedges',
  issue: 5,
  needs: ['data/hedge/szeged_uncertainty_factbank.jsonl'],
  args: ['eval', 'hedges', '{shared}/data/hedge/szeged_uncertainty_factbank.jsonl', '--json'],
  bars: [{ path: 'f1', min: 0.7, label: 'hedge cue F1 (exact span) on Szeged news' }],
  report: ['precision', 'recall', 'truePositives', 'falsePositives', 'falseNegatives'],
};
