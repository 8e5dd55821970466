import type { Span } from './span.js';

export type ProvenanceRelation =
  | 'authored-by'
  | 'dated'
  | 'obtained-by'
  | 'leaked-via'
  | 'published-by'
  | 'authenticated-by'
  | 'disputed-by';

/** One fact about where a referenced document (an Actor of kind `document`) came from. */
export interface ProvenanceFact {
  documentActorId: string;
  relation: ProvenanceRelation;
  /** The other party: an actor id, or a date for `dated`. */
  value: string;
  evidence: Span;
}

/** Admiralty code: source reliability A–F, information credibility 1–6. */
export interface AdmiraltyGrade {
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  credibility: 1 | 2 | 3 | 4 | 5 | 6;
}
