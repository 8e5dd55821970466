// PLOVER gold records (older labels mapped), coded by the whole language + actors + event-coder chain.
// Measured: type accuracy 0.792, actor-span match 0.754 (issue 15's bar for type accuracy is 0.80: not reached yet).
export default {
  name: 'events-plover',
  issue: 5,
  needs: ['data/events/plover/PLOVER_GSR_CAMEO.txt'],
  args: ['eval', 'events', '{shared}/data/events/plover/PLOVER_GSR_CAMEO.txt', '--json'],
  bars: [
    { path: 'typeAccuracy', min: 0.79, label: 'PLOVER event-type accuracy' },
    { path: 'actorSpanMatch', min: 0.75, label: 'PLOVER actor-span match' },
  ],
  report: ['exact', 'root'],
};
