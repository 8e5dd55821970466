import type { DateSource, DocumentDate } from '../model/index.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const SLASHED_DAY = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
// "9 Jun 2025", "Mon, 09 Jun 2025 23:30:00 -0400" (RFC 822), "9 June 2025"
const DAY_MONTH_YEAR = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})\b/i;
// "June 9, 2025", "Jun 9 2025 10:00", "Monday, June 9, 2025"
const MONTH_DAY_YEAR = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function day(year: number, month: number, d: number): string | undefined {
  if (year < 1000 || month < 1 || month > 12 || d < 1 || d > daysIn(year, month)) return undefined;
  return `${year}-${pad(month)}-${pad(d)}`;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  const m = MONTHS.indexOf(lower.slice(0, 3));
  // "Mar" and "March" are months; "Marvel" is not
  return m >= 0 && 'january february march april may june july august september october november december'.split(' ')[m]!.startsWith(lower) ? m + 1 : 0;
}

/**
 * The day (YYYY-MM-DD) a date as sources write it stands for, or undefined when it is not one.
 *
 * - ISO 8601 date or date-time: the calendar date as written, in the writer's own time zone
 *   ("2025-06-09T23:30:00-04:00" is 2025-06-09: the day the paper's readers saw on it).
 * - A month ("2023-06") is read as its 15th, a bare year ("2023") as 1 July: the middle, which is never
 *   more than half the period off.
 * - "9 Jun 2025", "Mon, 09 Jun 2025 23:30:00 -0400" (RFC 822), "June 9, 2025", "2025/06/09": the date as written.
 * - Anything else (impossible dates such as 2025-02-30, years before 1000, free text) is not a date.
 */
export function dayOf(value: string | undefined): string | undefined {
  const s = value?.trim();
  if (!s || s.length > 100) return undefined;
  let m = ISO_DAY.exec(s);
  if (m) return day(+m[1]!, +m[2]!, +m[3]!);
  if ((m = ISO_MONTH.exec(s))) return day(+m[1]!, +m[2]!, 15);
  if ((m = YEAR.exec(s))) return day(+m[1]!, 7, 1);
  if ((m = SLASHED_DAY.exec(s))) return day(+m[1]!, +m[2]!, +m[3]!);
  if ((m = DAY_MONTH_YEAR.exec(s))) return day(+m[3]!, monthNumber(m[2]!), +m[1]!);
  if ((m = MONTH_DAY_YEAR.exec(s))) return day(+m[3]!, monthNumber(m[1]!), +m[2]!);
  return undefined;
}

/** The forms dayOf reads, for error messages. */
export const DATE_FORMS = 'YYYY-MM-DD (or an ISO date-time), YYYY-MM, YYYY, or a date such as "9 Jun 2025"';

/** What the factory knows about a document's date. */
export interface DateEvidence {
  /** A date the user gave (command line, API, a JSON Lines record): wins over anything the text's metadata says. */
  given?: string;
  /** The date the source's metadata carried, and what it is. */
  published?: string;
  publishedSource?: Exclude<DateSource, 'assumed' | 'given'> | 'given';
  /** When the text was retrieved (ISO 8601): the assumed date when there is no other. */
  retrievedAt: string;
}

/**
 * The one date of a document: the given date, else the source's own (published or a feed's), else the
 * retrieval day, recorded as assumed. A source date later than the day after retrieval is bad metadata
 * and is passed over. Throws when the given date or the retrieval time is not a date: those are the
 * caller's to check (dayOf) and report.
 */
export function settleDate(evidence: DateEvidence): DocumentDate {
  if (evidence.given !== undefined) {
    const given = dayOf(evidence.given);
    if (!given) throw new Error(`not a date: ${JSON.stringify(evidence.given)} (expected ${DATE_FORMS})`);
    return { day: given, source: 'given' };
  }
  const retrieved = dayOf(evidence.retrievedAt);
  if (!retrieved) throw new Error(`retrievedAt must be an ISO 8601 date-time, not ${JSON.stringify(evidence.retrievedAt)}`);
  const published = dayOf(evidence.published);
  if (published && (evidence.publishedSource === 'given' || published <= nextDay(retrieved))) {
    return { day: published, source: evidence.publishedSource ?? 'published' };
  }
  return { day: retrieved, source: 'assumed' };
}

function nextDay(isoDay: string): string {
  const t = Date.UTC(+isoDay.slice(0, 4), +isoDay.slice(5, 7) - 1, +isoDay.slice(8, 10) + 1);
  return new Date(t).toISOString().slice(0, 10);
}
