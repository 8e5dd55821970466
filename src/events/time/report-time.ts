/**
 * The date of the report an event was read in: what an event's time falls back to when no time
 * expression governs it (basis 'report': the event happened by then, or is said to).
 */
import type { Document, EventTime } from '../../model/index.js';

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The report's date as an event time: the document's one date (`document.date.day`), as a day; or the whole
 * month or year when that is all the source's own date said ("2024-02", "2023"), which the document date
 * stands for by the period's middle.
 */
export function reportTime(document: Document): EventTime {
  const { day, source } = document.date;
  const written = source === 'assumed' ? undefined : document.publishedAt?.trim();
  if (written && day.startsWith(written)) {
    const year = Number(day.slice(0, 4));
    if (/^\d{4}-\d{2}$/.test(written)) {
      const month = Number(day.slice(5, 7));
      return { from: `${written}-01`, to: `${written}-${String(daysIn(year, month)).padStart(2, '0')}`, precision: 'month', basis: 'report' };
    }
    if (/^\d{4}$/.test(written)) return { from: `${written}-01-01`, to: `${written}-12-31`, precision: 'year', basis: 'report' };
  }
  return { from: day, to: day, precision: 'day', basis: 'report' };
}
