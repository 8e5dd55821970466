import type { TimeExpression } from '../../model/time.js';
import { lexValues, type ValueTokens } from '../quantities/lexer.js';
import { TimeGrammar } from './grammar.js';
import { PRECISION_NAMES } from './pieces.js';
import { isoDate, parseDocumentDate } from './calendar.js';

const grammar = new TimeGrammar();

/**
 * Time expressions in text, each normalized to an inclusive interval of ISO dates with its precision.
 * Relative expressions ("last month", "on Monday", "two years ago") and dates without a year
 * ("Feb 26") are resolved against documentDate (ISO date or date-time); without one they are left
 * out, since any date we gave them would be invented.
 */
export function extractTimes(text: string, documentDate?: string): TimeExpression[] {
  return timesFromTokens(lexValues(text), parseDocumentDate(documentDate));
}

export function timesFromTokens(t: ValueTokens, documentDay: number): TimeExpression[] {
  const out: TimeExpression[] = [];
  const text = t.text;
  grammar.scan(t, documentDay, (first, end, from, to, precision) => {
    if (Number.isNaN(from)) return;
    const start = t.starts[first]!;
    const stop = t.ends[end - 1]!;
    out.push({ start, end: stop, text: text.slice(start, stop), from: isoDate(from), to: isoDate(to), precision: PRECISION_NAMES[precision] });
  });
  return out;
}

/**
 * Marks the tokens that belong to a time expression, resolvable or not, so that the number scanner
 * does not read "2023" in "in 2023" or "26" in "Feb 26" as quantities.
 */
export function markTimeTokens(t: ValueTokens, marks: Uint8Array): void {
  grammar.scan(t, NaN, (first, end) => {
    marks.fill(1, first, end);
  });
}
