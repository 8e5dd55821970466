// The time-expression grammar: a hand-written recursive descent over the value lexer's tokens,
// tried only at tokens that can start a time expression (digits, month and weekday names, and the
// few words flagged F_TIME_START). Each rule returns the token after what it read, or −1, and
// allocates only for what it finds.
//
//   expression := "between" atom "and" atom | "from" atom connector atom
//               | count unit ("ago" | "from now" | direction filler* anchor event-noun?)
//               | atom (connector atom)?           -- ranges and disjunctions become one interval
//   atom       := dates (June 9, 2025 · 9 June 2025 · 2025-06-09 · Feb 26 · February 2022 · 2023)
//               | decades, quarters, halves, "the first n months", seasons, fiscal years
//               | modifier base (late 2023 · mid-June · the end of the 1990s · early to mid-2024)
//               | relative (yesterday · last month · this week · next year · on Monday · the past two years)

import { entries, F_MONTH, F_WEEKDAY, F_NUMWORD, F_ORDINAL, F_TIME_UNIT, F_SEASON, F_RELATIVE, F_MODIFIER,
  F_CURRENCY_WORD, F_CURRENCY_CODE, F_PERCENT, F_UNIT, F_SCALE, F_FUTURE_CUE, F_EVENT_NOUN, F_ANCHOR_FILLER,
  F_DAY_PART, F_OFFSET_DIRECTION, F_DATE_CUE, F_VAGUE_COUNT, F_TIME_START, type LexEntry } from '../quantities/lexicon.js';
import { WORD, NUM, PUNCT, SPACED, NEW_LINE, PARAGRAPH, CAPITALIZED, GROUPED, DECIMAL, lowerCode, type ValueTokens } from '../quantities/lexer.js';
import { readNumberWords } from '../quantities/numbers.js';
import { TimeUnit, Modifier } from './words.js';
import { dayNumber, daysInMonth, monthStart, monthEnd, yearOf, monthOf, weekdayOf, weekStart, addMonths } from './calendar.js';
import { type Piece, PieceKind, Precision, makePiece, copyPiece, intervalPiece, resolve, resolved } from './pieces.js';

const enum Connector {
  None = 0,
  Range,
  Or,
  And,
}

/** Receives each expression found: token range, and from/to as day numbers (NaN when unresolvable). */
export type TimeSink = (startToken: number, endToken: number, from: number, to: number, precision: Precision) => void;

const HYPHEN = 0x2d;
const EN_DASH = 0x2013;
const EM_DASH = 0x2014;
const SLASH = 0x2f;
const COMMA = 0x2c;
const PERIOD = 0x2e;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const COLON = 0x3a;

const CURRENCY_SIGNS = new Set([0x24, 0x20ac, 0xa3, 0xa5, 0x20bd, 0x20b9]);
const NOT_AFTER_YEAR = F_CURRENCY_WORD | F_CURRENCY_CODE | F_PERCENT | F_UNIT | F_SCALE;

export class TimeGrammar {
  private t!: ValueTokens;
  private text = '';
  private n = 0;
  private doc = NaN;
  private docYear = 0;
  private docMonth = 0;

  /** Scans all tokens; calls sink for each time expression, left to right, without overlaps. */
  scan(t: ValueTokens, documentDay: number, sink: TimeSink): void {
    this.t = t;
    this.text = t.text;
    this.n = t.count;
    this.doc = documentDay;
    this.docYear = Number.isNaN(documentDay) ? 0 : yearOf(documentDay);
    this.docMonth = Number.isNaN(documentDay) ? 0 : monthOf(documentDay);
    const kinds = t.kinds;
    const ents = t.entries;
    const count = t.count;
    // No expression crosses a paragraph break: the grammar sees the text up to the next one only.
    let paragraphEnd = 0;
    for (let i = 0; i < count; ) {
      if (i >= paragraphEnd) {
        paragraphEnd = i + 1;
        while (paragraphEnd < count && !(t.shapes[paragraphEnd]! & PARAGRAPH)) paragraphEnd++;
        this.n = paragraphEnd;
      }
      const kind = kinds[i]!;
      const e = ents[i]!;
      if (kind === NUM || (kind === WORD && e >= 0 && entries[e]!.flags & (F_TIME_START | F_TIME_UNIT)) || this.isApostrophe(i)) {
        const p = this.expression(i);
        if (p) {
          resolve(p, this.doc);
          sink(i, p.end, resolved.from, resolved.to, resolved.precision);
          i = p.end;
          continue;
        }
      }
      i++;
    }
  }

  // ---------------------------------------------------------------- token tests

  private entry(i: number): LexEntry | null {
    if (i >= this.n || i < 0) return null;
    const e = this.t.entries[i]!;
    return e >= 0 ? entries[e]! : null;
  }

  private word(i: number): string {
    const e = this.entry(i);
    return e ? e.word : '';
  }

  private flags(i: number): number {
    const e = this.entry(i);
    return e ? e.flags : 0;
  }

  private isChar(i: number, code: number): boolean {
    return i < this.n && i >= 0 && this.t.kinds[i] === PUNCT && this.text.charCodeAt(this.t.starts[i]!) === code;
  }

  private isDash(i: number): boolean {
    if (i >= this.n || this.t.kinds[i] !== PUNCT) return false;
    const c = this.text.charCodeAt(this.t.starts[i]!);
    return c === HYPHEN || c === EN_DASH || c === EM_DASH;
  }

  private isApostrophe(i: number): boolean {
    return this.isChar(i, APOSTROPHE) || this.isChar(i, RIGHT_QUOTE);
  }

  /** No whitespace between token i−1 and token i. */
  private attached(i: number): boolean {
    return i < this.n && !(this.t.shapes[i]! & SPACED);
  }

  private capitalized(i: number): boolean {
    return (this.t.shapes[i]! & CAPITALIZED) !== 0;
  }

  /** Integer value of a plain digit run (no separators), or −1. */
  private integer(i: number, maxDigits: number): number {
    if (i >= this.n || this.t.kinds[i] !== NUM || this.t.shapes[i]! & (GROUPED | DECIMAL)) return -1;
    const s = this.t.starts[i]!;
    const e = this.t.ends[i]!;
    if (e - s > maxDigits) return -1;
    let v = 0;
    for (let k = s; k < e; k++) v = v * 10 + this.text.charCodeAt(k) - 0x30;
    return v;
  }

