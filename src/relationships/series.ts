import type { DyadPoint, PeriodKind, QuadCounts } from '../model/index.js';
import type { DyadEventRecord, DyadMention, DyadSeriesRow, DyadSums } from '../store/index.js';
import { dayNumber, spread } from './periods.js';

// From reports to counted events to series sums, and from sums to the points a user reads.

/**
 * The counted event a fingerprint's reports make: one event, with the fields of its strongest report
 * (highest weight, then the earliest report, then the lowest ids: the same input gives the same pick).
 */
export function summarize(reports: readonly DyadMention[]): DyadEventRecord | undefined {
  let best: DyadMention | undefined;
  const documents = new Set<string>();
  for (const r of reports) {
    documents.add(r.docId);
    if (!best || stronger(r, best)) best = r;
  }
  return best && { ...best, mentions: reports.length, documents: documents.size };
}

function stronger(x: DyadMention, y: DyadMention): boolean {
  if (x.weight !== y.weight) return x.weight > y.weight;
  const [dx, dy] = [x.reportDay ?? '9999', y.reportDay ?? '9999'];
  if (dx !== dy) return dx < dy;
  if (x.docId !== y.docId) return x.docId < y.docId;
  return x.eventId < y.eventId;
}

export const emptySums = (): DyadSums => ({
  events: 0,
  quad: { verbalCooperation: 0, materialCooperation: 0, verbalConflict: 0, materialConflict: 0 },
  goldsteinSum: 0,
  weightSum: 0,
  weightedSum: 0,
  weightedSquares: 0,
  byReport: 0,
});

const QUAD_FIELDS: readonly (keyof QuadCounts)[] = ['verbalCooperation', 'materialCooperation', 'verbalConflict', 'materialConflict'];

/** Adds `share` of one event to sums (a negative share takes it away). */
export function addEvent(sums: DyadSums, e: Pick<DyadEventRecord, 'quadClass' | 'goldstein' | 'weight' | 'basis'>, share: number): void {
  sums.events += share;
  const field = QUAD_FIELDS[e.quadClass - 1];
  if (field) sums.quad[field] += share;
  sums.goldsteinSum += share * e.goldstein;
  sums.weightSum += share * e.weight;
  sums.weightedSum += share * e.weight * e.goldstein;
  sums.weightedSquares += share * e.weight * e.goldstein * e.goldstein;
  if (e.basis === 'report') sums.byReport += share;
}

export function addSums(into: DyadSums, from: DyadSums): void {
  into.events += from.events;
  for (const f of QUAD_FIELDS) into.quad[f] += from.quad[f];
  into.goldsteinSum += from.goldsteinSum;
  into.weightSum += from.weightSum;
  into.weightedSum += from.weightedSum;
  into.weightedSquares += from.weightedSquares;
  into.byReport += from.byReport;
}

/**
 * Resolutions kept summed in the store, so that a pair's series over years is a read of one key range whatever
 * the number of events. Days and weeks are summed from the counted events when asked for (decision 1200).
 */
export const STORED_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year'];

/**
 * Adds (sign 1) or takes away (sign −1) one counted event's share of each period it covers, at every
 * resolution, into cells keyed by pair, resolution, period and channel; sign 0 only marks its cells as touched
 * (its reports changed, not its count). An interval longer than
 * MAX_SPREAD periods of a resolution is left out of that resolution (a year is not 365 days' events).
 */
export function contribute(e: DyadEventRecord, sign: 1 | 0 | -1, cells: Map<string, DyadSeriesRow>, kinds: readonly PeriodKind[] = STORED_KINDS): void {
  const from = dayNumber(e.timeFrom);
  const to = dayNumber(e.timeTo);
  if (Number.isNaN(from) || Number.isNaN(to)) return;
  for (const by of kinds) {
    const parts = spread(by, from, to);
    if (!parts) continue;
    for (const { period, share } of parts) {
      const key = `${e.source}\u0000${e.target}\u0000${by}\u0000${period}\u0000${e.channel}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { source: e.source, target: e.target, by, period, channel: e.channel, ...emptySums() };
        cells.set(key, cell);
      }
      if (sign) addEvent(cell, e, sign * share);
    }
  }
}

const round = (n: number, digits = 3) => {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** A series point from its sums. */
export function toPoint(row: DyadSeriesRow): DyadPoint {
  const mean = row.events > 1e-9 ? row.goldsteinSum / row.events : 0;
  return {
    period: row.period,
    direction: `${row.source}->${row.target}`,
    channel: row.channel,
    events: round(row.events),
    quad: {
      verbalCooperation: round(row.quad.verbalCooperation),
      materialCooperation: round(row.quad.materialCooperation),
      verbalConflict: round(row.quad.verbalConflict),
      materialConflict: round(row.quad.materialConflict),
    },
    goldsteinMean: round(mean, 2),
    goldsteinWeighted: round(row.weightSum > 1e-9 ? row.weightedSum / row.weightSum : mean, 2),
    weight: round(row.weightSum),
    byReportTime: round(row.byReport),
  };
}
