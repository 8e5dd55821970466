// Whether two descriptions of a referenced document can be the same document: within one text
// ("an FSB memo" … "the eight-page document") and across the texts of one story.

import type { Classification, DocumentAuthor, DocumentSignature, DocumentType, TimeInterval } from '../model/index.js';
import { CLASSIFICATION_RANK, LOOSE_TYPES } from './lexicon.js';

/** A state stands for itself: "a Russian document" (RUS) can be the FSB's memo. */
function stateLevel(a: DocumentAuthor): boolean {
  return a.country !== undefined && a.code === a.country;
}

export function sameAuthor(a: DocumentAuthor, b: DocumentAuthor): boolean {
  if (a.actor === b.actor || a.code === b.code) return true;
  return a.country !== undefined && a.country === b.country && (stateLevel(a) || stateLevel(b));
}

export function compatibleTypes(a: DocumentType, b: DocumentType): boolean {
  return a === b || LOOSE_TYPES.has(a) || LOOSE_TYPES.has(b);
}

function overlaps(a: TimeInterval | undefined, b: TimeInterval | undefined): boolean {
  return !a || !b || (a.from <= b.to && b.from <= a.to);
}

/**
 * Whether two signatures can describe one document: compatible types (a memo is also "the document"),
 * a common author when both name one, overlapping dates, the same length. Markings are not compared:
 * reports call one memo "secret", "confidential" and "classified".
 */
export function sameDocument(a: DocumentSignature, b: DocumentSignature): boolean {
  if (!compatibleTypes(a.type, b.type)) return false;
  if (a.authors.length && b.authors.length && !a.authors.some((x) => b.authors.some((y) => sameAuthor(x, y)))) return false;
  if (!overlaps(a.dated, b.dated)) return false;
  return a.pages === undefined || b.pages === undefined || a.pages === b.pages;
}

/** The more telling type: a specific one over "report", "report" over "document". */
function moreSpecific(a: DocumentType, b: DocumentType): DocumentType {
  if (a === b) return a;
  if (!LOOSE_TYPES.has(a)) return a;
  if (!LOOSE_TYPES.has(b)) return b;
  return a === 'report' || b === 'report' ? 'report' : 'document';
}

function stricter(a: Classification | undefined, b: Classification | undefined): Classification | undefined {
  if (!a) return b;
  if (!b) return a;
  return CLASSIFICATION_RANK[b] > CLASSIFICATION_RANK[a] ? b : a;
}

/** Adds what `from` knows to `into`: the more specific type, new authors, and a date, length or stricter marking it lacked. */
export function mergeSignature(into: DocumentSignature, from: Partial<DocumentSignature>): void {
  if (from.type) into.type = moreSpecific(into.type, from.type);
  for (const author of from.authors ?? []) if (!into.authors.some((a) => a.actor === author.actor)) into.authors.push(author);
  // the most specific author first: agencies and people before the state they belong to
  into.authors.sort((a, b) => Number(stateLevel(a)) - Number(stateLevel(b)));
  const countries = new Set(into.authors.map((a) => a.country));
  into.country = countries.size === 1 ? [...countries][0] : undefined;
  if (into.country === undefined) delete into.country;
  if (from.dated && !into.dated) into.dated = from.dated;
  if (from.pages !== undefined && into.pages === undefined) into.pages = from.pages;
  const marking = stricter(into.classification, from.classification);
  if (marking) into.classification = marking;
}

/**
 * A short key for exact look-ups: type, first author's code, and the date's year span
 * ("memo|RUSSPY|2023-2024"). Texts that say less get shorter keys; use `sameDocument` to compare.
 */
export function signatureKey(s: DocumentSignature): string {
  const parts: string[] = [s.type];
  if (s.authors.length) parts.push(s.authors[0]!.code);
  if (s.dated) parts.push(`${s.dated.from.slice(0, 4)}-${s.dated.to.slice(0, 4)}`);
  return parts.join('|');
}
