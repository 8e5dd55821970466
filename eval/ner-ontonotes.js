// Named entities on OntoNotes 5 dev (the recognizer picks its epochs on it; the test split is kept
// out of ../shared), all eighteen types, exact spans as conlleval. Issue 15's goal is F1 ≥ 0.86; the
// bar is what the shipped model reaches, 0.819 (see docs/decisions/0110-ontonotes-entity-types.md).
const TYPES = ['PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE', 'DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL'];
export default {
  name: 'ner-ontonotes',
  issue: 15,
  needs: ['data/ner/ontonotes/dev.bio'],
  args: ['eval', 'ner', '{shared}/data/ner/ontonotes/dev.bio', '--json'],
  bars: [{ path: 'f1', min: 0.81, label: 'OntoNotes 5 dev F1, 18 types' }],
  report: ['precision', 'recall', ...TYPES.map((t) => `types.${t}.f1`)],
};
