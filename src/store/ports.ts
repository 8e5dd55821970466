import type { Analysis, Document, DocumentSource, Rejection } from '../model/index.js';
import type { EncodedAnalysis } from './encoded-analysis.js';
import type { StoryPort } from './stories.js';
import type { RelationshipPort } from './relationship-ports.js';

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
  /** What to call the document in a list: its title, else its first line (the same as its brief's heading). */
  heading: string;
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

export interface SearchOptions extends PageOptions {
  /** Markers around matched terms in snippets. */
  highlight?: [string, string];
}

export interface SearchResults {
  /** Every document that matches, not just this page of them. */
  total: number;
  /** This page, best matches first. */
  hits: SearchHit[];
}

/** A page of rows: at most `limit` of them after the first `offset` (checked by checkPage, see paging.ts). */
export interface PageOptions {
  /** A whole number from 0 to MAX_PAGE_LIMIT. */
  limit?: number;
  /** A whole number from 0 to Number.MAX_SAFE_INTEGER: best matches (or newest documents) to skip. */
  offset?: number;
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
  /** Newest first. Throws RangeError for a limit or offset out of range. */
  list(options?: PageOptions): Promise<DocumentSummary[]>;
  /**
   * Full-text search, best matches first, with the number of all matches (see fts-query.ts for what a
   * query may say). Throws SearchQueryError for a query with nothing to search for, RangeError for a bad page.
   */
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  recordRejections(rejections: Rejection[]): Promise<void>;
  listRejections(options?: { limit?: number }): Promise<Rejection[]>;
}

/** A stored document with what `rift reanalyze` needs to tell whether its analysis is stale. */
export interface AnalysisVersionsRow {
  id: string;
  language?: string;
  /** Stage name → version of its stored analysis; undefined when it has none. */
  versions?: Record<string, string>;
}

/** Analyses: the stored layers of each document, and the tables queried across documents. */
export interface AnalysisPort {
  get(docId: string): Promise<StoredAnalysis | undefined>;
  /** Where the store mentions an actor (mentions.actor_id), newest documents first. */
  actorMentions(actorId: string, options?: { limit?: number }): Promise<ActorMentionRow[]>;
  /** Events between two actors, either direction, in time order. */
  eventsBetween(query: PairQuery): Promise<StoredEvent[]>;
  /** Every document in id order after `after`, with the stage versions of its stored analysis. */
  versions(options?: { after?: string; limit?: number }): Promise<AnalysisVersionsRow[]>;
  /** Replaces the analyses of stored documents, in one transaction. */
  replace(analyses: EncodedAnalysis[]): Promise<void>;
}

/** Feed polling state (`rift watch`). */
export interface FeedPort {
  get(url: string): Promise<FeedState | undefined>;
  put(state: FeedState): Promise<void>;
}

export type * from './stories.js';

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
  /** Stories: which documents tell one story, which are copies, and the facts fused across them. */
  readonly stories: StoryPort;
  readonly relationships: RelationshipPort;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
