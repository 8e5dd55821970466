import type { Channel, PeriodKind, QuadClass, RelationshipChannel, RiftAlert, TimeBasis } from '../model/index.js';
import type { DyadEventRow, DyadMentionRow, DyadMentionsTable, DyadSeriesRow as SeriesTableRow, RiftAlertRow, RiftAlertsTable } from './relationships-schema.js';
import type { DyadEventRecord, DyadMention, DyadSeriesRow } from './relationship-ports.js';
import { orUndefined } from './rows.js';

// Rows of the relationships tables to model objects and back.

export function mentionRow(m: DyadMention): DyadMentionsTable {
  return {
    fingerprint: m.fingerprint,
    source: m.source,
    target: m.target,
    channel: m.channel,
    plover_type: m.ploverType,
    cameo: m.cameo,
    quad_class: m.quadClass,
    goldstein: m.goldstein,
    weight: m.weight,
    time_from: m.timeFrom,
    time_to: m.timeTo,
    basis: m.basis,
    precision: m.precision ?? null,
    report_day: m.reportDay ?? null,
    event_id: m.eventId,
    doc_id: m.docId,
    start: m.start,
    end: m.end,
    claim_id: m.claim?.id ?? null,
    speaker: m.claim?.speaker ?? null,
    claim_channel: m.claim?.channel ?? null,
    certainty: m.claim?.certainty ?? null,
    icd: m.claim?.icd ?? null,
  };
}

export function toMention(r: DyadMentionRow): DyadMention {
  return {
    fingerprint: r.fingerprint,
    source: r.source,
    target: r.target,
    channel: r.channel as RelationshipChannel,
    ploverType: r.plover_type,
    cameo: r.cameo,
    quadClass: r.quad_class as QuadClass,
    goldstein: Number(r.goldstein),
    weight: Number(r.weight),
    timeFrom: r.time_from,
    timeTo: r.time_to,
    basis: r.basis as TimeBasis,
    precision: orUndefined(r.precision),
    reportDay: orUndefined(r.report_day),
    eventId: r.event_id,
    docId: r.doc_id,
    start: r.start,
    end: r.end,
    claim: r.claim_id === null
      ? undefined
      : { id: r.claim_id, speaker: r.speaker ?? '', channel: (r.claim_channel ?? 'journalist') as Channel, certainty: Number(r.certainty ?? 0), icd: r.icd ?? '' },
  };
}

export function dyadEventRow(e: DyadEventRecord): DyadEventRow {
  return { ...mentionRow(e), mentions: e.mentions, documents: e.documents };
}

export function toDyadEvent(r: DyadEventRow): DyadEventRecord {
  return { ...toMention(r), mentions: Number(r.mentions), documents: Number(r.documents) };
}

export function seriesRow(s: DyadSeriesRow): SeriesTableRow {
  return {
    source: s.source,
    target: s.target,
    period_kind: s.by,
    period: s.period,
    channel: s.channel,
    events: s.events,
    verbal_cooperation: s.quad.verbalCooperation,
    material_cooperation: s.quad.materialCooperation,
    verbal_conflict: s.quad.verbalConflict,
    material_conflict: s.quad.materialConflict,
    goldstein_sum: s.goldsteinSum,
    weight_sum: s.weightSum,
    weighted_sum: s.weightedSum,
    weighted_squares: s.weightedSquares,
    by_report: s.byReport,
  };
}

export function toSeriesRow(r: SeriesTableRow): DyadSeriesRow {
  return {
    source: r.source,
    target: r.target,
    by: r.period_kind as PeriodKind,
    period: r.period,
    channel: r.channel as RelationshipChannel,
    events: Number(r.events),
    quad: {
      verbalCooperation: Number(r.verbal_cooperation),
      materialCooperation: Number(r.material_cooperation),
      verbalConflict: Number(r.verbal_conflict),
      materialConflict: Number(r.material_conflict),
    },
    goldsteinSum: Number(r.goldstein_sum),
    weightSum: Number(r.weight_sum),
    weightedSum: Number(r.weighted_sum),
    weightedSquares: Number(r.weighted_squares),
    byReport: Number(r.by_report),
  };
}

type AlertDetail = Pick<RiftAlert, 'publicSide' | 'privateSide' | 'public' | 'private'>;

export function alertRow(a: RiftAlert): RiftAlertsTable {
  const [x, y] = [...a.pair].sort();
  const detail: AlertDetail = { publicSide: a.publicSide, privateSide: a.privateSide, public: a.public, private: a.private };
  return {
    id: a.id,
    a: x,
    b: y,
    period_kind: a.by,
    period: a.period,
    score: a.score,
    low: a.low,
    high: a.high,
    probability: a.probability,
    detail: JSON.stringify(detail),
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    acknowledged_at: a.acknowledgedAt ?? null,
    acknowledged_by: a.acknowledgedBy ?? null,
    withdrawn_at: a.withdrawnAt ?? null,
  };
}

export function toAlert(r: RiftAlertRow): RiftAlert {
  const detail = JSON.parse(r.detail) as AlertDetail;
  return {
    id: r.id,
    pair: [r.a, r.b],
    by: r.period_kind as PeriodKind,
    period: r.period,
    score: Number(r.score),
    low: Number(r.low),
    high: Number(r.high),
    probability: Number(r.probability),
    publicSide: detail.publicSide,
    privateSide: detail.privateSide,
    public: detail.public,
    private: detail.private,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    acknowledgedAt: orUndefined(r.acknowledged_at),
    acknowledgedBy: orUndefined(r.acknowledged_by),
    withdrawnAt: orUndefined(r.withdrawn_at),
  };
}
