import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The tables, as Kysely sees them: one definition that types every query in both databases.
 * Column types are kept to text, integers and doubles so the same rows fit SQLite and PostgreSQL;
 * JSON is stored as text, dates and times as ISO 8601 text (which sorts as time does).
 */
export interface Database {
  documents: DocumentsTable;
  document_sources: DocumentSourcesTable;
  rejections: RejectionsTable;
  analyses: AnalysesTable;
  mentions: MentionsTable;
  events: EventsTable;
  event_actors: EventActorsTable;
  claims: ClaimsTable;
  feed_state: FeedStateTable;
  dyad_mentions: DyadMentionsTable;
  dyad_events: DyadEventsTable;
  dyad_series: DyadSeriesTable;
  dyad_documents: DyadDocumentsTable;
  rift_alerts: RiftAlertsTable;
  relationship_state: RelationshipStateTable;
}

export interface DocumentsTable {
  /** Insertion order: ties in date order, and the full-text index's row id in SQLite. */
  seq: Generated<number>;
  id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  published_at: string | null;
  /** The document date every stage read (YYYY-MM-DD), and where it came from. */
  date_day: string | null;
  date_source: string | null;
  retrieved_at: string;
  language: string | null;
  format: string;
  marking: string | null;
  story_id: string | null;
  duplicate_of: string | null;
  /** JSON object. */
  extra: string | null;
  text: string;
}

export interface DocumentSourcesTable {
  doc_id: string;
  ref: string;
  url: string | null;
  outlet: string | null;
  retrieved_at: string;
}

export interface RejectionsTable {
  seq: Generated<number>;
  ref: string;
  reason: string;
  at: string;
}

export interface AnalysesTable {
  doc_id: string;
  /** A hash of `versions`: equal signatures, equal stage versions. */
  signature: string;
  /** JSON: stage name → version of the stage that made this analysis. */
  versions: string;
  /** JSON: the stored layers (StoredAnalysis). */
  layers: string;
}

export interface MentionsTable {
  doc_id: string;
  start: number;
  end: number;
  kind: string;
  text: string;
  actor_id: string | null;
  confidence: number;
}

export interface EventsTable {
  id: string;
  doc_id: string;
  start: number;
  end: number;
  /** JSON arrays of actor codes, as the event lists them (event_actors has one row each, for queries). */
  sources: string;
  targets: string;
  plover_type: string;
  plover_mode: string | null;
  cameo: string;
  goldstein: number;
  quad_class: number;
  modality: string;
  time_from: string | null;
  time_to: string | null;
  time_precision: string | null;
  /** 'event' when the text dates the event, 'report' when the document's date stands in for it. */
  time_basis: string | null;
  confidence: number;
}

/** One row per actor of an event, so that "events between A and B from t1 to t2" reads two index ranges. */
export interface EventActorsTable {
  event_id: string;
  doc_id: string;
  actor_id: string;
  /** ISO 3166-1 alpha-3 of the actor (RUSSPY → RUS), when it has one: pairs roll up to countries. */
  country: string | null;
  role: 'source' | 'target';
  time_from: string | null;
  time_to: string | null;
}

export interface ClaimsTable {
  id: string;
  event_id: string;
  doc_id: string;
  speaker: string;
  channel: string;
  certainty: number;
  icd: string;
  start: number;
  end: number;
}

export interface FeedStateTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  /** JSON array of item keys. */
  seen: string;
  checked_at: string;
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

/** Documents the relationships stage has read, with the signature of the analysis it read. */
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

export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocumentRow = Insertable<DocumentsTable>;
export type NewSourceRow = Insertable<DocumentSourcesTable>;
export type NewAnalysisRow = Insertable<AnalysesTable>;
export type NewMentionRow = Insertable<MentionsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type NewEventActorRow = Insertable<EventActorsTable>;
export type NewClaimRow = Insertable<ClaimsTable>;
export type DyadMentionRow = Selectable<DyadMentionsTable>;
export type DyadEventRow = Selectable<DyadEventsTable>;
export type DyadSeriesRow = Selectable<DyadSeriesTable>;
export type RiftAlertRow = Selectable<RiftAlertsTable>;
