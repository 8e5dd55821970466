import type { Span } from './span.js';

export type EntityKind = 'PER' | 'ORG' | 'LOC' | 'MISC';
export type ValueKind = 'DATE' | 'MONEY' | 'QUANTITY' | 'PERCENT';
export type MentionKind = EntityKind | ValueKind;

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
