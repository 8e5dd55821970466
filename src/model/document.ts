export type DocumentFormat = 'text' | 'html' | 'pdf' | 'rss' | 'atom' | 'email' | 'jsonl';

/** Traffic Light Protocol marking, as STIX 2.1 uses it. */
export type Marking = 'TLP:CLEAR' | 'TLP:GREEN' | 'TLP:AMBER' | 'TLP:AMBER+STRICT' | 'TLP:RED';

/** Where a document's bytes came from. One document may have several (the same text from two outlets). */
export interface DocumentSource {
  /** File path, URL or `file.jsonl#line` the text was read from. */
  ref: string;
  url?: string;
  outlet?: string;
  retrievedAt: string;
}

/** What a reader produces from bytes, before the text is fingerprinted. */
export interface DocumentDraft {
  text: string;
  format: DocumentFormat;
  url?: string;
  outlet?: string;
  title?: string;
  byline?: string;
  /** ISO 8601 date or date-time. */
  publishedAt?: string;
  /** ISO 639-1 code. */
  language?: string;
  marking?: Marking;
  /** Other metadata the source carried (JSON Lines fields we do not model). */
  extra?: Record<string, unknown>;
}

/** Where a document's date came from: the page or its metadata, the user, a feed item, or the retrieval day (assumed). */
export type DocumentDateSource = 'published' | 'given' | 'feed' | 'assumed';

/** The one date every stage reads a document's time from. */
export interface DocumentDate {
  /** YYYY-MM-DD */
  day: string;
  source: DocumentDateSource;
}

export interface Document extends DocumentDraft {
  /** Hash of the normalized text: the same text always gets the same id. */
  id: string;
  retrievedAt: string;
  date?: DocumentDate;
  source: DocumentSource;
  storyId?: string;
  duplicateOf?: string;
}

/** A document that could not be taken in, and why. Recorded, never silently dropped. */
export interface Rejection {
  ref: string;
  reason: string;
  at: string;
}
