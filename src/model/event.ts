import type { Span } from './span.js';
import type { TimeInterval } from './time.js';

/**
 * When an event happened, as the text lets us say: from the time expression that governs its clause
 * (`basis: 'event'`), else the date of the report it was read in (`basis: 'report'`: it happened by then).
 */
export interface EventTime extends TimeInterval {
  basis: 'event' | 'report';
}

/** An amount of money an event involves, as the quantities layer read it, with its span. */
export interface Amount extends Span {
  value: number;
  /** ISO 4217. */
  currency: string;
  text: string;
}

/** PLOVER event types. */
export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT'
  | 'REQUEST' | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE'
  | 'COERCE' | 'ASSAULT';

export type Modality =
  | 'asserted'
  | 'alleged'
  | 'reported'
  | 'denied'
  | 'hypothetical'
  | 'negated'
  | 'future'
  | 'historical';

/** GDELT's four classes: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type QuadClass = 1 | 2 | 3 | 4;

/** Who did what to whom, coded. */
export interface Event {
  id: string;
  evidence: Span;
  /** Actor codes, as PLOVER keeps them: lists. */
  sources: string[];
  targets: string[];
  ploverType: PloverType;
  ploverMode?: string;
  cameo: string;
  goldstein: number;
  quadClass: QuadClass;
  modality: Modality;
  time: EventTime;
  location?: string;
  /** The trigger word or phrase. */
  trigger?: Span;
  confidence: number;
  /** Where each source and target was named, parallel to `sources` and `targets`. */
  sourceSpans?: Span[];
  targetSpans?: Span[];
  /** True when the actors act towards each other ("Russia and China hold joint drills"): sources and targets are the same group. */
  reciprocal?: boolean;
  /** An amount the event involves ("trade of $240 billion"), from the quantities layer: value in units of `currency` (ISO 4217). */
  amount?: Amount;
  /** PLOVER context, from the CAMEO code (economic, military, diplomatic…). */
  ploverContext?: string;
}

/** Modalities under which an event counts as one that happened. */
export const FACTUAL_MODALITIES: readonly Modality[] = ['asserted', 'alleged', 'reported', 'historical'];
