// A million synthetic events (ten years, ten per document) read into the dyad series, then RUS–CHN's monthly
// series over the ten years, and batches of 1,000 new events read in. Issue 12: under 100 ms and under 1 s.
export default {
  name: 'dyads',
  issue: 12,
  args: ['bench', 'dyads', '--events', '1000000', '--json'],
  bars: [
    { path: 'series.p99Ms', max: 100, label: 'p99 ms, a pair\'s monthly series over ten years, 1M events (issue 12)' },
    { path: 'update.medianMs', max: 1000, label: 'median ms, a batch of 1,000 new events read into the series (issue 12)' },
  ],
  report: ['store', 'events', 'series.points', 'series.pairEvents', 'series.medianMs', 'update.maxMs', 'fillStoreSeconds', 'fillStageSeconds'],
};
