import type {
  Analysis, Channel, Document, DocumentSource, PeriodKind, QuadClass, QuadCounts, Rejection, RelationshipChannel, RiftAlert, TimeBasis,
} from '../model/index.js';
import type { EncodedAnalysis } from './encoded-analysis.js';

export type PutStatus = 'ingested' | 'duplicate';

export interface PutResult {
  id: string;
  status: PutStatus;
}

export interface DocumentToStore {
  document: Document;
  /** Its analysis, encoded by encodeAnalysis() (where it was made: see EncodedAnalysis). */
  analysis?: EncodedAnalysis;
}

export interface StoredDocument extends Document {
  sources: DocumentSource[];
}

export interface DocumentSummary {
  id: string;
  title?: string;
  outlet?: string;
  url?: string;
  publishedAt?: string;
  language?: string;
  chars: number;
}

export interface SearchHit extends DocumentSummary {
  /** Text around the matches; matched terms are wrapped in the markers passed to search(). */
  snippet: string;
  rank: number;
}

export interface SearchOptions {
  limit?: number;
  /** Markers around matched terms in snippets. */
  highlight?: [string, string];
}

/** The stored layers of an analysis: everything but the token table, which is cheap to recompute. */
export type StoredAnalysis = Omit<Analysis, 'document' | 'tokens' | 'pos'>;

/** One stored mention of an actor, with the document it is in. */
export interface ActorMentionRow {
  docId: string;
  start: number;
  end: number;
  kind: string;
  text: string;
  title?: string;
  publishedAt?: string;
}

export interface StoreStats {
  documents: number;
  sources: number;
  rejections: number;
  mentions: number;
  events: number;
}

/** What `rift watch` remembers of a feed between polls. */
export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Keys (guid, id or link) of the items already taken, newest poll first. */
  seen: string[];
  checkedAt: string;
}

/** Events between two actors (or countries), either direction, whose time overlaps an interval. */
export interface PairQuery {
  a: string;
  b: string;
  /** Match `a` and `b` as countries (RUS takes RUSGOV, RUSSPY…) rather than as exact actor codes. */
  byCountry?: boolean;
  /** Inclusive ISO dates; open when absent. */
  from?: string;
  to?: string;
  limit?: number;
}

/** One stored event, as queries return it. */
export interface StoredEvent {
  id: string;
  docId: string;
  start: number;
  end: number;
  sources: string[];
  targets: string[];
  ploverType: string;
  ploverMode?: string;
  cameo: string;
  goldstein: number;
  quadClass: number;
  modality: string;
  time?: { from: string; to: string; precision?: string; basis?: string };
  confidence: number;
}

/** Documents: texts, their sources, rejections and full-text search. */
export interface DocumentPort {
  /** Stores a batch in one transaction: all of it or none. A known text gains a source and counts as a duplicate. */
  put(batch: DocumentToStore[]): Promise<PutResult[]>;
  /** Which of these ids are stored: one round trip for a batch. */
  existing(ids: readonly string[]): Promise<Set<string>>;
  get(id: string): Promise<StoredDocument | undefined>;
  /** Ids that start with a prefix, so users can type the first few characters of one. */
  findIds(prefix: string, limit?: number): Promise<string[]>;
  list(options?: { limit?: number; offset?: number }): Promise<DocumentSummary[]>;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  recordRejections(rejections: Rejection[]): Promise<void>;
  listRejections(options?: { limit?: number }): Promise<Rejection[]>;
}

/** Analyses made by other stage versions than `versions` (all stages, or only `stage`), in document id order. */
export interface StaleQuery {
  versions: Record<string, string>;
  stage?: string;
  /** Ids after this one (paging). */
  after?: string;
  limit?: number;
}

