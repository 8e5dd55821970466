import { RELATIONSHIP_CHANNELS, type DyadEvidence, type DyadPoint, type PeriodKind, type RelationshipChannel, type RiftAlert, type RiftPoint } from '../model/index.js';
import type { DyadSeriesRow, Store } from '../store/index.js';
import { isoDay, parseDateBound, periodOf, periodRange } from './periods.js';
import { contribute, STORED_KINDS, toPoint } from './series.js';
import { riftsOf } from './alerts.js';
import { DEFAULT_RIFT, type RiftParameters } from './rift.js';
import { distinctEvents, toEvidence } from './evidence.js';

export interface DyadQuery {
  a: string;
  b: string;
  by: PeriodKind;
  /** As a user types them: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Www. */
  from?: string;
  to?: string;
}

/** What `rift dyad --json` prints. */
export interface DyadSeriesReport {
  pair: [string, string];
  by: PeriodKind;
  from?: string;
  to?: string;
  series: DyadPoint[];
  rift: RiftPoint[];
}

export interface DyadReport extends DyadSeriesReport {
  alerts: RiftAlert[];
  /** The events that weigh most on each channel in the interval. */
  evidence: Partial<Record<RelationshipChannel, DyadEvidence[]>>;
}

export class DyadQueryError extends Error {}

/** Codes typed in lower case (rus, chnspy) are CAMEO codes; slugs (ares-leaks) stay as typed. */
export function normalizeKey(typed: string): string {
  const s = typed.trim();
  return /^[A-Za-z]{3}(?:[A-Za-z]{3})*$/.test(s) ? s.toUpperCase() : s;
}

/** The first and last period keys a query's bounds name. */
export function periodBounds(q: Pick<DyadQuery, 'by' | 'from' | 'to'>): { from?: string; to?: string; fromDay?: number; toDay?: number } {
  const bound = (text: string | undefined, side: 'start' | 'end') => {
    if (text === undefined) return undefined;
    const day = parseDateBound(text, side);
    if (day === undefined) throw new DyadQueryError(`cannot read the date "${text}": use YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Www`);
    return day;
  };
  const fromDay = bound(q.from, 'start');
  const toDay = bound(q.to, 'end');
  if (fromDay !== undefined && toDay !== undefined && fromDay > toDay) throw new DyadQueryError(`--from ${q.from} is after --to ${q.to}`);
  return {
    from: fromDay === undefined ? undefined : periodOf(q.by, fromDay),
    to: toDay === undefined ? undefined : periodOf(q.by, toDay),
    fromDay,
    toDay,
  };
}

/** Whether an alert's period overlaps an interval of day numbers (open ends absent). */
export function overlaps(alert: Pick<RiftAlert, 'by' | 'period'>, fromDay?: number, toDay?: number): boolean {
  const range = periodRange(alert.by, alert.period);
  if (!range) return true;
  return (fromDay === undefined || range[1] >= fromDay) && (toDay === undefined || range[0] <= toDay);
}

const CHANNEL_ORDER = new Map(RELATIONSHIP_CHANNELS.map((c, i) => [c, i]));

/** A pair's series, both directions and every channel, with the rift per period: the query the benchmark times. */
export async function dyadSeries(store: Store, q: DyadQuery, params: RiftParameters = DEFAULT_RIFT): Promise<DyadSeriesReport> {
  const a = normalizeKey(q.a);
  const b = normalizeKey(q.b);
  if (!a || !b) throw new DyadQueryError('name two actors or countries, as codes (RUS CHN, RUSSPY CHNGOV)');
  if (a === b) throw new DyadQueryError(`a pair needs two different actors: ${a} and ${b}`);
  const bounds = periodBounds(q);
  const rows = STORED_KINDS.includes(q.by)
    ? await store.relationships.series({ a, b, by: q.by, from: bounds.from, to: bounds.to })
    : await summedFromEvents(store, a, b, q.by, bounds);
  const forward = `${a}->${b}`;
  const series = rows.map(toPoint).sort((x, y) =>
    (x.period < y.period ? -1 : x.period > y.period ? 1 : 0) ||
    (x.direction === y.direction ? 0 : x.direction === forward ? -1 : 1) ||
    CHANNEL_ORDER.get(x.channel)! - CHANNEL_ORDER.get(y.channel)!);
  return { pair: [a, b], by: q.by, from: bounds.from, to: bounds.to, series, rift: riftsOf(rows, params) };
}

/** Most counted events read to sum a day or week series: about ten years of a busy pair. */
const MAX_EVENTS_SUMMED = 500_000;

/** A day or week series summed from the pair's counted events (those resolutions are not kept summed). */
async function summedFromEvents(store: Store, a: string, b: string, by: PeriodKind, bounds: ReturnType<typeof periodBounds>): Promise<DyadSeriesRow[]> {
  const events = await store.relationships.events({
    a, b, order: 'time', limit: MAX_EVENTS_SUMMED,
    from: bounds.fromDay === undefined ? undefined : isoDay(bounds.fromDay),
    to: bounds.toDay === undefined ? undefined : isoDay(bounds.toDay),
  });
  const cells = new Map<string, DyadSeriesRow>();
  for (const e of events) contribute(e, 1, cells, [by]);
  return [...cells.values()].filter((c) => (bounds.from === undefined || c.period >= bounds.from) && (bounds.to === undefined || c.period <= bounds.to));
}

/** The series with the pair's alerts and the strongest evidence on each channel. */
export async function dyadReport(store: Store, q: DyadQuery, options: { evidence?: number; params?: RiftParameters } = {}): Promise<DyadReport> {
  const report = await dyadSeries(store, q, options.params);
  const [a, b] = report.pair;
  const bounds = periodBounds(q);
  const alerts = (await store.relationships.alerts({ pair: [a, b], all: true })).filter((x) => !x.withdrawnAt && overlaps(x, bounds.fromDay, bounds.toDay));
  const evidence: DyadReport['evidence'] = {};
  const limit = options.evidence ?? 3;
  if (limit > 0) {
    for (const channel of RELATIONSHIP_CHANNELS) {
      if (!report.series.some((p) => p.channel === channel)) continue;
      const events = await store.relationships.events({
        a, b, channels: [channel], order: 'strongest', limit: limit * 2,
        from: bounds.fromDay === undefined ? undefined : isoDay(bounds.fromDay),
        to: bounds.toDay === undefined ? undefined : isoDay(bounds.toDay),
      });
      evidence[channel] = await toEvidence(store, distinctEvents(events, limit));
    }
  }
  return { ...report, alerts, evidence };
}
