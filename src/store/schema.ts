import type { Generated, Insertable, Selectable } from 'kysely';
import type { RelationshipTables } from './relationships-schema.js';

/**
 * The tables, as Kysely sees them: one definition that types every query in both databases.
 * Column types are kept to text, integers and doubles so the same rows fit SQLite and PostgreSQL;
 * JSON is stored as text, dates and times as ISO 8601 text (which sorts as time does).
 */
export interface Database extends RelationshipTables {
  documents: DocumentsTable;
  document_sources: DocumentSourcesTable;
  rejections: RejectionsTable;
  analyses: AnalysesTable;
  mentions: MentionsTable;
  events: EventsTable;
  event_actors: EventActorsTable;
  claims: ClaimsTable;
  feed_state: FeedStateTable;
  stories: StoriesTable;
  story_members: StoryMembersTable;
  story_bands: StoryBandsTable;
  story_keys: StoryKeysTable;
  story_key_counts: StoryKeyCountsTable;
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
  /** The claim's Admiralty grade ("B2"); null in stores made before migration 0006 until re-analysed. */
  admiralty: string | null;
}

export interface FeedStateTable {
  url: string;
  etag: string | null;
  last_modified: string | null;
  /** JSON array of item keys. */
  seen: string;
  checked_at: string;
}

export interface StoriesTable {
  id: string;
  label: string;
  representative: string;
  documents: number;
  /** Independent reports: originals, not copies. */
  sources: number;
  /** JSON arrays. */
  outlets: string;
  languages: string;
  first_report: string | null;
  last_report: string | null;
  /** JSON: the fused facts (StoryFact[]), rewritten when the story gains reports. */
  facts: string;
}

/** One row per document in a story, with what later documents are matched against. */
export interface StoryMembersTable {
  doc_id: string;
  story_id: string;
  copy_of: string | null;
  match: string;
  score: number;
  outlet: string | null;
  language: string | null;
  day: string | null;
  /** Hash of the folded text (exact copies). */
  exact: string;
  /** The MinHash sketch, base64 (near-duplicates). */
  sketch: string;
  /** Norms of its indexed keys' weights, all keys and language-independent ones, to normalize overlaps. */
  weight: number;
  evidence_weight: number;
}

/** Locality-sensitive hashing bands of MinHash sketches: documents sharing a band are near-duplicate candidates. */
export interface StoryBandsTable {
  band: string;
  doc_id: string;
}

/** Evidence keys (actors, referenced documents, numbers, telling words) a document is indexed under. */
export interface StoryKeysTable {
  key: string;
  doc_id: string;
}

/** How many documents have each evidence key (indexed or not): the rarer a key, the more it tells. */
export interface StoryKeyCountsTable {
  key: string;
  n: number;
}

export type DocumentRow = Selectable<DocumentsTable>;
export type NewDocumentRow = Insertable<DocumentsTable>;
export type NewSourceRow = Insertable<DocumentSourcesTable>;
export type NewAnalysisRow = Insertable<AnalysesTable>;
export type NewMentionRow = Insertable<MentionsTable>;
export type NewEventRow = Insertable<EventsTable>;
export type NewEventActorRow = Insertable<EventActorsTable>;
export type NewClaimRow = Insertable<ClaimsTable>;
