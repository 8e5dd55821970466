import type { Span } from './span.js';
import type { TimeInterval } from './time.js';

/** What a provenance fact says about a referenced document. */
export type ProvenanceRelation =
  | 'authored-by'
  | 'dated'
  | 'length'
  | 'classification'
  | 'addressed-to'
  | 'obtained-by'
  | 'leaked-via'
  | 'published-by'
  | 'authenticated-by'
  | 'disputed-by'
  | 'denied-by';

/** The kind of document a text refers to, by the noun it uses ("memorandum" is a memo; "files", "papers", "leak" are documents). */
export type DocumentType =
  | 'memo'
  | 'cable'
  | 'dossier'
  | 'letter'
  | 'email'
  | 'transcript'
  | 'minutes'
  | 'directive'
  | 'report'
  | 'document';

/** Marking words a text gives a document, lower-cased; `internal` for "internal" documents with no stricter marking. */
export type Classification = 'top secret' | 'secret' | 'confidential' | 'restricted' | 'classified' | 'internal' | 'unclassified';

/** An author of a referenced document, with what it takes to compare it with the author another text names. */
export interface DocumentAuthor {
  /** Actor id: rus-fsb, RUS, RUSSPY. */
  actor: string;
  /** The actor's CAMEO-style code on the text's date (RUSSPY for the FSB), or its id when it has none. */
  code: string;
  country?: string;
}

/**
 * What tells one referenced document from another, within a text and across texts: type, author,
 * date, length and marking as the text states them. Two tellings of one memo have compatible
 * signatures (see `sameDocument` in src/provenance): the same memo is "an FSB memo" in one report
 * and "a Russian intelligence document dated late 2023" in another.
 */
export interface DocumentSignature {
  type: DocumentType;
  /** Authors the text names, the most specific first (the FSB before Russia). */
  authors: DocumentAuthor[];
  /** The authors' country (ISO 3166-1 alpha-3), when they share one. */
  country?: string;
  dated?: TimeInterval;
  pages?: number;
  classification?: Classification;
}

/** One fact about where a referenced document (an Actor of kind `document`) came from, as one text states it. */
export interface ProvenanceFact {
  /** Stable within the text: the same text always gives the same ids. */
  id: string;
  /** The referenced document: the id of an Actor of kind `document`. */
  document: string;
  fact: ProvenanceRelation;
  /** The other party when it resolves: an actor id, or `outlet:<name>` when the outlet itself is the party. */
  actor?: string;
  /**
   * The fact's value: the party's own words when no actor resolves it ("a hacktivist group"), an ISO 8601
   * interval for `dated` ("2023-09-01/2024-04-30"), "8 pages" for `length`, the marking for `classification`.
   */
  value?: string;
  /** For `dated`: the interval, as the time expression gave it. */
  time?: TimeInterval;
  /** The text that states the fact: the document's mention (when it is in the clause), the verb and the party or value. */
  evidence: Span;
  /** Who says so: an actor id, or `outlet:<name>` for the journalist's own voice (as in Claim.speaker). */
  speaker: string;
  /** The hedge the text puts on the fact ("reportedly", "appears", "allegedly"), when it puts one. */
  hedge?: Span;
}
