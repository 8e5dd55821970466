// What the time grammar builds before it knows the document's date: pieces of a date (a year, a
// month, a day, any of them missing), named stretches (a quarter, a season, a decade) with a fuzzy
// modifier, or an interval already computed. resolve() turns a piece into day numbers.

import { Modifier } from './words.js';
import { dayNumber, daysInMonth, monthStart, monthEnd, yearOf, monthOf } from './calendar.js';

/** Precisions, ordered from fine to coarse; fuzzy is coarser than all. */
export const enum Precision {
  Day = 0,
  Week,
  Month,
  Quarter,
  Season,
  Year,
  Decade,
  Fuzzy,
}

export const PRECISION_NAMES = ['day', 'week', 'month', 'quarter', 'season', 'year', 'decade', 'fuzzy'] as const;

export const enum PieceKind {
  /** y / m / d, any of them 0 when not written */
  Date = 1,
  /** n = first year of the decade, in y */
  Decade,
  /** n = 1–4 */
  Quarter,
  /** n = 1–2 */
  Half,
  /** the first n months of the year */
  FirstMonths,
  /** n = season index (0 spring … 3 winter) */
  Season,
  /** from / to / precision already computed (NaN from: needs a document date that is absent) */
  Interval,
}

export interface Piece {
  kind: PieceKind;
  /** 0 = not written; NaN = written relative to a document date that is absent */
  y: number;
  m: number;
  d: number;
  n: number;
  modifier: number;
  from: number;
  to: number;
  precision: Precision;
  /** token index one past the piece */
  end: number;
  /** a bare day that took its month from the date before it ("May 16 and 17") */
  borrowed?: boolean;
}

/**
 * A class rather than an object literal, so that every piece has one hidden class. y and n can hold NaN
 * (a relative year without a document date) or a fraction (a count in words): they are defined as NaN,
 * which makes them double fields from the start, and then set to 0. A field that turned from small
 * integers to doubles mid-run would change the pieces' hidden class and throw away the grammar's
 * optimized code.
 */
class PieceObject implements Piece {
  y = NaN;
  m = 0;
  d = 0;
  n = NaN;
  modifier = 0;
  from = NaN;
  to = NaN;
  precision = Precision.Day;
  borrowed = false;

  constructor(
    public kind: PieceKind,
    public end: number,
  ) {
    this.y = 0;
    this.n = 0;
  }
}

export function makePiece(kind: PieceKind, end: number): Piece {
  return new PieceObject(kind, end);
}

/** A copy of a piece (an object of the same class, unlike a spread copy). */
export function copyPiece(p: Piece): Piece {
  const copy = new PieceObject(p.kind, p.end);
  copy.y = p.y;
  copy.m = p.m;
  copy.d = p.d;
  copy.n = p.n;
  copy.modifier = p.modifier;
  copy.from = p.from;
  copy.to = p.to;
  copy.precision = p.precision;
  copy.borrowed = p.borrowed === true;
  return copy;
}

export function intervalPiece(from: number, to: number, precision: Precision, end: number): Piece {
  const p = makePiece(PieceKind.Interval, end);
  p.from = from;
  p.to = to;
  p.precision = precision;
  return p;
}

/** Result of resolve(): shared, valid until the next call. from is NaN when it cannot be resolved. */
export const resolved = { from: NaN, to: NaN, precision: Precision.Day as Precision };

function set(from: number, to: number, precision: Precision): boolean {
  resolved.from = from;
  resolved.to = to;
  resolved.precision = precision;
  return !Number.isNaN(from);
}

/** The year a month-and-day (or a month) without a year most likely means: the one nearest the document date. */
function nearestYear(doc: number, m: number, d: number): number {
  const y = yearOf(doc);
  let best = NaN;
  let bestDistance = Infinity;
  for (let cy = y - 1; cy <= y + 1; cy++) {
    const day = d > 0 ? dayNumber(cy, m, Math.min(d, daysInMonth(cy, m))) : dayNumber(cy, m, 15);
    const distance = Math.abs(day - doc);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = cy;
    }
  }
  return best;
}

