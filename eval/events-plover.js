// PLOVER gold records (older labels mapped), coded by the whole language + actors + event-coder chain.
// Measured: type accuracy 0.745, actor-span match 0.773 (docs/decisions/0410-event-time-and-one-role-system.md).
export default {
  name: 'events-plover',
  issue: 5,
  needs: ['data/events/plover/PLOVER_GSR_CAMEO.txt'],
  args: ['eval', 'events', '{shared}/data/events/plover/PLOVER_GSR_CAMEO.txt', '--json'],
  bars: [
    { path: 'typeAccuracy', min: 0.7, label: 'PLOVER event-type accuracy' },
    { path: 'actorSpanMatch', min: 0.7, label: 'PLOVER actor-span match' },
  ],
  report: ['exact', 'root'],
};
