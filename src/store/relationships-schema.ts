import type { Selectable } from 'kysely';

/** The relationships stage's tables (src/relationships; created by migration 0006). */
export interface RelationshipTables {
  dyad_mentions: DyadMentionsTable;
  dyad_events: DyadEventsTable;
  dyad_series: DyadSeriesTable;
  dyad_documents: DyadDocumentsTable;
  rift_alerts: RiftAlertsTable;
  relationship_state: RelationshipStateTable;
}

/** The columns an event's report and its counted unit share (see src/relationships). */
interface DyadEventColumns {
  /** Identity of the counted event: reports with the same one are copies of one event. */
  fingerprint: string;
  /** Ordered pair of keys: actor codes, or their rolled-up sector (RUSSPY) or country (RUS). */
  source: string;
  target: string;
  /** public | private | assessment | journalist */
  channel: string;
  plover_type: string;
  cameo: string;
  quad_class: number;
  goldstein: number;
  /** Claim certainty × credibility, 0..1. */
  weight: number;
  /** Inclusive ISO days: the event's time, or the document's date when basis is 'report'. */
  time_from: string;
  time_to: string;
  basis: string;
  precision: string | null;
  /** The document's date. */
  report_day: string | null;
  event_id: string;
  doc_id: string;
  start: number;
  end: number;
  claim_id: string | null;
  speaker: string | null;
  claim_channel: string | null;
  certainty: number | null;
  icd: string | null;
}

/** One report of an event for one ordered pair of keys (an event between RUSSPY and CHNGOV has four: actor, sector and country pairs). */
export type DyadMentionsTable = DyadEventColumns;

/** The counted unit: one event for a pair and channel, however many documents report it; its columns are its strongest report's. */
export interface DyadEventsTable extends DyadEventColumns {
  mentions: number;
  documents: number;
}

/** Sums per ordered pair, resolution, period and channel, kept up to date by adding and subtracting events. */
export interface DyadSeriesTable {
  source: string;
  target: string;
  /** day | week | month | quarter */
  period_kind: string;
  period: string;
  channel: string;
  /** Distinct events; fractional where an event's interval is spread over periods. */
  events: number;
  verbal_cooperation: number;
  material_cooperation: number;
  verbal_conflict: number;
  material_conflict: number;
  goldstein_sum: number;
  weight_sum: number;
  /** Σ weight × goldstein and Σ weight × goldstein²: weighted mean and variance. */
  weighted_sum: number;
  weighted_squares: number;
  /** The part of `events` placed by the document's date. */
  by_report: number;
}

/** Documents the relationships stage has read, with the stage versions (JSON) of the analysis it read. */
export interface DyadDocumentsTable {
  doc_id: string;
  signature: string;
}

export interface RiftAlertsTable {
  id: string;
  /** The pair, in alphabetical order. */
  a: string;
  b: string;
  period_kind: string;
  period: string;
  score: number;
  low: number;
  high: number;
  probability: number;
  /** JSON: { publicSide, privateSide, public: evidence[], private: evidence[] }. */
  detail: string;
  created_at: string;
  updated_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  withdrawn_at: string | null;
}

/** One row per corpus stage: the version that built its tables, and when it last ran. */
export interface RelationshipStateTable {
  name: string;
  version: string;
  updated_at: string;
}

export type DyadMentionRow = Selectable<DyadMentionsTable>;
export type DyadEventRow = Selectable<DyadEventsTable>;
export type DyadSeriesRow = Selectable<DyadSeriesTable>;
export type RiftAlertRow = Selectable<RiftAlertsTable>;
