import type { Span } from './span.js';

/**
 * Kinds of name: OntoNotes 5's eleven (PER is its PERSON; NORP nationalities, religious and political
 * groups; FAC buildings, airports, roads; GPE countries, cities, states; LOC other places), and MISC,
 * CoNLL-2003's names of no finer kind, found in analyses made before the recognizer learned OntoNotes.
 * See docs/decisions/0110-ontonotes-entity-types.md.
 */
export type EntityKind = 'PER' | 'NORP' | 'FAC' | 'ORG' | 'GPE' | 'LOC' | 'PRODUCT' | 'EVENT' | 'WORK_OF_ART' | 'LAW' | 'LANGUAGE' | 'MISC';
/** Kinds of value. The recognizer tells them from names; their normalized values are the times and quantities layers. */
export type ValueKind = 'DATE' | 'TIME' | 'MONEY' | 'QUANTITY' | 'PERCENT' | 'ORDINAL' | 'CARDINAL';
export type MentionKind = EntityKind | ValueKind;

/** Every EntityKind, for telling names from values at run time. */
export const ENTITY_KINDS: ReadonlySet<string> = new Set<EntityKind>([
  'PER', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE', 'MISC',
]);

/** A stretch of text that names something: an entity, a date, an amount. */
export interface Mention extends Span {
  text: string;
  kind: MentionKind;
  /** Canonical actor id, once the resolver has run. */
  actorId?: string;
  /** 0..1 */
  confidence: number;
}

/** A number, amount of money, percentage or quantity with its normalized value. */
export interface Quantity extends Span {
  text: string;
  kind: 'MONEY' | 'QUANTITY' | 'PERCENT' | 'NUMBER';
  value: number;
  /** ISO 4217 for money; a unit word for quantities ("barrels", "tonnes"). */
  unit?: string;
}
