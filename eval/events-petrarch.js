// PETRARCH2's unit-test records, coded with their own (fictional) Validate dictionaries from the parse trees' words and tags.
// Measured: exact precision 0.855, recall 0.872 (issue 15's bar: 0.85 each).
export default {
  name: 'events-petrarch',
  issue: 5,
  needs: [
    'data/events/petrarch2/PETR.UnitTest.records.xml',
    'data/events/petrarch2/PETR.Validate.verbs.txt',
    'data/events/petrarch2/PETR.Validate.actors.txt',
    'data/events/petrarch2/PETR.Validate.agents.txt',
    'data/events/petrarch2/PETR.Validate.discards.txt',
  ],
  args: [
    'eval',
    'events',
    '{shared}/data/events/petrarch2/PETR.UnitTest.records.xml',
    '--verbs',
    '{shared}/data/events/petrarch2/PETR.Validate.verbs.txt',
    '--actors',
    '{shared}/data/events/petrarch2/PETR.Validate.actors.txt',
    '--agents',
    '{shared}/data/events/petrarch2/PETR.Validate.agents.txt',
    '--discards',
    '{shared}/data/events/petrarch2/PETR.Validate.discards.txt',
    '--json',
  ],
  bars: [
    { path: 'exact.precision', min: 0.85, label: 'exact (source, target, code) precision' },
    { path: 'exact.recall', min: 0.85, label: 'exact (source, target, code) recall' },
  ],
  report: ['exact.f1', 'root'],
};