  private digits(i: number): number {
    return this.t.ends[i]! - this.t.starts[i]!;
  }

  /** "st", "nd", "rd", "th" written on to a number. */
  private isOrdinalSuffix(i: number): boolean {
    if (i >= this.n || this.t.kinds[i] !== WORD || !this.attached(i)) return false;
    const s = this.t.starts[i]!;
    if (this.t.ends[i]! - s !== 2) return false;
    const a = lowerCode(this.text.charCodeAt(s));
    const b = lowerCode(this.text.charCodeAt(s + 1));
    return (a === 0x73 && b === 0x74) || (a === 0x6e && b === 0x64) || (a === 0x72 && b === 0x64) || (a === 0x74 && b === 0x68);
  }

  private isLetterS(i: number): boolean {
    return i < this.n && this.t.kinds[i] === WORD && this.t.ends[i]! - this.t.starts[i]! === 1 &&
      (this.text.charCodeAt(this.t.starts[i]!) | 0x20) === 0x73;
  }

  /** A token that, before a bare month name or an old year, makes it a date ("in May", "from 1644"). */
  private cued(i: number): boolean {
    if (i - 1 < 0) return false;
    if (this.flags(i - 1) & (F_DATE_CUE | F_MODIFIER)) return true;
    return this.isDash(i - 1) && this.attached(i);
  }

  private connector(i: number): Connector {
    if (i >= this.n) return Connector.None;
    if (this.isDash(i)) return Connector.Range;
    if (this.isChar(i, SLASH)) return Connector.Or;
    const w = this.word(i);
    if (w === 'to' || w === 'through' || w === 'until' || w === 'till' || w === 'thru') return Connector.Range;
    if (w === 'or') return Connector.Or;
    if (w === 'and') return Connector.And;
    return Connector.None;
  }

  /**
   * A four-digit year at i. Years 1800–2100 stand alone unless a unit, currency or percent follows
   * ("2000 tonnes"); older ones need a cue before them ("from 1644").
   */
  private year(i: number, cued: boolean): number {
    const v = this.integer(i, 4);
    if (v < 1000 || this.digits(i) !== 4) return -1;
    if (v > 2100 || (v < 1800 && !cued && !this.cued(i))) return -1;
    if (i > 0 && this.attached(i)) {
      const before = this.t.kinds[i - 1];
      if (before === WORD) return -1;
      if (before === PUNCT && CURRENCY_SIGNS.has(this.text.charCodeAt(this.t.starts[i - 1]!))) return -1;
      if (this.isDash(i - 1) && i > 1 && this.t.kinds[i - 2] === WORD && this.attached(i - 1) &&
        !(this.flags(i - 2) & (F_MODIFIER | F_MONTH))) return -1; // Su-2025, COVID-2019
    }
    const next = i + 1;
    if (next < this.n) {
      if (this.attached(next)) {
        const k = this.t.kinds[next];
        if (k === WORD || k === NUM) return -1;
        if (this.isChar(next, 0x25)) return -1;
        if (this.isChar(next, COLON) && this.attached(next + 1) && this.t.kinds[next + 1] === NUM) return -1; // 2025:10 is no year
      } else if (this.flags(next) & NOT_AFTER_YEAR) return -1;
      else if (this.isChar(next, 0x25)) return -1;
    }
    return v;
  }

  // ---------------------------------------------------------------- expressions

  private expression(i: number): Piece | null {
    const w = this.word(i);
    if (w === 'between') {
      const left = this.atom(i + 1, null);
      if (left && this.word(left.end) === 'and') {
        const right = this.atom(left.end + 1, left);
        if (right) return this.combine(left, right, Connector.Range);
      }
      return null;
    }
    if (w === 'from') {
      const left = this.atom(i + 1, null);
      if (left) {
        const c = this.connector(left.end);
        if (c === Connector.Range) {
          const right = this.atom(left.end + 1, left);
          if (right) return this.combine(left, right, Connector.Range);
        }
      }
      return null;
    }
    const offset = this.offset(i);
    if (offset) return offset;
    const dayRange = this.leadingDayRange(i);
    if (dayRange) return dayRange;
    return this.rangeOrAtom(i);
  }

  /** An atom, or two joined by a connector into one interval. */
  private rangeOrAtom(i: number): Piece | null {
    const left = this.atom(i, null);
    if (!left) return null;
    const c = this.connector(left.end);
    if (c !== Connector.None) {
      const right = this.atom(left.end + 1, left);
      if (right && (c !== Connector.And || this.elliptical(left, right))) return this.combine(left, right, c);
    }
    return left;
  }

  /** "X and Y" is one interval only when one side borrows from the other ("November and December 2022", "May 16 and 17"). */
  private elliptical(left: Piece, right: Piece): boolean {
    return left.kind === PieceKind.Date && right.kind === PieceKind.Date && (left.y === 0 && right.y !== 0 || right.borrowed === true);
  }

  private combine(left: Piece, right: Piece, c: Connector): Piece | null {
    // "Aug/Sept", "March to May": neither side has a year; the right one follows the left one
    if (left.kind === PieceKind.Date && right.kind === PieceKind.Date && left.y === 0 && right.y === 0 && left.m > 0 && right.m > 0) {
      if (!resolve(left, this.doc)) return intervalPiece(NaN, NaN, Precision.Day, right.end);
      left.y = yearOf(resolved.from);
      right.y = right.m < left.m || (right.m === left.m && right.d < left.d) ? left.y + 1 : left.y;
    }
    if (left.kind !== PieceKind.Interval && right.kind !== PieceKind.Interval && left.y === 0 && right.y !== 0) {
      left.y = right.y;
      if (left.kind === PieceKind.Date && right.kind === PieceKind.Date && left.m > 0 && right.m > 0 &&
        (left.m > right.m || (left.m === right.m && left.d > right.d))) left.y = right.y - 1;
    }
    resolve(left, this.doc);
    const lf = resolved.from;
    const lt = resolved.to;
    const lp = resolved.precision;
    resolve(right, this.doc);
    const end = right.end;
    if (Number.isNaN(lf) || Number.isNaN(resolved.from)) return intervalPiece(NaN, NaN, Precision.Day, end);
    const from = Math.min(lf, resolved.from);
    const to = Math.max(lt, resolved.to);
    let precision: Precision;
    if (c === Connector.Or) precision = Precision.Fuzzy;
    else precision = lp > resolved.precision ? lp : resolved.precision;
    return intervalPiece(from, to, precision, end);
  }

