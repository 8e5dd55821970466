import { createHash } from 'node:crypto';
import type { PeriodKind, RiftAlert, RiftPoint } from '../model/index.js';
import type { DyadEventRecord, DyadSeriesRow, Store } from '../store/index.js';
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

/** Pairs (in alphabetical order, keyed "A|B") and the periods of each to evaluate at one resolution. */
export type TouchedPairs = ReadonlyMap<string, { pair: [string, string]; periods: Set<string> }>;

export interface AlertOptions {
  by: PeriodKind;
  rule: AlertRule;
  params: RiftParameters;
  now: string;
}

/** Re-evaluates the given periods of country pairs, reading their public and private cells in one query. */
export async function evaluateAlerts(store: Store, touched: TouchedPairs, options: AlertOptions): Promise<AlertOutcome> {
  const keys = new Set<string>();
  const periods = new Set<string>();
  for (const { pair, periods: ps } of touched.values()) {
    keys.add(pair[0]);
    keys.add(pair[1]);
    for (const p of ps) periods.add(p);
  }
  const rows = await store.relationships.seriesAmong({ by: options.by, keys: [...keys], periods: [...periods], channels: ['public', 'private'] });
  return decideAlerts(store, touched, rows, options);
}

/**
 * Decides the given periods of country pairs from their public and private cells (both directions): a rift that
 * crosses the rule becomes (or stays) an alert with its evidence on each side; one that no longer does
 * withdraws the alert it had. Rows of other pairs or periods are ignored.
 */
export async function decideAlerts(store: Store, touched: TouchedPairs, rows: readonly DyadSeriesRow[], options: AlertOptions): Promise<AlertOutcome> {
  const byPair = new Map<string, DyadSeriesRow[]>();
  for (const r of rows) {
    if (r.by !== options.by) continue;
    const key = r.source < r.target ? `${r.source}|${r.target}` : `${r.target}|${r.source}`;
    const list = byPair.get(key);
    if (list) list.push(r);
    else byPair.set(key, [r]);
  }
  const raised: RiftAlert[] = [];
  const withdraw: string[] = [];
  for (const [key, { pair, periods }] of touched) {
    const rifts = new Map(riftsOf(byPair.get(key) ?? [], options.params).map((r) => [r.period, r]));
    for (const period of [...periods].sort()) {
      const rift = rifts.get(period);
      const id = alertId(pair, options.by, period);
      const alert = rift && crosses(rift, options.rule) ? await alertFor(store, pair, options.by, rift, id, options.now) : undefined;
      if (alert && alert.documents.public >= options.rule.minDocuments && alert.documents.private >= options.rule.minDocuments) raised.push(alert.alert);
      else withdraw.push(id);
    }
  }
  if (raised.length) await store.relationships.putAlerts(raised);
  const withdrawn = withdraw.length ? await store.relationships.withdrawAlerts(withdraw, options.now) : 0;
  return { raised, withdrawn };
}

/** Events read per side of a candidate alert: the evidence listed, and the documents counted. */
const EVENTS_READ_PER_SIDE = 200;

/** Distinct documents among counted events: an event reported in several is from at least that many. */
function documentsOf(events: readonly DyadEventRecord[]): number {
  const docs = new Set(events.map((e) => e.docId));
  return Math.max(docs.size, ...events.map((e) => e.documents), 0);
}

/** An alert for a rift, with the events that pull each side its way, and how many documents each side rests on. */
async function alertFor(
  store: Store, pair: [string, string], by: PeriodKind, rift: RiftPoint, id: string, now: string,
): Promise<{ alert: RiftAlert; documents: { public: number; private: number } }> {
  const [first, last] = periodRange(by, rift.period)!;
  const warmerInPublic = rift.score > 0;
  const side = async (channel: 'public' | 'private', order: 'cooperative' | 'hostile') => {
    const events = await store.relationships.events({
      a: pair[0], b: pair[1], from: isoDay(first), to: isoDay(last), channels: [channel], order, limit: EVENTS_READ_PER_SIDE,
    });
    return { evidence: await toEvidence(store, distinctEvents(events, EVIDENCE_PER_SIDE)), documents: documentsOf(events) };
  };
  const pub = await side('public', warmerInPublic ? 'cooperative' : 'hostile');
  const priv = await side('private', warmerInPublic ? 'hostile' : 'cooperative');
  const [a, b] = [...pair].sort() as [string, string];
  return {
    alert: {
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
      public: pub.evidence,
      private: priv.evidence,
      createdAt: now,
      updatedAt: now,
    },
    documents: { public: pub.documents, private: priv.documents },
  };
}
