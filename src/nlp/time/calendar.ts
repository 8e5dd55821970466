// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01, UTC), so that
// intervals can be shifted and compared as plain integers and turned into ISO dates only at the end.

const MS_PER_DAY = 86_400_000;

// Days from and to civil dates by integer arithmetic (H. Hinnant's algorithms), without Date objects.
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year, month and day of a day number, in one shared array (valid until the next call). */
const civil = [0, 0, 0];
// The same for a day that is not a whole number of a sane size (NaN, a fraction). Kept apart so that
// civil only ever holds small integers (Smis): a day held as a heap number (as dayNumber's results can be)
// gives heap-number years, and one heap number stored in a field that held small integers changes the
// hidden class of every object with that field (the grammar's, the pieces').
const otherCivil = [0, 0, 0];
function toCivil(days: number): readonly number[] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (Number.isInteger(days) && Math.abs(days) < 1e9) {
    // whole results well inside int32: | 0 only makes them Smis
    civil[0] = y | 0;
    civil[1] = m | 0;
    civil[2] = d | 0;
    return civil;
  }
  otherCivil[0] = y;
  otherCivil[1] = m;
  otherCivil[2] = d;
  return otherCivil;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function monthStart(year: number, month: number): number {
  return dayNumber(year, month, 1);
}

export function monthEnd(year: number, month: number): number {
  return dayNumber(year, month, daysInMonth(year, month));
}

export function yearOf(day: number): number {
  return toCivil(day)[0]!;
}

export function monthOf(day: number): number {
  return toCivil(day)[1]!;
}

export function dayOfMonth(day: number): number {
  return toCivil(day)[2]!;
}

/** 0 = Monday … 6 = Sunday (ISO order). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Monday of the ISO week that contains the day. */
export function weekStart(day: number): number {
  return day - weekdayOf(day);
}

/** The same day of the month `months` months later (earlier when negative), clamped to the month's end. */
export function addMonths(day: number, months: number): number {
  const y = yearOf(day);
  const m = monthOf(day) - 1 + months;
  const ny = y + Math.floor(m / 12);
  const nm = (((m % 12) + 12) % 12) + 1;
  return dayNumber(ny, nm, Math.min(dayOfMonth(day), daysInMonth(ny, nm)));
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

export function isoDate(day: number): string {
  const [y, m, d] = toCivil(day) as [number, number, number];
  return `${pad(y, 4)}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Day number of a document date: an ISO date or date-time ("2025-06-09", "1987-02-26T15:01:01",
 * "2025-06-09T23:30:00-04:00": the calendar date written is the one used), else anything Date.parse
 * reads. NaN when absent or unreadable.
 */
export function parseDocumentDate(value: string | undefined): number {
  if (!value) return NaN;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) {
    const y = +iso[1]!;
    const m = +iso[2]!;
    const d = +iso[3]!;
    if (m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return dayNumber(y, m, d);
    return NaN;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? NaN : Math.floor(ms / MS_PER_DAY);
}