  /** "11–21 April 2025", "16 and 17 May": a bare day borrowing month and year from the date after it. */
  private leadingDayRange(i: number): Piece | null {
    const d = this.integer(i, 2);
    if (d < 1 || d > 31 || this.attached(i + 1)) return null;
    const c = this.connector(i + 1);
    if (c === Connector.None) return null;
    const right = this.atom(i + 2, null);
    if (!right || right.kind !== PieceKind.Date || right.d === 0 || right.m === 0) return null;
    const left = makePiece(PieceKind.Date, i + 1);
    left.d = d;
    left.m = right.m;
    left.y = right.y;
    if (d > right.d) return null;
    return this.combine(left, right, c === Connector.Or ? Connector.Or : Connector.Range);
  }

  // ---------------------------------------------------------------- atoms

  private atom(i: number, left: Piece | null): Piece | null {
    if (i >= this.n) return null;
    const kind = this.t.kinds[i];
    if (kind === NUM) return this.numericAtom(i, left);
    if (kind === PUNCT) return this.isApostrophe(i) ? this.shortDecade(i) : null;
    const e = this.entry(i);
    if (!e) return null;
    const f = e.flags;
    if (f & F_MONTH && this.capitalized(i)) return this.monthAtom(i, e, left);
    if (e.word === 'the') return this.theAtom(i);
    if (f & F_MODIFIER) return this.modified(i, e);
    if (f & F_WEEKDAY && this.capitalized(i)) return this.weekdayAtom(i, e);
    if (f & F_RELATIVE) return this.relative(i, e);
    if (f & F_ORDINAL) return this.ordinalAtom(i, i);
    if (f & F_SEASON) return this.season(i, e);
    switch (e.word) {
      case 'yesterday': return this.dayWord(i, -1);
      case 'today': return this.dayWord(i, 0);
      case 'tonight': return this.dayWord(i, 0);
      case 'tomorrow': return this.dayWord(i, 1);
      case 'q': return this.quarterCode(i, 4, PieceKind.Quarter);
      case 'h': return this.quarterCode(i, 2, PieceKind.Half);
      case 'fiscal': {
        const j = this.word(i + 1) === 'year' ? i + 2 : i + 1;
        const y = this.year(j, true);
        if (y < 0) return null;
        const p = makePiece(PieceKind.Date, j + 1);
        p.y = y;
        return p;
      }
    }
    return null;
  }

  private numericAtom(i: number, left: Piece | null): Piece | null {
    const v = this.integer(i, 4);
    if (v < 0) return null;
    const digits = this.digits(i);
    if (digits === 4) {
      const iso = this.isoDate(i, v);
      if (iso) return iso;
      const decade = this.decade(i, v);
      if (decade) return decade;
      const y = this.year(i, left !== null);
      if (y < 0) return null;
      // year ranges written short or long: 2022-23, 1986/87, 2022–2024 (when attached)
      if ((this.isDash(i + 1) || this.isChar(i + 1, SLASH)) && this.attached(i + 1) && this.attached(i + 2)) {
        const second = this.integer(i + 2, 4);
        const secondDigits = second >= 0 ? this.digits(i + 2) : 0;
        let y2 = -1;
        if (secondDigits === 2 && this.t.kinds[i + 3] !== NUM) {
          y2 = Math.floor(y / 100) * 100 + second;
          if (y2 <= y) y2 += 100;
          if (y2 - y > 10) y2 = -1;
        } else if (secondDigits === 4 && second > y && second - y <= 200 && !(this.isDash(i + 3) && this.attached(i + 3))) {
          y2 = second;
        }
        if (y2 > 0) return intervalPiece(dayNumber(y, 1, 1), dayNumber(y2, 12, 31), Precision.Year, i + 3);
      }
      const p = makePiece(PieceKind.Date, i + 1);
      p.y = y;
      return p;
    }
    if (digits <= 2) {
      const slash = this.slashDate(i, v);
      if (slash) return slash;
      const dayFirst = this.dayFirst(i);
      if (dayFirst) return dayFirst;
      // the right side of "May 16 and 17", "April 11–21, 2025": a bare day borrowing the left's month
      // (not after a full date: "due March 1, 1997 and 12 shares")
      const dayEnd = left && left.kind === PieceKind.Date && left.d > 0 && left.m > 0 && left.y === 0 ? this.dayNumber(i) : -1;
      if (left && dayEnd > 0) {
        const p = makePiece(PieceKind.Date, dayEnd);
        p.d = v;
        p.m = left.m;
        p.y = left.y;
        p.borrowed = true;
        let j = dayEnd;
        if (this.isChar(j, COMMA)) j++;
        const y = this.year(j, true);
        if (y > 0) {
          p.y = y;
          p.end = j + 1;
        }
        if (v < left.d) return null;
        return p;
      }
    }
    return null;
  }

  /** 2025-06-09, 2025/06/09, 2025-06 (month, only with a leading zero). */
  private isoDate(i: number, y: number): Piece | null {
    const sep = i + 1;
    if (!(this.isChar(sep, HYPHEN) || this.isChar(sep, SLASH)) || !this.attached(sep) || !this.attached(i + 2)) return null;
    const m = this.integer(i + 2, 2);
    if (m < 1 || m > 12 || this.digits(i + 2) !== 2) return null;
    const sepCode = this.text.charCodeAt(this.t.starts[sep]!);
    if (this.isChar(i + 3, sepCode) && this.attached(i + 3) && this.attached(i + 4)) {
      const d = this.integer(i + 4, 2);
      if (d < 1 || d > daysInMonth(y, m)) return null;
      const p = makePiece(PieceKind.Date, i + 5);
      p.y = y;
      p.m = m;
      p.d = d;
      return p;
    }
    if (this.text.charCodeAt(this.t.starts[i + 2]!) !== 0x30 || sepCode !== HYPHEN) return null;
    if (i + 3 < this.n && this.attached(i + 3) && this.t.kinds[i + 3] !== PUNCT) return null;
    const p = makePiece(PieceKind.Date, i + 3);
    p.y = y;
    p.m = m;
    return p;
  }

