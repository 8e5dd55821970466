import type {
  Channel, PeriodKind, QuadClass, QuadCounts, RelationshipChannel, RiftAlert, TimeBasis,
} from '../model/index.js';

/* The relationships stage's port (src/relationships): dyad series by channel, and rift alerts. */

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

/** A document the relationships stage reads: its date (the report time) and the stage versions of its analysis. */
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
