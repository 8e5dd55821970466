import type { Analysis, Document, DocumentSource, Rejection } from '../model/index.js';
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

/** A stored document with what `rift reanalyze` needs to tell whether its analysis is stale. */
export interface AnalysisVersionsRow {
  id: string;
  language?: string;
  /** Stage name → version of its stored analysis; undefined when it has none, or one stored before versions were. */
  versions?: Record<string, string>;
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

/**
 * The one interface over the embedded SQLite store and the PostgreSQL one.
 * Asynchronous so that a networked backend can implement it as it is.
 */
export interface Store {
  readonly location: string;
  /** Stores a batch in one transaction: all of it or none. A known text gains a source and counts as a duplicate. */
  putDocuments(batch: DocumentToStore[]): Promise<PutResult[]>;
  recordRejections(rejections: Rejection[]): Promise<void>;
  hasDocument(id: string): Promise<boolean>;
  getDocument(id: string): Promise<StoredDocument | undefined>;
  /** Ids that start with a prefix, so users can type the first few characters of one. */
  findDocumentIds(prefix: string, limit?: number): Promise<string[]>;
  getAnalysis(id: string): Promise<StoredAnalysis | undefined>;
  listDocuments(options?: { limit?: number; offset?: number }): Promise<DocumentSummary[]>;
  listRejections(options?: { limit?: number }): Promise<Rejection[]>;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  stats(): Promise<StoreStats>;
  /** Documents in id order after `afterId`, each with the stage versions of its stored analysis. */
  listAnalysisVersions(options: { afterId?: string; limit?: number }): Promise<AnalysisVersionsRow[]>;
  /**
   * Replaces the stored analyses of documents (its row and its mentions, events and claims), a batch in one
   * transaction: all of it or none.
   */
  replaceAnalyses(batch: { id: string; analysis: EncodedAnalysis }[]): Promise<void>;
  /** Where the store mentions an actor (mentions.actor_id), newest documents first. */
  listActorMentions(actorId: string, options?: { limit?: number }): Promise<ActorMentionRow[]>;
  /** Feed polling state (`rift watch`); optional so that a backend can do without it. */
  getFeedState?(url: string): Promise<FeedState | undefined>;
  putFeedState?(state: FeedState): Promise<void>;
  close(): Promise<void>;
}