  /** 6/9/2025 (month first, as US news writes it, unless the first number cannot be a month). */
  private slashDate(i: number, a: number): Piece | null {
    if (!this.isChar(i + 1, SLASH) || !this.attached(i + 1) || !this.attached(i + 2)) return null;
    const b = this.integer(i + 2, 2);
    if (b < 1 || !this.isChar(i + 3, SLASH) || !this.attached(i + 3) || !this.attached(i + 4)) return null;
    const y = this.integer(i + 4, 4);
    if (y < 1800 || this.digits(i + 4) !== 4) return null;
    let m = a;
    let d = b;
    if (a > 12) {
      m = b;
      d = a;
    }
    if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
    const p = makePiece(PieceKind.Date, i + 5);
    p.y = y;
    p.m = m;
    p.d = d;
    return p;
  }

  /** 1990s, 1990's (the decade), starting at token `start` (which may be "the"). */
  private decade(i: number, v: number): Piece | null {
    if (v % 10 !== 0 || v < 1000 || v > 2100) return null;
    let j = i + 1;
    if (this.isApostrophe(j) && this.attached(j)) j++;
    if (!this.isLetterS(j) || !this.attached(j)) return null;
    const p = makePiece(PieceKind.Decade, j + 1);
    p.y = v;
    return p;
  }

  /** '90s */
  private shortDecade(i: number): Piece | null {
    const v = this.integer(i + 1, 2);
    if (v < 0 || v % 10 !== 0 || this.digits(i + 1) !== 2 || !this.attached(i + 1) || !this.isLetterS(i + 2) || !this.attached(i + 2)) return null;
    const p = makePiece(PieceKind.Decade, i + 3);
    p.y = 1900 + v;
    return p;
  }

  /** A day number: 1–31, optionally with st/nd/rd/th; returns the token after it or −1. */
  private dayNumber(i: number): number {
    const d = this.integer(i, 2);
    if (d < 1 || d > 31) return -1;
    if (i + 1 < this.n && this.attached(i + 1) && this.t.kinds[i + 1] === WORD) return this.isOrdinalSuffix(i + 1) ? i + 2 : -1;
    if (i + 1 < this.n && this.attached(i + 1) && this.t.kinds[i + 1] === NUM) return -1;
    return i + 1;
  }

  /** A year after a month or a day, possibly after a comma: returns it and sets this.yearEnd. */
  private yearEnd = 0;
  private trailingYear(j: number): number {
    let k = j;
    if (this.isChar(k, COMMA)) k++;
    const y = this.year(k, true);
    if (y > 0) {
      this.yearEnd = k + 1;
      return y;
    }
    // a year named relatively: "March last year", "April next year"
    if (k === j) {
      const rel = this.relativeYear(j);
      if (rel !== 0) {
        this.yearEnd = j + 2;
        return rel;
      }
    }
    return 0;
  }

  /** "last year", "this year", "next year", "the year" → the year (NaN without a document date), else 0. */
  private relativeYear(i: number): number {
    const e = this.entry(i);
    if (!e || this.word(i + 1) !== 'year') return 0;
    let dir: number;
    if (e.word === 'the') dir = 0;
    else if (e.word === 'last' || e.word === 'this' || e.word === 'next') dir = e.direction;
    else return 0;
    return Number.isNaN(this.doc) ? NaN : this.docYear + dir;
  }

  /** 9 June 2025, 9th of June, 12 Nov, 2019, 28 March. */
  private dayFirst(i: number): Piece | null {
    let j = this.dayNumber(i);
    if (j < 0) return null;
    if (this.word(j) === 'of') j++;
    const e = this.entry(j);
    if (!e || !(e.flags & F_MONTH) || !this.capitalized(j)) return null;
    const m = e.month;
    const d = this.integer(i, 2);
    j++;
    if (e.monthAbbreviation && this.isChar(j, PERIOD) && this.attached(j)) j++;
    const p = makePiece(PieceKind.Date, j);
    p.m = m;
    p.d = d;
    const y = this.trailingYear(j);
    if (y !== 0) {
      p.y = y;
      p.end = this.yearEnd;
    }
    if (!Number.isNaN(p.y) && p.y > 0 && d > daysInMonth(p.y, m)) return null;
    if (d > daysInMonth(2000, m)) return null;
    return p;
  }

  private monthAtom(i: number, e: LexEntry, left: Piece | null): Piece | null {
    let j = i + 1;
    if (e.monthAbbreviation && this.isChar(j, PERIOD) && this.attached(j)) j++;
    const m = e.month;
    // Month day[, year]
    const dayEnd = this.t.kinds[j] === NUM && this.digits(j) <= 2 ? this.dayNumber(j) : -1;
    if (dayEnd > 0) {
      const d = this.integer(j, 2);
      if (d <= daysInMonth(2000, m)) {
        const p = makePiece(PieceKind.Date, dayEnd);
        p.m = m;
        p.d = d;
        const y = this.trailingYear(dayEnd);
        if (y !== 0) {
          if (!Number.isNaN(y) && d > daysInMonth(y, m)) return null;
          p.y = y;
          p.end = this.yearEnd;
        }
        return p;
      }
    }
    // Month[,] year · Month last year
    const y = this.trailingYear(j);
    if (y !== 0) {
      const p = makePiece(PieceKind.Date, this.yearEnd);
      p.m = m;
      p.y = y;
      return p;
    }
    // a bare month: only a full name after a cue ("in May"), or before another month ("March to May")
    if (e.monthAbbreviation && !(e.word === 'sept' || e.word === 'jan' || e.word === 'feb' || e.word === 'aug' ||
      e.word === 'oct' || e.word === 'nov' || e.word === 'dec')) return null;
    const next = this.connector(j) !== Connector.None ? this.entry(j + 1) : null;
    if (!left && !this.cued(i) && !(next && next.flags & F_MONTH)) return null;
    const p = makePiece(PieceKind.Date, j);
    p.m = m;
    return p;
  }

