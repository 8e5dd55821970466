import { createHash } from 'node:crypto';
import type { PeriodKind, RiftAlert, RiftPoint } from '../model/index.js';
import type { DyadSeriesRow, Store } from '../store/index.js';
import { countryOfCode } from '../store/index.js';
import { crosses, riftOf, type AlertRule, type RiftParameters } from './rift.js';
import { addSums, emptySums } from './series.js';
import { isoDay, periodRange } from './periods.js';
import { distinctEvents, toEvidence } from './evidence.js';

/** Events listed on each side of an alert. */
export const EVIDENCE_PER_SIDE = 5;

/** A pair and period an alert is about; the same one always gets the same id, so acknowledgements last. */
export function alertId(pair: readonly [string, string], by: PeriodKind, period: string): string {
  const [a, b] = [...pair].sort();
  return createHash('sha256').update(`${a}|${b}|${by}|${period}`).digest('hex').slice(0, 12);
}

/** Alerts are raised between countries: sectors and actors roll up to them, and one alert per pair is enough. */
export const isCountryKey = (key: string): boolean => key.length === 3 && countryOfCode(key) === key;

/** The rift of each period in a pair's rows (both directions pooled), for the periods where both channels have events. */
export function riftsOf(rows: readonly DyadSeriesRow[], params?: RiftParameters): RiftPoint[] {
  const byPeriod = new Map<string, { public: ReturnType<typeof emptySums>; private: ReturnType<typeof emptySums> }>();
  for (const r of rows) {
    if (r.channel !== 'public' && r.channel !== 'private') continue;
    let sides = byPeriod.get(r.period);
    if (!sides) byPeriod.set(r.period, (sides = { public: emptySums(), private: emptySums() }));
    addSums(sides[r.channel], r);
  }
  const out: RiftPoint[] = [];
  for (const [period, sides] of [...byPeriod].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (sides.public.events > 1e-9 && sides.private.events > 1e-9) out.push(riftOf(period, sides.public, sides.private, params));
  }
  return out;
}

export interface AlertOutcome {
  raised: RiftAlert[];
  withdrawn: number;
}

/**
 * Re-evaluates the given periods of country pairs: a rift that crosses the rule becomes (or stays) an
 * alert with its evidence on each side; one that no longer does withdraws the alert it had.
 */
export async function evaluateAlerts(
  store: Store,
  touched: ReadonlyMap<string, { pair: [string, string]; periods: Set<string> }>,
  options: { by: PeriodKind; rule: AlertRule; params: RiftParameters; now: string },
): Promise<AlertOutcome> {
  const raised: RiftAlert[] = [];
  const withdraw: string[] = [];
  for (const { pair, periods } of touched.values()) {
    const sorted = [...periods].sort();
    const rows = await store.relationships.series({
      a: pair[0], b: pair[1], by: options.by, from: sorted[0], to: sorted[sorted.length - 1], channels: ['public', 'private'],
    });
    const rifts = new Map(riftsOf(rows, options.params).map((r) => [r.period, r]));
    for (const period of sorted) {
      const rift = rifts.get(period);
      const id = alertId(pair, options.by, period);
      if (!rift || !crosses(rift, options.rule)) {
        withdraw.push(id);
        continue;
      }
      raised.push(await alertFor(store, pair, options.by, rift, id, options.now));
    }
  }
  if (raised.length) await store.relationships.putAlerts(raised);
  const withdrawn = withdraw.length ? await store.relationships.withdrawAlerts(withdraw, options.now) : 0;
  return { raised, withdrawn };
}

/** An alert for a rift, with the events that pull each side its way. */
async function alertFor(store: Store, pair: [string, string], by: PeriodKind, rift: RiftPoint, id: string, now: string): Promise<RiftAlert> {
  const [first, last] = periodRange(by, rift.period)!;
  const warmerInPublic = rift.score > 0;
  const side = async (channel: 'public' | 'private', order: 'cooperative' | 'hostile') =>
    toEvidence(store, distinctEvents(await store.relationships.events({
      a: pair[0], b: pair[1], from: isoDay(first), to: isoDay(last), channels: [channel], order, limit: EVIDENCE_PER_SIDE * 2,
    }), EVIDENCE_PER_SIDE));
  const [a, b] = [...pair].sort() as [string, string];
  return {
    id,
    pair: [a, b],
    by,
    period: rift.period,
    score: rift.score,
    low: rift.low,
    high: rift.high,
    probability: rift.probability,
    publicSide: rift.public,
    privateSide: rift.private,
    public: await side('public', warmerInPublic ? 'cooperative' : 'hostile'),
    private: await side('private', warmerInPublic ? 'hostile' : 'cooperative'),
    createdAt: now,
    updatedAt: now,
  };
}
