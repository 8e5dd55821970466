// The `dyads` benchmark over PostgreSQL (a throwaway server on loopback). Issue 12: under 100 ms and under 1 s.
export default {
  name: 'dyads-postgres',
  issue: 12,
  postgres: true,
  args: ['bench', 'dyads', '--events', '1000000', '--db', '{postgres}', '--json'],
  bars: [
    { path: 'series.p99Ms', max: 100, label: 'p99 ms, a pair\'s monthly series over ten years, 1M events (issue 12)' },
    { path: 'update.medianMs', max: 1000, label: 'median ms, a batch of 1,000 new events read into the series (issue 12)' },
  ],
  report: ['store', 'events', 'series.points', 'series.pairEvents', 'series.medianMs', 'update.maxMs', 'fillStoreSeconds', 'fillStageSeconds'],
};
