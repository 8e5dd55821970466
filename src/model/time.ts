import type { Span } from './span.js';

export type TimePrecision = 'day' | 'week' | 'month' | 'quarter' | 'season' | 'year' | 'decade' | 'fuzzy';

/** An interval of time, as inclusive ISO dates (YYYY-MM-DD). A point in time is an interval of one day. */
export interface TimeInterval {
  from: string;
  to: string;
  precision: TimePrecision;
}

/** A time expression found in text, normalized against the document's date. */
export interface TimeExpression extends Span, TimeInterval {
  text: string;
}
