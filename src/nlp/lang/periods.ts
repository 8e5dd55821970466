// Periods that the Russian and Chinese value readers name, as inclusive day ranges: a year or a part of
// it ("в конце 2023", "2023年末"), a month, a day. Parts of a year read as the English grammar reads
// them, so that "late 2023 or early 2024" and its translations give the same interval.

import type { TimeExpression, TimePrecision } from '../../model/index.js';
import { addMonths, dayNumber, isoDate, monthEnd, monthOf, monthStart, yearOf } from '../time/calendar.js';

/** A part of a year: its first and last month. */
export type YearPart = readonly [first: number, last: number];

export const WHOLE_YEAR: YearPart = [1, 12];
export const EARLY: YearPart = [1, 4];
export const MID: YearPart = [5, 8];
export const LATE: YearPart = [9, 12];
export const FIRST_HALF: YearPart = [1, 6];
export const SECOND_HALF: YearPart = [7, 12];

/** Whether a four-digit number reads as a year of news (not a count, not a code). */
export function plausibleYear(year: number): boolean {
  return year >= 1800 && year <= 2199;
}

export function quarterPart(q: number): YearPart {
  return [q * 3 - 2, q * 3];
}

/** A time expression over text[start, end), from day `from` to day `to` (day numbers). */
export function timeExpression(text: string, start: number, end: number, from: number, to: number, precision: TimePrecision): TimeExpression {
  return { start, end, text: text.slice(start, end), from: isoDate(from), to: isoDate(to), precision };
}

/** First day of the part of `year`, and last day of the part of `toYear` (a range when they differ). */
export function yearRange(year: number, part: YearPart, toYear: number, toPart: YearPart): [number, number] {
  return [monthStart(year, part[0]), monthEnd(toYear, toPart[1])];
}

export function precisionOf(part: YearPart, toPart: YearPart, sameYear: boolean): TimePrecision {
  if (!sameYear) return part === WHOLE_YEAR && toPart === WHOLE_YEAR ? 'year' : 'fuzzy';
  if (part === WHOLE_YEAR) return 'year';
  return part[1] - part[0] === 2 ? 'quarter' : 'fuzzy';
}

export function dayOf(year: number, month: number, day: number): number {
  return dayNumber(year, month, day);
}

/**
 * The year of a month named without one, in a report of `docYear`/`docMonth`: the same year, unless the
 * month is more than a month ahead of the report, which then tells of last year's.
 */
export function yearOfMonth(month: number, docYear: number, docMonth: number): number {
  return month > docMonth + 1 ? docYear - 1 : docYear;
}

/** The unit a relative time word names: "в прошлом году" / 去年 a year, "на этой неделе" / 上周 a week. */
export type RelativeUnit = 'year' | 'month' | 'week' | 'day';

/**
 * A time named relative to the document's day (`today`, a day number): the year, month, week (Monday to
 * Sunday) or day `shift` units away, as a time expression over `text[start, end)`.
 */
export function relativeTime(text: string, start: number, end: number, today: number, unit: RelativeUnit, shift: number): TimeExpression {
  if (unit === 'year') {
    const y = yearOf(today) + shift;
    return timeExpression(text, start, end, monthStart(y, 1), monthEnd(y, 12), 'year');
  }
  if (unit === 'month') {
    const first = addMonths(monthStart(yearOf(today), monthOf(today)), shift);
    return timeExpression(text, start, end, first, monthEnd(yearOf(first), monthOf(first)), 'month');
  }
  if (unit === 'week') {
    const monday = today - ((today + 3) % 7) + shift * 7; // day 0 (1970-01-01) was a Thursday
    return timeExpression(text, start, end, monday, monday + 6, 'week');
  }
  return timeExpression(text, start, end, today + shift, today + shift, 'day');
}
