/**
 * The date of the report an event was read in: what an event's time falls back to when no time
 * expression governs it (basis 'report': the event happened by then, or is said to).
 */
import type { Document, EventTime } from '../../model/index.js';

/**
 * The document's day (YYYY-MM-DD, or YYYY-MM / YYYY when that is all it gives). The one place the event
 * stages read the document date: the publication date, else the day it was retrieved (an assumed date).
 * Every door into the pipeline sets `retrievedAt`, so a document without either is malformed; it reads
 * as of the day it is analysed.
 */
export function reportDay(document: Document): string {
  return isoPrefix(document.publishedAt) ?? isoPrefix(document.retrievedAt) ?? new Date().toISOString().slice(0, 10);
}

function isoPrefix(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return undefined;
  return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : m[2] ? `${m[1]}-${m[2]}` : m[1];
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The report's day as an event time: a day, or the whole month or year when the date gives no more. */
export function reportTime(document: Document): EventTime {
  const day = reportDay(document);
  if (day.length === 10) return { from: day, to: day, precision: 'day', basis: 'report' };
  const year = Number(day.slice(0, 4));
  if (day.length === 7) {
    const month = Number(day.slice(5, 7));
    return { from: `${day}-01`, to: `${day}-${String(daysIn(year, month)).padStart(2, '0')}`, precision: 'month', basis: 'report' };
  }
  return { from: `${day}-01-01`, to: `${day}-12-31`, precision: 'year', basis: 'report' };
}
