import type { PeriodKind } from '../model/index.js';

// Periods as sortable text keys: day 2024-05-16, ISO week 2024-W20, month 2024-05, quarter 2024-Q2, year 2024.
// Dates travel as day numbers (days since 1970-01-01, UTC) so that spreading an interval is arithmetic.

const MS_PER_DAY = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Day number of an ISO date (YYYY-MM-DD; a longer date-time is cut to its day); NaN when unreadable. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
  return Date.UTC(y, mo - 1, d) / MS_PER_DAY;
}

export function isoDay(day: number): string {
  const d = new Date(day * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
function isoWeek(day: number): { year: number; week: number } {
  const weekday = (new Date(day * MS_PER_DAY).getUTCDay() + 6) % 7; // Monday 0
  const thursday = day - weekday + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 1) / MS_PER_DAY;
  const jan1Weekday = (new Date(firstThursday * MS_PER_DAY).getUTCDay() + 6) % 7;
  const week1Thursday = firstThursday + ((3 - jan1Weekday + 7) % 7);
  return { year, week: 1 + Math.round((thursday - week1Thursday) / 7) };
}

/** The key of the period of a kind that holds a day. */
export function periodOf(kind: PeriodKind, day: number): string {
  if (kind === 'day') return isoDay(day);
  if (kind === 'week') {
    const { year, week } = isoWeek(day);
    return `${pad(year, 4)}-W${pad(week)}`;
  }
  const d = new Date(day * MS_PER_DAY);
  const year = pad(d.getUTCFullYear(), 4);
  if (kind === 'year') return year;
  const month = d.getUTCMonth();
  return kind === 'month' ? `${year}-${pad(month + 1)}` : `${year}-Q${Math.floor(month / 3) + 1}`;
}

/** The last day of the period of a kind that holds a day (arithmetic, no key parsed). */
export function periodEnd(kind: PeriodKind, day: number): number {
  if (kind === 'day') return day;
  const d = new Date(day * MS_PER_DAY);
  if (kind === 'week') return day + 6 - ((d.getUTCDay() + 6) % 7);
  const y = d.getUTCFullYear();
  if (kind === 'year') return Date.UTC(y + 1, 0, 1) / MS_PER_DAY - 1;
  const m = d.getUTCMonth();
  return Date.UTC(y, kind === 'month' ? m + 1 : m - (m % 3) + 3, 1) / MS_PER_DAY - 1;
}

/** First and last day (inclusive) of a period; undefined for a key that is not one of the kind. */
export function periodRange(kind: PeriodKind, key: string): [number, number] | undefined {
  if (kind === 'day') {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(key) ? dayNumber(key) : Number.NaN;
    return Number.isNaN(day) || isoDay(day) !== key ? undefined : [day, day];
  }
  if (kind === 'week') {
    const m = /^(\d{4})-W(\d{2})$/.exec(key);
    if (!m) return undefined;
    const jan4 = Date.UTC(Number(m[1]), 0, 4) / MS_PER_DAY;
    const monday = jan4 - ((new Date(jan4 * MS_PER_DAY).getUTCDay() + 6) % 7) + (Number(m[2]) - 1) * 7;
    return periodOf('week', monday) === key ? [monday, monday + 6] : undefined;
  }
  if (kind === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return undefined;
    const [y, mo] = [Number(m[1]), Number(m[2]) - 1];
    return [Date.UTC(y, mo, 1) / MS_PER_DAY, Date.UTC(y, mo + 1, 1) / MS_PER_DAY - 1];
  }
  if (kind === 'year') {
    if (!/^\d{4}$/.test(key)) return undefined;
    const y = Number(key);
    return [Date.UTC(y, 0, 1) / MS_PER_DAY, Date.UTC(y + 1, 0, 1) / MS_PER_DAY - 1];
  }
  const m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return undefined;
  const [y, q] = [Number(m[1]), Number(m[2]) - 1];
  return [Date.UTC(y, q * 3, 1) / MS_PER_DAY, Date.UTC(y, q * 3 + 3, 1) / MS_PER_DAY - 1];
}

/** The periods from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(kind: PeriodKind, from: number, to: number): string[] {
  const keys: string[] = [];
  let day = from;
  while (day <= to) {
    keys.push(periodOf(kind, day));
    day = periodEnd(kind, day) + 1;
  }
  return keys;
}

/** Most periods one event is spread over; an interval longer than that is too vague for the resolution. */
export const MAX_SPREAD = 12;

/**
 * The periods an interval of days covers, each with its share of the interval's days (the shares sum to 1,
 * so the event counts once in all). Undefined when it covers more than `max` periods: a year is spread over
 * twelve months or four quarters, but not over 365 days.
 */
export function spread(kind: PeriodKind, from: number, to: number, max = MAX_SPREAD): { period: string; share: number }[] | undefined {
  if (to < from) [from, to] = [to, from];
  const total = to - from + 1;
  const parts: { period: string; share: number }[] = [];
  let day = from;
  while (day <= to) {
    const end = Math.min(periodEnd(kind, day), to);
    if (parts.length === max) return undefined;
    parts.push({ period: periodOf(kind, day), share: (end - day + 1) / total });
    day = end + 1;
  }
  return parts;
}

/**
 * A date bound typed by a user: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Www, as the first (`start`)
 * or last (`end`) day it names. Undefined when it is none of these.
 */
export function parseDateBound(text: string, side: 'start' | 'end'): number | undefined {
  const s = text.trim();
  let range: [number, number] | undefined;
  if (/^\d{4}$/.test(s)) range = periodRange('year', s);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) range = periodRange('day', s);
  else if (/^\d{4}-\d{2}$/.test(s)) range = periodRange('month', s);
  else if (/^\d{4}-Q\d$/i.test(s)) range = periodRange('quarter', s.toUpperCase());
  else if (/^\d{4}-W\d{2}$/i.test(s)) range = periodRange('week', s.toUpperCase());
  if (!range) return undefined;
  return side === 'start' ? range[0] : range[1];
}