/** Analyses: the stored layers of each document, and the tables queried across documents. */
export interface AnalysisPort {
  get(docId: string): Promise<StoredAnalysis | undefined>;
  /** Where the store mentions an actor (mentions.actor_id), newest documents first. */
  actorMentions(actorId: string, options?: { limit?: number }): Promise<ActorMentionRow[]>;
  /** Events between two actors, either direction, in time order. */
  eventsBetween(query: PairQuery): Promise<StoredEvent[]>;
  /** Ids of documents whose stored analysis is stale. */
  stale(query: StaleQuery): Promise<string[]>;
  countStale(query: StaleQuery): Promise<number>;
  /** Replaces the analyses of stored documents, in one transaction. */
  replace(analyses: EncodedAnalysis[]): Promise<void>;
}

/** Feed polling state (`rift watch`). */
export interface FeedPort {
  get(url: string): Promise<FeedState | undefined>;
  put(state: FeedState): Promise<void>;
}

/** An actor of an event with the country it rolls up to. */
export interface EventActorRef {
  code: string;
  country?: string;
}

/** A claim about an event, as the relationships stage reads it. */
export interface DyadSourceClaim {
  id: string;
  speaker: string;
  channel: Channel;
  certainty: number;
  icd: string;
  /** Admiralty grade ("B2"), once claims carry one. */
  admiralty?: string;
}

/** A stored event with what the relationships stage needs to count it. */
export interface DyadSourceEvent {
  id: string;
  docId: string;
  start: number;
  end: number;
  ploverType: string;
  cameo: string;
  goldstein: number;
  quadClass: number;
  modality: string;
  confidence: number;
  time?: { from: string; to: string; precision?: string; basis?: string };
  sources: EventActorRef[];
  targets: EventActorRef[];
  claims: DyadSourceClaim[];
}

/** A document the relationships stage reads: its date (the report time) and its analysis' signature. */
export interface DyadSourceDocument {
  id: string;
  signature: string;
  /** YYYY-MM-DD: the document date every stage reads, else the day of its publication date. */
  day?: string;
  /** Where `day` came from: published, given, feed, or assumed (the retrieval day). */
  daySource?: string;
}

export interface DyadSources {
  documents: DyadSourceDocument[];
  events: DyadSourceEvent[];
}

/** One report of an event for one ordered pair of keys (an actor code, its sector or its country). */
export interface DyadMention {
  /** Identity of the event reported: reports with the same fingerprint count once. */
  fingerprint: string;
  source: string;
  target: string;
  channel: RelationshipChannel;
  ploverType: string;
  cameo: string;
  quadClass: QuadClass;
  goldstein: number;
  weight: number;
  /** Inclusive ISO days. */
  timeFrom: string;
  timeTo: string;
  basis: TimeBasis;
  precision?: string;
  reportDay?: string;
  eventId: string;
  docId: string;
  start: number;
  end: number;
  claim?: { id: string; speaker: string; channel: Channel; certainty: number; icd: string };
}

/** The counted unit: one event for a pair and channel, with the fields of its strongest report. */
export interface DyadEventRecord extends DyadMention {
  mentions: number;
  documents: number;
}

/** Sums a series point is computed from: each is additive, so events are added and taken away. */
export interface DyadSums {
  events: number;
  quad: QuadCounts;
  goldsteinSum: number;
  weightSum: number;
  weightedSum: number;
  weightedSquares: number;
  byReport: number;
}

export interface DyadSeriesRow extends DyadSums {
  source: string;
  target: string;
  by: PeriodKind;
  period: string;
  channel: RelationshipChannel;
}

/** A pair's series, both directions, at one resolution; `from`/`to` are period keys, inclusive. */
export interface DyadSeriesQuery {
  a: string;
  b: string;
  by: PeriodKind;
  from?: string;
  to?: string;
  channels?: readonly RelationshipChannel[];
}

/** A pair's counted events, both directions, whose time overlaps [from, to] (ISO days). */
export interface DyadEventQuery {
  a: string;
  b: string;
  from?: string;
  to?: string;
  channels?: readonly RelationshipChannel[];
  /** strongest: largest |weight × Goldstein| first; cooperative: highest weight × Goldstein first; hostile: lowest first; time: oldest first. */
  order?: 'strongest' | 'cooperative' | 'hostile' | 'time';
  limit?: number;
}