/** Sub-interval for early / mid / late (and beginning / end) of [from, to], by thirds unless the unit has a custom rule. */
function applyModifier(modifier: number, from: number, to: number, base: Precision, y: number, m: number): boolean {
  if (base === Precision.Year) {
    switch (modifier) {
      case Modifier.Early: return set(monthStart(y, 1), monthEnd(y, 4), Precision.Fuzzy);
      case Modifier.Mid: return set(monthStart(y, 5), monthEnd(y, 8), Precision.Fuzzy);
      case Modifier.Late: return set(monthStart(y, 9), monthEnd(y, 12), Precision.Fuzzy);
      case Modifier.Beginning: return set(monthStart(y, 1), monthEnd(y, 3), Precision.Fuzzy);
      case Modifier.End: return set(monthStart(y, 10), monthEnd(y, 12), Precision.Fuzzy);
    }
  }
  if (base === Precision.Month) {
    const last = daysInMonth(y, m);
    switch (modifier) {
      case Modifier.Early:
      case Modifier.Beginning: return set(dayNumber(y, m, 1), dayNumber(y, m, 10), Precision.Fuzzy);
      case Modifier.Mid: return set(dayNumber(y, m, 11), dayNumber(y, m, 20), Precision.Fuzzy);
      case Modifier.Late:
      case Modifier.End: return set(dayNumber(y, m, 21), dayNumber(y, m, last), Precision.Fuzzy);
    }
  }
  if (base === Precision.Decade) {
    switch (modifier) {
      case Modifier.Early: return set(dayNumber(y, 1, 1), dayNumber(y + 3, 12, 31), Precision.Fuzzy);
      case Modifier.Mid: return set(dayNumber(y + 3, 1, 1), dayNumber(y + 6, 12, 31), Precision.Fuzzy);
      case Modifier.Late: return set(dayNumber(y + 6, 1, 1), dayNumber(y + 9, 12, 31), Precision.Fuzzy);
      case Modifier.Beginning: return set(dayNumber(y, 1, 1), dayNumber(y + 2, 12, 31), Precision.Fuzzy);
      case Modifier.End: return set(dayNumber(y + 7, 1, 1), dayNumber(y + 9, 12, 31), Precision.Fuzzy);
    }
  }
  const third = Math.floor((to - from + 1) / 3);
  switch (modifier) {
    case Modifier.Early:
    case Modifier.Beginning: return set(from, from + third - 1, Precision.Fuzzy);
    case Modifier.Mid: return set(from + third, to - third, Precision.Fuzzy);
    case Modifier.Late:
    case Modifier.End: return set(to - third + 1, to, Precision.Fuzzy);
  }
  return set(from, to, Precision.Fuzzy);
}

/** Resolves a piece against the document's day number (NaN when there is none). */
export function resolve(p: Piece, doc: number): boolean {
  let y = p.y;
  if (Number.isNaN(y)) return set(NaN, NaN, Precision.Day);
  let from: number;
  let to: number;
  let precision: Precision;
  switch (p.kind) {
    case PieceKind.Interval:
      return set(p.from, p.to, p.precision);
    case PieceKind.Date: {
      if (y === 0) {
        if (Number.isNaN(doc) || p.m === 0) return set(NaN, NaN, Precision.Day);
        y = nearestYear(doc, p.m, p.d);
      }
      if (p.d > 0) {
        from = to = dayNumber(y, p.m, Math.min(p.d, daysInMonth(y, p.m)));
        precision = Precision.Day;
      } else if (p.m > 0) {
        from = monthStart(y, p.m);
        to = monthEnd(y, p.m);
        precision = Precision.Month;
      } else {
        from = dayNumber(y, 1, 1);
        to = dayNumber(y, 12, 31);
        precision = Precision.Year;
      }
      break;
    }
    case PieceKind.Decade:
      from = dayNumber(y, 1, 1);
      to = dayNumber(y + 9, 12, 31);
      precision = Precision.Decade;
      break;
    default: {
      if (y === 0) {
        if (Number.isNaN(doc)) return set(NaN, NaN, Precision.Day);
        y = yearOf(doc);
      }
      if (p.kind === PieceKind.Quarter) {
        from = monthStart(y, p.n * 3 - 2);
        to = monthEnd(y, p.n * 3);
        precision = Precision.Quarter;
      } else if (p.kind === PieceKind.Half) {
        from = monthStart(y, p.n * 6 - 5);
        to = monthEnd(y, p.n * 6);
        precision = Precision.Quarter;
      } else if (p.kind === PieceKind.FirstMonths) {
        from = monthStart(y, 1);
        to = monthEnd(y, Math.min(12, p.n));
        precision = Precision.Month;
      } else {
        // seasons: spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb of the next year
        const first = p.n * 3 + 3;
        from = monthStart(y, first);
        to = p.n === 3 ? monthEnd(y + 1, 2) : monthEnd(y, first + 2);
        precision = Precision.Season;
      }
    }
  }
  if (p.modifier) {
    const m = p.kind === PieceKind.Date ? p.m : monthOf(from);
    return applyModifier(p.modifier, from, to, precision, y, m);
  }
  return set(from, to, precision);
}
