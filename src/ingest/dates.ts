/**
 * A date as the store keeps it: ISO 8601, `YYYY-MM-DD` when only the day is known, else a UTC date-time.
 * Accepts ISO forms, RFC 822 (feeds, e-mail) and PDF's `D:YYYYMMDDHHmmSS+hh'mm'`. Undefined when unreadable.
 */
export function toIsoDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  if (!s || s.length > 100) return undefined;
  // Date.parse rolls 2025-02-31 over to March: a day that is not in its month is no date.
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Number.isNaN(Date.parse(s)) || new Date(s).toISOString().slice(0, 10) !== s ? undefined : s;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s);
  if (pdf) {
    const [, y, mo = '01', d = '01', h, mi = '00', sec = '00', zone] = pdf;
    if (h === undefined) return toIsoDate(`${y}-${mo}-${d}`);
    const offset = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5) || '00'}`;
    return toIsoDate(`${y}-${mo}-${d}T${h}:${mi}:${sec}${offset}`);
  }
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  return year < 1000 || year > 9999 ? undefined : new Date(ms).toISOString();
}
