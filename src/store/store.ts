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

export interface SearchOptions {
  limit?: number;
  /** Matches to skip, best first (for the pages after the first). */
  offset?: number;
  /** Markers around matched terms in snippets. */
  highlight?: [string, string];
}

export interface SearchResults {
  /** Every document that matches, not just this page of them. */
  total: number;
  hits: SearchHit[];
}

export interface PageOptions {
  /** A whole number from 0 to MAX_PAGE_LIMIT. */
  limit?: number;
  /** A whole number from 0 to Number.MAX_SAFE_INTEGER. */
  offset?: number;
}

/** The most rows one call returns. */
export const MAX_PAGE_LIMIT = 100_000;

/** Checks a page's limit and offset; a RangeError says which one is wrong and why. */
export function checkPage({ limit, offset }: PageOptions): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0 && limit <= MAX_PAGE_LIMIT)) {
    throw new RangeError(`limit must be a whole number from 0 to ${MAX_PAGE_LIMIT}, not ${limit}`);
  }
  if (offset !== undefined && !(Number.isSafeInteger(offset) && offset >= 0)) {
    throw new RangeError(`offset must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${offset}`);
  }
}

/** The store asked for is missing or is not a Rift store. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}

export interface OpenOptions {
  /** Create the store when it does not exist (true by default); false for commands that only read one. */
  create?: boolean;
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
  /** Newest first. Throws RangeError for a limit or offset out of range (see checkPage). */
  listDocuments(options?: PageOptions): Promise<DocumentSummary[]>;
  listRejections(options?: { limit?: number }): Promise<Rejection[]>;
  /**
   * Full-text search, best matches first (see search-query.ts for what a query may say). Throws
   * SearchQueryError for a query with nothing to search for, RangeError for a bad limit or offset.
   */
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  stats(): Promise<StoreStats>;
  /** Where the store mentions an actor (mentions.actor_id), newest documents first. */
  listActorMentions(actorId: string, options?: { limit?: number }): Promise<ActorMentionRow[]>;
  /** Feed polling state (`rift watch`); optional so that a backend can do without it. */
  getFeedState?(url: string): Promise<FeedState | undefined>;
  putFeedState?(state: FeedState): Promise<void>;
  close(): Promise<void>;
}