  private theAtom(i: number): Piece | null {
    const j = i + 1;
    if (j >= this.n) return null;
    const kind = this.t.kinds[j];
    if (kind === NUM) {
      const v = this.integer(j, 4);
      const decade = v >= 0 ? this.decade(j, v) : null;
      if (decade) return decade;
      return this.dayFirst(j);
    }
    if (kind === PUNCT) return this.isApostrophe(j) ? this.shortDecade(j) : null;
    const e = this.entry(j);
    if (!e) return null;
    if (e.flags & F_ORDINAL) return this.ordinalAtom(j, i);
    if (e.flags & F_MODIFIER) return this.modified(j, e);
    if (e.flags & F_SEASON && this.word(j + 1) === 'of') return this.season(j, e);
    if (e.word === 'past' || e.word === 'last' || e.word === 'coming' || e.word === 'next') return this.duration(j + 1, e.direction < 0 ? -1 : 1, true);
    if (e.word === 'day' && this.flags(j + 1) & F_OFFSET_DIRECTION) {
      const w = this.word(j + 2);
      if (w === 'yesterday' || w === 'tomorrow') {
        const shift = (w === 'yesterday' ? -1 : 1) + entries[this.t.entries[j + 1]!]!.direction;
        return this.dayAt(this.doc + shift, j + 3);
      }
      return this.anchored(j + 1, 1, 1, TimeUnit.Day);
    }
    return null;
  }

  /** first/second/third/fourth quarter, first/second half, the first nine months — of a year or of the document's. */
  private ordinalAtom(i: number, start: number): Piece | null {
    const o = this.entry(i)!.number;
    let j = i + 1;
    if (this.isDash(j) && this.attached(j)) j++;
    const w = this.word(j);
    let p: Piece;
    if (w === 'quarter' && o >= 1 && o <= 4) {
      p = makePiece(PieceKind.Quarter, j + 1);
      p.n = o;
    } else if (w === 'half' && o >= 1 && o <= 2) {
      p = makePiece(PieceKind.Half, j + 1);
      p.n = o;
    } else if (o === 1) {
      let count = this.integer(j, 2);
      let k = j + 1;
      if (count < 0) {
        const words = this.t.kinds[j] === WORD ? readNumberWords(this.t, j) : null;
        if (!words) return null;
        count = words.value;
        k = words.end;
      }
      if (this.word(k) !== 'months' || count < 1 || count > 12) return null;
      p = makePiece(PieceKind.FirstMonths, k + 1);
      p.n = count;
      j = k;
    } else return null;
    // of 2024 · 2024 · of last year · of the year
    let k = j + 1;
    if (this.word(k) === 'of') k++;
    const y = this.year(k, true);
    if (y > 0) {
      p.y = y;
      p.end = k + 1;
    } else {
      const rel = this.relativeYear(k);
      if (rel !== 0) {
        p.y = rel;
        p.end = k + 2;
      } else if (start === i && !(this.isDash(i + 1) || this.capitalized(i))) {
        return null; // "first quarter" without "the", a year or a hyphen is too loose
      } else if (Number.isNaN(this.doc)) p.y = NaN;
    }
    return p;
  }

  /** Q1 2024, H1 2025 */
  private quarterCode(i: number, max: number, kind: PieceKind): Piece | null {
    if (!this.capitalized(i) || this.t.ends[i]! - this.t.starts[i]! !== 1 || !this.attached(i + 1)) return null;
    const q = this.integer(i + 1, 1);
    if (q < 1 || q > max) return null;
    if (i + 2 < this.n && this.attached(i + 2) && this.t.kinds[i + 2] !== PUNCT) return null;
    const p = makePiece(kind, i + 2);
    p.n = q;
    const y = this.trailingYear(i + 2);
    if (y !== 0) {
      p.y = y;
      p.end = this.yearEnd;
    } else if (Number.isNaN(this.doc)) p.y = NaN;
    return p;
  }

  /** spring 2024, the summer of 2023, winter 2022-23 */
  private season(i: number, e: LexEntry): Piece | null {
    // "exports fall this year" is a verb
    if (e.word === 'fall' && !this.capitalized(i) && !this.cued(i) && this.word(i - 1) !== 'the') return null;
    let j = i + 1;
    if (this.word(j) === 'of') j++;
    const y = this.year(j, true);
    const p = makePiece(PieceKind.Season, j + 1);
    p.n = e.season;
    if (y > 0) {
      p.y = y;
      // "winter 2022-23"
      if ((this.isDash(j + 1) || this.isChar(j + 1, SLASH)) && this.attached(j + 1) && this.integer(j + 2, 2) >= 0 && this.attached(j + 2)) p.end = j + 3;
      return p;
    }
    const rel = this.relativeYear(j);
    if (rel === 0) return null;
    p.y = rel;
    p.end = j + 2;
    return p;
  }

  /** early/mid/late X, the beginning/end/middle of X, end-X, earlier this year, early to mid-2024. */
  private modified(i: number, e: LexEntry): Piece | null {
    let modifier = e.modifier;
    let j = i + 1;
    if (modifier === Modifier.Earlier || modifier === Modifier.Later) return this.earlierLater(i, modifier);
    if (e.word === 'beginning' || e.word === 'start' || e.word === 'middle') {
      if (this.word(j) !== 'of') return null;
      j++;
    } else if (e.word === 'end') {
      if (this.word(j) === 'of') j++;
      else if (this.isDash(j) && this.attached(j) && this.attached(j + 1)) j++;
      else return null;
    } else if (this.isDash(j) && this.attached(j)) {
      j++;
    }
    let base = this.base(j);
    if (!base) {
      // early to mid-2024, late 2023 or early 2024 share a base only in the first form
      const c = this.connector(j);
      const other = c !== Connector.None ? this.entry(j + 1) : null;
      if (!other || !(other.flags & F_MODIFIER) || other.modifier >= Modifier.Earlier) return null;
      let k = j + 2;
      if (this.isDash(k) && this.attached(k)) k++;
      base = this.base(k);
      if (!base) return null;
      const first = copyPiece(base);
      first.modifier = modifier;
      base.modifier = other.modifier;
      return this.combine(first, base, c === Connector.Or ? Connector.Or : Connector.Range);
    }
    if (base.kind === PieceKind.Interval) {
      // a relative month or year ("late last year"): apply the modifier to its interval
      if (Number.isNaN(base.from)) return base;
      const p = base;
      const y = yearOf(p.from);
      const m = monthOf(p.from);
      const unit = p.precision;
      const asDate = makePiece(PieceKind.Date, p.end);
      asDate.y = y;
      if (unit === Precision.Month) asDate.m = m;
      else if (unit !== Precision.Year) return p;
      asDate.modifier = modifier;
      return asDate;
    }
    base.modifier = modifier;
    return base;
  }