export interface AlertQuery {
  /** Only alerts for this pair (either order). */
  pair?: [string, string];
  /** Include acknowledged (and withdrawn) alerts; by default only open ones. */
  all?: boolean;
  limit?: number;
}

/** A document as evidence shows it. */
export interface EvidenceDocument {
  id: string;
  text: string;
  outlet?: string;
  title?: string;
  day?: string;
}

/** The writes of one relationships update, in one transaction (see RelationshipPort.write). */
export interface DyadWriter {
  /** Records the stage's version and takes the write lock first, so two updates never interleave. */
  begin(name: string, version: string, at: string): Promise<void>;
  fingerprintsOfDocuments(docIds: readonly string[]): Promise<string[]>;
  deleteMentionsOfDocuments(docIds: readonly string[]): Promise<void>;
  insertMentions(mentions: readonly DyadMention[]): Promise<void>;
  mentions(fingerprints: readonly string[]): Promise<DyadMention[]>;
  events(fingerprints: readonly string[]): Promise<DyadEventRecord[]>;
  putEvents(events: readonly DyadEventRecord[]): Promise<void>;
  deleteEvents(fingerprints: readonly string[]): Promise<void>;
  /** Adds each row's sums to its cell (a negative sum takes an event away); with `returning`, gives back the cells' new sums. */
  addToSeries(rows: readonly DyadSeriesRow[], returning?: boolean): Promise<DyadSeriesRow[]>;
  markRead(documents: readonly { id: string; signature: string }[]): Promise<void>;
  /** Empties the mentions, events, series and read documents (a rebuild); alerts are kept. */
  clear(): Promise<void>;
}

/** Relationships: dyad series by channel, and rift alerts (src/relationships fills them). */
export interface RelationshipPort {
  /** The events, claims and dates of these documents, for the relationships stage. */
  sources(docIds: readonly string[]): Promise<DyadSources>;
  /** Documents with an analysis the stage has not read, in id order. */
  pending(options?: { after?: string; limit?: number }): Promise<string[]>;
  countPending(): Promise<number>;
  state(name: string): Promise<{ version: string; updatedAt: string } | undefined>;
  /** Runs one update's writes in a transaction: all of them or none. */
  write<T>(work: (writer: DyadWriter) => Promise<T>): Promise<T>;
  series(query: DyadSeriesQuery): Promise<DyadSeriesRow[]>;
  /** Rows at one resolution whose source and target are both among `keys`, in the given periods: many pairs' cells in one query. */
  seriesAmong(query: { by: PeriodKind; keys: readonly string[]; periods: readonly string[]; channels?: readonly RelationshipChannel[] }): Promise<DyadSeriesRow[]>;
  events(query: DyadEventQuery): Promise<DyadEventRecord[]>;
  /** Every report of one counted event. */
  reports(fingerprint: string): Promise<DyadMention[]>;
  evidenceDocuments(ids: readonly string[]): Promise<EvidenceDocument[]>;
  /** Stores alerts: new ones as they are, known ones updated (their acknowledgement kept, a withdrawal lifted). */
  putAlerts(alerts: readonly RiftAlert[]): Promise<void>;
  /** Marks alerts as withdrawn (kept for the record); returns how many were open. */
  withdrawAlerts(ids: readonly string[], at: string): Promise<number>;
  alerts(query?: AlertQuery): Promise<RiftAlert[]>;
  /** Alert ids that start with a prefix. */
  findAlertIds(prefix: string, limit?: number): Promise<string[]>;
  /** Acknowledges an alert; false when there is no such alert. */
  acknowledgeAlert(id: string, at: string, by?: string): Promise<boolean>;
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * The one interface over the embedded SQLite store and the PostgreSQL one, split by concern.
 * Asynchronous so that a networked backend implements it as it is.
 */
export interface Store {
  /** The file path or the URL (without its password) the store was opened at. */
  readonly location: string;
  readonly dialect: Dialect;
  readonly documents: DocumentPort;
  readonly analyses: AnalysisPort;
  readonly feeds: FeedPort;
  readonly relationships: RelationshipPort;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
