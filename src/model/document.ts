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

/**
 * Where a document's date came from: found in the page or file's metadata (`published`), given by the user
 * (`rift analyze --date`, the API's `publishedAt`, a JSON Lines record's `date`), a feed item's date (`feed`),
 * or the day the text was retrieved, for want of any other (`assumed`).
 */
export type DateSource = 'published' | 'given' | 'feed' | 'assumed';

/** The one date of a document: relative times resolve against it and dated roles are read on it. */
export interface DocumentDate {
  /** YYYY-MM-DD. */
  day: string;
  source: DateSource;
}

/** What a reader produces from bytes, before the text is fingerprinted. */
export interface DocumentDraft {
  text: string;
  format: DocumentFormat;
  url?: string;
  outlet?: string;
  title?: string;
  byline?: string;
  /** The date the source carried, as it carried it (readers normalize what they parse to ISO 8601). */
  publishedAt?: string;
  /** What `publishedAt` is: the page's own metadata (the default), a date the user gave, or a feed item's date. */
  dateSource?: Exclude<DateSource, 'assumed'>;
  /** ISO 639-1 code. */
  language?: string;
  marking?: Marking;
  /** Other metadata the source carried (JSON Lines fields we do not model). */
  extra?: Record<string, unknown>;
}

export interface Document extends DocumentDraft {
  /** Hash of the normalized text: the same text always gets the same id. */
  id: string;
  retrievedAt: string;
  /** The date every stage reads; `publishedAt` stays the raw metadata. */
  date: DocumentDate;
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