  /** What a modifier applies to: a year, a month, a decade, or a relative month or year. */
  private base(j: number): Piece | null {
    if (j >= this.n) return null;
    if (this.t.kinds[j] === NUM) {
      const v = this.integer(j, 4);
      if (v < 0 || this.digits(j) !== 4) return null;
      const decade = this.decade(j, v);
      if (decade) return decade;
      const y = this.year(j, true);
      if (y < 0) return null;
      const p = makePiece(PieceKind.Date, j + 1);
      p.y = y;
      return p;
    }
    const e = this.entry(j);
    if (!e) return null;
    if (e.flags & F_MONTH && this.capitalized(j)) {
      let k = j + 1;
      if (e.monthAbbreviation && this.isChar(k, PERIOD) && this.attached(k)) k++;
      const p = makePiece(PieceKind.Date, k);
      p.m = e.month;
      const y = this.trailingYear(k);
      if (y !== 0) {
        p.y = y;
        p.end = this.yearEnd;
      }
      return p;
    }
    if (e.word === 'the') {
      const rel = this.relativeYear(j);
      if (rel !== 0) {
        const p = makePiece(PieceKind.Date, j + 2);
        p.y = rel;
        return p;
      }
      const v = this.integer(j + 1, 4);
      if (v >= 0) return this.decade(j + 1, v);
      if (this.isApostrophe(j + 1)) return this.shortDecade(j + 1);
      return null;
    }
    if (e.word === 'last' || e.word === 'this' || e.word === 'next') {
      const u = this.entry(j + 1);
      if (u && (u.unit === TimeUnit.Year || u.unit === TimeUnit.Month) && u.word.length > 0 && !u.word.endsWith('s')) {
        return this.relativeUnit(j + 2, u.unit, e.direction);
      }
    }
    return null;
  }

  /** earlier this year, later this month, earlier this week. */
  private earlierLater(i: number, modifier: number): Piece | null {
    const r = this.entry(i + 1);
    const u = this.entry(i + 2);
    if (!r || !(r.flags & F_RELATIVE) || !u || !(u.flags & F_TIME_UNIT)) return null;
    if (u.unit !== TimeUnit.Year && u.unit !== TimeUnit.Month && u.unit !== TimeUnit.Week) return null;
    if (r.word !== 'this' && r.word !== 'last' && r.word !== 'next') return null;
    const whole = this.relativeUnit(i + 3, u.unit, r.direction);
    if (Number.isNaN(whole.from)) return whole;
    let from = whole.from;
    let to = whole.to;
    if (r.direction === 0) {
      if (modifier === Modifier.Earlier) to = Math.max(from, this.doc);
      else from = Math.min(to, this.doc);
    } else {
      const mid = from + Math.floor((to - from) / 2);
      if (modifier === Modifier.Earlier) to = mid;
      else from = mid + 1;
    }
    return intervalPiece(from, to, Precision.Fuzzy, i + 3);
  }

  /** The calendar unit (week, month, year …) `direction` units from the document's. */
  private relativeUnit(end: number, unit: number, direction: number): Piece {
    const doc = this.doc;
    if (Number.isNaN(doc)) return intervalPiece(NaN, NaN, Precision.Day, end);
    switch (unit) {
      case TimeUnit.Week: {
        const s = weekStart(doc) + 7 * direction;
        return intervalPiece(s, s + 6, Precision.Week, end);
      }
      case TimeUnit.Weekend: {
        const s = weekStart(doc) + 7 * direction;
        return intervalPiece(s + 5, s + 6, Precision.Day, end);
      }
      case TimeUnit.Month: {
        const first = addMonths(monthStart(this.docYear, this.docMonth), direction);
        return intervalPiece(first, monthEnd(yearOf(first), monthOf(first)), Precision.Month, end);
      }
      case TimeUnit.Quarter: {
        const q = Math.floor((this.docMonth - 1) / 3);
        const first = addMonths(monthStart(this.docYear, q * 3 + 1), direction * 3);
        const last = addMonths(first, 2);
        return intervalPiece(first, monthEnd(yearOf(last), monthOf(last)), Precision.Quarter, end);
      }
      case TimeUnit.Year: {
        const y = this.docYear + direction;
        return intervalPiece(dayNumber(y, 1, 1), dayNumber(y, 12, 31), Precision.Year, end);
      }
      case TimeUnit.Decade: {
        const y = Math.floor(this.docYear / 10) * 10 + 10 * direction;
        return intervalPiece(dayNumber(y, 1, 1), dayNumber(y + 9, 12, 31), Precision.Decade, end);
      }
      default:
        return intervalPiece(doc + direction, doc + direction, Precision.Day, end);
    }
  }

  /** last/this/next + week, month, year, quarter, decade, weekend, a weekday, a month or a season; last/next + n units. */
  private relative(i: number, e: LexEntry): Piece | null {
    const w = e.word;
    const dir = e.direction;
    const j = i + 1;
    const u = this.entry(j);
    if (w === 'past' || w === 'previous' || w === 'current' || w === 'coming') {
      return w === 'past' || w === 'coming' ? this.duration(j, dir, false) : null;
    }
    if (!u) return this.duration(j, dir, false);
    if (u.flags & F_DAY_PART && (w === 'this' || (w === 'last' && u.word === 'night'))) {
      return this.dayAt(this.doc + (w === 'last' ? -1 : 0), j + 1);
    }
    if (u.flags & F_TIME_UNIT && !u.word.endsWith('s') && u.unit !== TimeUnit.Hour && u.unit !== TimeUnit.Day && u.unitCount === 1) {
      return this.relativeUnit(j + 1, u.unit, dir);
    }
    if (u.flags & F_WEEKDAY && this.capitalized(j)) return this.weekday(u.weekday, dir, j + 1, i);
    if (u.flags & F_MONTH && this.capitalized(j) && !u.monthAbbreviation) {
      if (Number.isNaN(this.doc)) return intervalPiece(NaN, NaN, Precision.Month, j + 1);
      const m = u.month;
      let y = this.docYear;
      if (dir < 0 && m >= this.docMonth) y--;
      if (dir > 0 && m <= this.docMonth) y++;
      return intervalPiece(monthStart(y, m), monthEnd(y, m), Precision.Month, j + 1);
    }
    if (u.flags & F_SEASON) {
      if (Number.isNaN(this.doc)) return intervalPiece(NaN, NaN, Precision.Season, j + 1);
      return this.relativeSeason(u.season, dir, j + 1);
    }
    return this.duration(j, dir, false);
  }

  private relativeSeason(season: number, dir: number, end: number): Piece {
    const doc = this.doc;
    const p = makePiece(PieceKind.Season, end);
    p.n = season;
    const candidates = [this.docYear - 2, this.docYear - 1, this.docYear, this.docYear + 1];
    let chosen = this.docYear;
    if (dir < 0) {
      for (const y of candidates) {
        p.y = y;
        resolve(p, doc);
        if (resolved.to < doc) chosen = y;
      }
    } else if (dir > 0) {
      for (let k = candidates.length - 1; k >= 0; k--) {
        p.y = candidates[k]!;
        resolve(p, doc);
        if (resolved.from > doc) chosen = p.y;
      }
    } else {
      chosen = season === 3 && this.docMonth <= 2 ? this.docYear - 1 : this.docYear;
    }
    p.y = chosen;
    return p;
  }

  /** A weekday, the nearest one before the document date unless a future cue comes first ("will meet on Monday"). */
  private weekday(wd: number, dir: number | null, end: number, start: number): Piece {
    let j = end;
    if (this.flags(j) & F_DAY_PART) j++;
    const doc = this.doc;
    if (Number.isNaN(doc)) return intervalPiece(NaN, NaN, Precision.Day, j);
    const today = weekdayOf(doc);
    let day: number;
    if (dir === 0) day = weekStart(doc) + wd;
    else if (dir === -1) day = doc - ((today - wd + 7) % 7 || 7);
    else if (dir === 1) day = doc + ((wd - today + 7) % 7 || 7);
    else day = this.futureCue(start) ? doc + ((wd - today + 7) % 7) : doc - ((today - wd + 7) % 7);
    return intervalPiece(day, day, Precision.Day, j);
  }

  private futureCue(i: number): boolean {
    for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
      if (this.t.kinds[k] === PUNCT) {
        const c = this.text.charCodeAt(this.t.starts[k]!);
        if (c === PERIOD || c === 0x21 || c === 0x3f || c === 0x3b) return false;
      }
      if (this.flags(k) & F_FUTURE_CUE) return true;
      if (this.t.shapes[k]! & NEW_LINE) return false;
    }
    return false;
  }

  private weekdayAtom(i: number, e: LexEntry): Piece | null {
    let j = i + 1;
    if (this.isChar(j, COMMA)) j++;
    if (this.t.kinds[j] === NUM) {
      const d = this.dayFirst(j);
      if (d) return d;
    } else {
      const m = this.entry(j);
      if (m && m.flags & F_MONTH && this.capitalized(j)) {
        const d = this.monthAtom(j, m, null);
        if (d && d.d > 0) return d;
      }
    }
    return this.weekday(e.weekday, null, i + 1, i);
  }

  private dayWord(i: number, shift: number): Piece {
    let j = i + 1;
    if (this.flags(j) & F_DAY_PART) j++;
    return this.dayAt(this.doc + shift, j);
  }

  private dayAt(day: number, end: number): Piece {
    return intervalPiece(day, day, Precision.Day, end);
  }

  // ---------------------------------------------------------------- counts, durations, offsets

  // Set by count() before any use. NaN rather than 0 so that the fields hold doubles from the start:
  // a count read from number words can be fractional, and a field turning from small integers to doubles
  // mid-run changes the grammar's hidden class and throws away the code optimized for it.
  private countLow = NaN;
  private countHigh = NaN;

  /** A count of units at i: 3, three, a, a few, several, a couple of; or none before a plural unit. Returns the unit's token or −1. */
  private count(i: number): number {
    const kind = this.t.kinds[i];
    if (kind === NUM) {
      const v = this.integer(i, 3);
      if (v < 1) return -1;
      this.countLow = this.countHigh = v;
      return i + 1;
    }
    const e = this.entry(i);
    if (!e) return -1;
    if (e.flags & F_TIME_UNIT) {
      if (!e.word.endsWith('s')) return -1;
      this.countLow = 2;
      this.countHigh = 7;
      return i;
    }
    const w = e.word;
    if (w === 'a' || w === 'an' || w === 'one') {
      const next = this.entry(i + 1);
      if (next && next.flags & F_VAGUE_COUNT) {
        this.countLow = next.low;
        this.countHigh = next.high;
        return this.word(i + 2) === 'of' ? i + 3 : i + 2;
      }
      this.countLow = this.countHigh = 1;
      return i + 1;
    }
    if (e.flags & F_VAGUE_COUNT || w === 'some') {
      this.countLow = e.flags & F_VAGUE_COUNT ? e.low : 2;
      this.countHigh = e.flags & F_VAGUE_COUNT ? e.high : 7;
      return this.word(i + 1) === 'of' ? i + 2 : i + 1;
    }
    if (e.flags & F_NUMWORD) {
      const words = readNumberWords(this.t, i);
      if (!words || words.scaled || words.value < 1) return -1;
      this.countLow = this.countHigh = words.value;
      return words.end;
    }
    return -1;
  }

  /** past/next n units (and "the past year"): from n units before the document date to it, or after. */
  private duration(i: number, dir: number, afterThe: boolean): Piece | null {
    let j = this.count(i);
    let low: number;
    let high: number;
    if (j < 0) {
      const e = this.entry(i);
      if (!afterThe || !e || !(e.flags & F_TIME_UNIT) || e.word.endsWith('s')) return null;
      j = i;
      low = high = 1;
    } else {
      low = this.countLow;
      high = this.countHigh;
    }
    const u = this.entry(j);
    if (!u || !(u.flags & F_TIME_UNIT) || u.unit === TimeUnit.Weekend) return null;
    if (low > 1 && !u.word.endsWith('s')) return null;
    if (afterThe && j === i && (u.unit === TimeUnit.Day || u.unit === TimeUnit.Hour)) return null; // "the next day" is narrative time
    const end = j + 1;
    const doc = this.doc;
    if (Number.isNaN(doc)) return intervalPiece(NaN, NaN, Precision.Day, end);
    const n = high * u.unitCount;
    const far = shift(doc, u.unit, dir * n);
    const precision = u.unit === TimeUnit.Day || u.unit === TimeUnit.Hour ? Precision.Day : Precision.Fuzzy;
    return dir < 0 ? intervalPiece(far, doc, precision, end) : intervalPiece(doc, far, precision, end);
  }

  /** n units ago, n units from now, n units before/after an anchor. */
  private offset(i: number): Piece | null {
    const j = this.count(i);
    if (j < 0) return null;
    const u = this.entry(j);
    if (!u || !(u.flags & F_TIME_UNIT) || u.unit === TimeUnit.Weekend) return null;
    const low = this.countLow * u.unitCount;
    const high = this.countHigh * u.unitCount;
    const next = this.word(j + 1);
    if (next === 'ago' || (next === 'from' && this.word(j + 2) === 'now')) {
      const dir = next === 'ago' ? -1 : 1;
      const end = next === 'ago' ? j + 2 : j + 3;
      if (Number.isNaN(this.doc)) return intervalPiece(NaN, NaN, Precision.Day, end);
      return this.ago(u.unit, low, high, dir, end);
    }
    if (this.flags(j + 1) & F_OFFSET_DIRECTION) return this.anchored(j + 1, low, high, u.unit);
    return null;
  }

  private ago(unit: number, low: number, high: number, dir: number, end: number): Piece {
    const doc = this.doc;
    if (low !== high) {
      const a = shift(doc, unit, dir * high);
      const b = shift(doc, unit, dir * low);
      return intervalPiece(Math.min(a, b), Math.max(a, b), Precision.Fuzzy, end);
    }
    const day = shift(doc, unit, dir * low);
    switch (unit) {
      case TimeUnit.Week: {
        const s = weekStart(day);
        return intervalPiece(s, s + 6, Precision.Week, end);
      }
      case TimeUnit.Month: {
        const y = yearOf(day);
        const m = monthOf(day);
        return intervalPiece(monthStart(y, m), monthEnd(y, m), Precision.Month, end);
      }
      case TimeUnit.Quarter:
      case TimeUnit.Year: {
        const y = yearOf(day);
        return intervalPiece(dayNumber(y, 1, 1), dayNumber(y, 12, 31), Precision.Year, end);
      }
      case TimeUnit.Decade: {
        const y = yearOf(day);
        return intervalPiece(dayNumber(y - 1, 1, 1), dayNumber(y + 1, 12, 31), Precision.Fuzzy, end);
      }
      default:
        return intervalPiece(day, day, Precision.Day, end);
    }
  }

  /**
   * "three days before the February 2022 invasion": the anchor's interval moved by the offset. The
   * anchor may follow a few determiners or a possessive ("Russia's"); an event noun after it joins the span.
   */
  private anchored(dirToken: number, low: number, high: number, unit: number): Piece | null {
    const d = this.entry(dirToken)!;
    let k = dirToken + 1;
    if (d.word === 'prior' || d.word === 'ahead') {
      const w = this.word(k);
      if (w !== 'to' && w !== 'of') return null;
      k++;
    }
    for (let skipped = 0; skipped < 4 && k < this.n; skipped++) {
      if (this.flags(k) & F_ANCHOR_FILLER) {
        k++;
        continue;
      }
      // a possessive name: Russia's, Moscow’s
      if (this.t.kinds[k] === WORD && this.capitalized(k) && !(this.flags(k) & (F_MONTH | F_WEEKDAY)) &&
        this.isApostrophe(k + 1) && this.attached(k + 1) && this.isLetterS(k + 2) && this.attached(k + 2)) {
        k += 3;
        continue;
      }
      break;
    }
    const anchor = this.rangeOrAtom(k);
    if (!anchor) return null;
    let end = anchor.end;
    if (this.flags(end) & F_EVENT_NOUN && !this.capitalized(end)) end++;
    resolve(anchor, this.doc);
    if (Number.isNaN(resolved.from)) return intervalPiece(NaN, NaN, Precision.Day, end);
    const dir = d.direction;
    let from: number;
    let to: number;
    if (dir < 0) {
      from = shiftStart(resolved.from, unit, -high);
      to = shiftEnd(resolved.to, unit, -low);
    } else {
      from = shiftStart(resolved.from, unit, low);
      to = shiftEnd(resolved.to, unit, high);
    }
    let precision = Precision.Fuzzy;
    if (low === high) {
      const p = resolved.precision;
      if (p === Precision.Day && (unit === TimeUnit.Day || unit === TimeUnit.Week)) precision = Precision.Day;
      else if (p === Precision.Month && unit === TimeUnit.Month) precision = Precision.Month;
      else if (p === Precision.Year && unit === TimeUnit.Year) precision = Precision.Year;
    }
    return intervalPiece(from, to, precision, end);
  }
}

/** A day moved by n units (months and longer keep the day of the month). */
function shift(day: number, unit: number, n: number): number {
  switch (unit) {
    case TimeUnit.Hour: return day + Math.trunc(n / 24);
    case TimeUnit.Day: return day + n;
    case TimeUnit.Week: return day + 7 * n;
    case TimeUnit.Month: return addMonths(day, n);
    case TimeUnit.Quarter: return addMonths(day, 3 * n);
    case TimeUnit.Year: return addMonths(day, 12 * n);
    case TimeUnit.Decade: return addMonths(day, 120 * n);
  }
  return day;
}

function shiftStart(day: number, unit: number, n: number): number {
  return shift(day, unit, n);
}

/** The last day of an interval moved by whole months stays the last day of its month. */
function shiftEnd(day: number, unit: number, n: number): number {
  if (unit === TimeUnit.Hour || unit === TimeUnit.Day || unit === TimeUnit.Week) return shift(day, unit, n);
  return shift(day + 1, unit, n) - 1;
}
