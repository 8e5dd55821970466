// Numbers, money, percentages and quantities, one pass over the value lexer's tokens.
//
//   amount   := currency-prefix? number scale? suffix?
//   currency-prefix := $ € £ ¥ ₽ ₹ (US$, HK$, A$ …) | RMB USD EUR … | dollars (as some papers write it)
//   number   := digits (155,221 · 5.93) | number words (two million · twenty-five · a dozen · half a million)
//   scale    := thousand million billion trillion mln bn tn млн млрд … | m b k written on (£600m, $5b, 10k)
//   suffix   := % | percent | pct | per cent | percentage points
//             | currency word (dollars · dlrs · U.S. dlrs · Canadian dlrs · yuan · долларов) | currency code
//             | unit (tonnes · barrels · kilos · metric tonnes · any plural noun: bags, troops)
//
// Numbers inside time expressions ("2023", "Feb 26", "three days before …") are skipped; so are
// digits written on to letters (G20, Su-35, COVID-19), ordinals (20th), clock times and versions.

import type { Quantity } from '../../model/mention.js';
import { lexValues, WORD, NUM, PUNCT, SPACED, NEW_LINE, CAPITALIZED, ALL_CAPS, type ValueTokens } from './lexer.js';
import {
  entries, F_SCALE, F_CURRENCY_WORD, F_CURRENCY_CODE, F_PERCENT, F_UNIT, F_NOT_UNIT, F_NUMWORD, F_UNIT_QUALIFIER,
  F_UNIT_ADJECTIVE, F_MONTH, F_WEEKDAY, type LexEntry,
} from './lexicon.js';
import { ScaleUse, CURRENCY_SYMBOLS, DOLLAR_PREFIXES, CURRENCY_ADJECTIVES } from './words.js';
import { digitValue, readNumberWords } from './numbers.js';
import { markTimeTokens } from '../time/extract.js';

const DOLLAR_PREFIX = new Map(DOLLAR_PREFIXES);
/** adjective → [code of the currency word it refines, code it gives] */
const ADJECTIVE_CODES = new Map<string, [string, string][]>();
for (const [adjective, base, code] of CURRENCY_ADJECTIVES) {
  const list = ADJECTIVE_CODES.get(adjective) ?? [];
  list.push([base, code]);
  ADJECTIVE_CODES.set(adjective, list);
}

const HYPHEN = 0x2d;
const MINUS = 0x2212;
const PERCENT_SIGN = 0x25;

let marks = new Uint8Array(1024);

/** Amounts in text with normalized values: "$240 billion" → MONEY 240000000000 USD. */
export function extractQuantities(text: string): Quantity[] {
  const t = lexValues(text);
  if (marks.length < t.count) marks = new Uint8Array(Math.max(t.count, marks.length * 2));
  marks.fill(0, 0, t.count);
  markTimeTokens(t, marks);
  return new QuantityScanner(t, marks).scan();
}

/** What a suffix or prefix said about an amount. */
interface Reading {
  kind: Quantity['kind'];
  unit: string | undefined;
  /** the amount is in cents or pence: value / 100 in the currency */
  hundredths?: boolean;
}

class QuantityScanner {
  private readonly text: string;
  private readonly n: number;
  private readonly out: Quantity[] = [];
  /** token index one past each emitted quantity, and whether its scale was written */
  private lastEnd = -1;
  private lastScaled = false;

  constructor(private readonly t: ValueTokens, private readonly inTime: Uint8Array) {
    this.text = t.text;
    this.n = t.count;
  }

  scan(): Quantity[] {
    const t = this.t;
    for (let i = 0; i < this.n; ) {
      if (this.inTime[i]) {
        i++;
        continue;
      }
      const kind = t.kinds[i];
      let end = -1;
      if (kind === NUM) end = this.amount(i, i, null);
      else if (kind === PUNCT) end = this.symbolPrefixed(i);
      else {
        const e = this.entry(i);
        if (e) {
          if (e.flags & F_CURRENCY_CODE && t.shapes[i]! & ALL_CAPS && this.isNumberStart(i + 1)) end = this.amount(i + 1, i, e.currency);
          else if (e.flags & F_CURRENCY_WORD && !(t.shapes[i]! & CAPITALIZED) && t.kinds[i + 1] === NUM) end = this.amount(i + 1, i, e.currency);
          else if (e.flags & F_NUMWORD || e.word === 'a' || e.word === 'an' || e.word === 'half') end = this.wordAmount(i);
          else if (DOLLAR_PREFIX.has(e.word) && this.isChar(i + 1, 0x24) && this.attached(i + 1)) end = this.symbolPrefixed(i + 1);
        }
      }
      i = end > i ? end : i + 1;
    }
    return this.out;
  }

  // ---------------------------------------------------------------- token tests

  private entry(i: number): LexEntry | null {
    if (i < 0 || i >= this.n) return null;
    const e = this.t.entries[i]!;
    return e >= 0 ? entries[e]! : null;
  }

  private flags(i: number): number {
    const e = this.entry(i);
    return e ? e.flags : 0;
  }

  private word(i: number): string {
    const e = this.entry(i);
    return e ? e.word : '';
  }

  private isChar(i: number, code: number): boolean {
    return i >= 0 && i < this.n && this.t.kinds[i] === PUNCT && this.text.charCodeAt(this.t.starts[i]!) === code;
  }

  private attached(i: number): boolean {
    return i < this.n && !(this.t.shapes[i]! & SPACED);
  }

  private isNumberStart(i: number): boolean {
    return i < this.n && !this.inTime[i] && this.t.kinds[i] === NUM;
  }

  /** The token is a lower-case word. */
  private lower(i: number): boolean {
    return i < this.n && this.t.kinds[i] === WORD && !(this.t.shapes[i]! & CAPITALIZED);
  }

  // ---------------------------------------------------------------- amounts

  /** $240 billion, €3.5bn, US$5m, HK$3 (i at the symbol). */
  private symbolPrefixed(i: number): number {
    const c = this.text.charCodeAt(this.t.starts[i]!);
    let currency = CURRENCY_SYMBOLS.get(c);
    if (!currency || !this.isNumberStart(i + 1)) return -1;
    let start = i;
    if (c === 0x24 && i > 0 && this.attached(i) && this.t.kinds[i - 1] === WORD) {
      const code = DOLLAR_PREFIX.get(this.word(i - 1));
      if (code && !this.inTime[i - 1]) {
        currency = code;
        start = i - 1;
      }
    }
    return this.amount(i + 1, start, currency);
  }

  /**
   * A digit amount at i (the amount's span starts at token `start`, before any prefix); `currency`
   * when a prefix named one. Emits it and returns the token after it, or −1.
   */
  private amount(i: number, start: number, currency: string | null): number {
    const t = this.t;
    if (this.inTime[i] || !this.plainNumber(i)) return -1;
    // a sign written on to the number, after a space: "-0.3%"
    let negative = false;
    if (start === i && i > 0 && this.attached(i) && (this.isChar(i - 1, HYPHEN) || this.isChar(i - 1, MINUS)) &&
      !this.attached(i - 1) && !this.inTime[i - 1]) {
      negative = true;
      start = i - 1;
    }
    let j = i + 1;
    let scale = 0;
    let scaled = false;
    let unit: string | undefined;
    // 7-1/4 (pct), as Reuters writes a mixed fraction
    let fraction = 0;
    if (this.isChar(j, HYPHEN) && this.attached(j) && this.attached(j + 1) && t.kinds[j + 1] === NUM && this.isChar(j + 2, 0x2f) &&
      this.attached(j + 2) && this.attached(j + 3) && t.kinds[j + 3] === NUM) {
      const numerator = digitValue(this.text, t.starts[j + 1]!, t.ends[j + 1]!, 0);
      const denominator = digitValue(this.text, t.starts[j + 3]!, t.ends[j + 3]!, 0);
      if (denominator > numerator && denominator <= 64) {
        fraction = numerator / denominator;
        j += 4;
      }
    }
    // a scale written on: 3.5bn, £600m, 10k
    if (j < this.n && this.attached(j) && t.kinds[j] === WORD) {
      const e = this.entry(j);
      if (e && e.flags & F_SCALE && (e.scaleUse === ScaleUse.Any || e.word === 'k' || currency)) {
        scale = e.scale;
        scaled = true;
        j++;
      } else if (e && e.word === 'm') {
        unit = 'm';
        j++;
      } else return -1; // 5G, 20th, 1990s
    }
    // a scale after a space: 5.93 mln, 240 billion, 240 млрд
    if (!scaled && j < this.n && !this.attached(j)) {
      const e = this.entry(j);
      if (e && e.flags & F_SCALE && e.scaleUse === ScaleUse.Any && e.scale >= 3) {
        scale = e.scale;
        scaled = true;
        j++;
      }
    }
    const value = (fraction ? (digitValue(this.text, t.starts[i]!, t.ends[i]!, 0) + fraction) * 10 ** scale
      : digitValue(this.text, t.starts[i]!, t.ends[i]!, scale)) * (negative ? -1 : 1);
    return this.finish(start, j, value, currency, scaled, scale, unit);
  }

  /** two million barrels, a million dollars, twenty-five percent; bare small number words are left alone. */
  private wordAmount(i: number): number {
    const w = readNumberWords(this.t, i);
    if (!w) return -1;
    const end = w.end;
    for (let k = i; k < end; k++) if (this.inTime[k]) return -1;
    let value = w.value;
    const scaled = w.scaled;
    // two-thirds, one-quarter
    if (!scaled && this.isChar(end, HYPHEN) && this.attached(end) && this.attached(end + 1)) {
      const d = this.entry(end + 1)?.denominator ?? 0;
      if (d > 0) {
        value /= d;
        const q: Quantity = { start: this.t.starts[i]!, end: this.t.ends[end + 1]!, text: '', kind: 'NUMBER', value };
        q.text = this.text.slice(q.start, q.end);
        this.out.push(q);
        this.lastEnd = end + 2;
        this.lastScaled = false;
        return end + 2;
      }
    }
    const before = this.out.length;
    const next = this.finish(i, end, value, null, scaled, 0, undefined, true);
    // a bare number word ("the two leaders" aside) is kept only when it is big or carries a unit
    if (next > 0 && this.out.length > before) {
      const q = this.out[this.out.length - 1]!;
      if (q.kind === 'NUMBER' && !scaled) {
        this.out.pop();
        return end;
      }
      if (q.kind === 'QUANTITY' && value === 1 && !(this.flags(next - 1) & F_UNIT)) {
        this.out.pop();
        return end;
      }
    }
    return next;
  }

  /** A digit run that is a number of its own: not G20, Su-35, 10:30, 1.2.3, 1/2. */
  private plainNumber(i: number): boolean {
    const t = this.t;
    if (i > 0 && this.attached(i)) {
      const before = t.kinds[i - 1];
      if (before === WORD && !this.isCurrencyLetters(i - 1)) return false;
      if (before === NUM) return false;
      if (before === PUNCT) {
        const c = this.text.charCodeAt(t.starts[i - 1]!);
        if (c === 0x3a || c === 0x2f || c === 0x2e) return false; // 10:30, 1/2, 1.2.3
        if ((c === HYPHEN || c === MINUS) && i > 1 && this.attached(i - 1) && t.kinds[i - 2] === WORD) return false; // Su-35
      }
    }
    const j = i + 1;
    if (j < this.n && this.attached(j) && t.kinds[j] === PUNCT) {
      const c = this.text.charCodeAt(t.starts[j]!);
      if ((c === 0x3a || c === 0x2f || c === 0x2e) && j + 1 < this.n && this.attached(j + 1) && t.kinds[j + 1] === NUM) return false;
    }
    return true;
  }

  /** RMB10bn, US10 … letters that are a currency written on to the number. */
  private isCurrencyLetters(i: number): boolean {
    return (this.flags(i) & F_CURRENCY_CODE) !== 0 && (this.t.shapes[i]! & ALL_CAPS) !== 0;
  }

  /**
   * Reads the suffix after an amount ending before token j, emits the quantity and returns the
   * token after it. `words` marks amounts written in words.
   */
  private finish(start: number, j: number, value: number, currency: string | null, scaled: boolean, scale: number,
    unit: string | undefined, words = false): number {
    const reading: Reading = { kind: 'NUMBER', unit };
    let end = j;
    if (currency) {
      reading.kind = 'MONEY';
      reading.unit = currency;
      const after = this.currencySuffix(j, scaled);
      if (after > 0) end = after; // "$5 million US dollars" — the code stays the prefix's
    } else if (unit === undefined) {
      end = this.suffix(j, scaled, reading);
    } else reading.kind = 'QUANTITY';
    // "340 to 350 cruzados", "5-6 pct": a bare number before a connector takes the next amount's reading
    let scaleKnown = scaled;
    if (reading.kind === 'NUMBER' && !words) {
      const borrowed = this.borrowFromNext(end);
      if (borrowed) {
        reading.kind = borrowed.kind;
        reading.unit = borrowed.unit;
        reading.hundredths = borrowed.hundredths;
        if (!scaled && borrowed.scale) {
          value *= 10 ** borrowed.scale;
          scaleKnown = true;
        }
      }
    }
    if (reading.hundredths) value /= 100;
    const q: Quantity = { start: this.t.starts[start]!, end: this.t.ends[end - 1]!, text: '', kind: reading.kind, value };
    if (reading.unit !== undefined) q.unit = reading.unit;
    q.text = this.text.slice(q.start, q.end);
    // "$5-6 billion": the second takes the currency of the first, the first the scale of the second
    const prev = this.out.length > 0 ? this.out[this.out.length - 1]! : null;
    if (prev && this.lastEnd >= 0 && start === this.lastEnd + 1 && this.isConnector(this.lastEnd) && prev.kind !== 'NUMBER') {
      if (q.kind === 'NUMBER') {
        q.kind = prev.kind;
        if (prev.unit !== undefined) q.unit = prev.unit;
      }
      if (!this.lastScaled && scaled && prev.kind === q.kind) prev.value *= 10 ** scale;
    }
    this.out.push(q);
    this.lastEnd = end;
    this.lastScaled = scaleKnown;
    return end;
  }

  private isConnector(i: number): boolean {
    if (this.isChar(i, HYPHEN) || this.isChar(i, 0x2013)) return true;
    const w = this.word(i);
    return w === 'to' || w === 'and' || w === 'or';
  }

  /** The reading of the amount after a connector at i, for "340 to 350 cruzados". */
  private borrowFromNext(i: number): { kind: Quantity['kind']; unit: string | undefined; scale: number; hundredths: boolean } | null {
    if (!this.isConnector(i)) return null;
    const k = i + 1;
    if (!this.isNumberStart(k) || !this.plainNumber(k)) return null;
    let j = k + 1;
    let scale = 0;
    const e = this.entry(j);
    if (e && e.flags & F_SCALE && e.scaleUse === ScaleUse.Any && e.scale >= 3) {
      scale = e.scale;
      j++;
    }
    const reading: Reading = { kind: 'NUMBER', unit: undefined };
    this.suffix(j, scale > 0, reading);
    if (reading.kind === 'NUMBER') return null;
    return { kind: reading.kind, unit: reading.unit, scale, hundredths: reading.hundredths === true };
  }

  /** A currency named after the amount (dollars, U.S. dlrs, Canadian dlrs, yuan, USD): returns the token after it or −1, code in this.code. */
  private code = '';
  private subunit = false;
  private currencySuffix(j: number, scaled: boolean): number {
    let k = j;
    let adjective = '';
    // U.S. / US / Hong Kong / New Zealand / Canadian …
    if (this.word(k) === 'u' && this.isChar(k + 1, 0x2e) && this.word(k + 2) === 's') {
      adjective = 'us';
      k += this.isChar(k + 3, 0x2e) ? 4 : 3;
    } else if (this.word(k) === 'hong' && this.word(k + 1) === 'kong') {
      adjective = 'hk';
      k += 2;
    } else if (this.word(k) === 'new' && this.word(k + 1) === 'zealand') {
      adjective = 'nz';
      k += 2;
    } else if (ADJECTIVE_CODES.has(this.word(k)) && this.t.kinds[k] === WORD) {
      adjective = this.word(k);
      k++;
    }
    const e = this.entry(k);
    if (!e || this.inTime[k]) return -1;
    if (e.flags & F_CURRENCY_CODE && this.t.shapes[k]! & ALL_CAPS) {
      this.code = e.currency;
      return k + 1;
    }
    if (!(e.flags & F_CURRENCY_WORD) || this.t.shapes[k]! & ALL_CAPS) return -1;
    // "100 pounds of" is a weight; "5 million pounds" money
    if ((e.word === 'pound' || e.word === 'pounds') && !scaled && !adjective && this.word(k + 1) !== 'sterling') return -1;
    let code = e.currency;
    if (adjective) {
      if (adjective === 'nz') code = e.currency === 'USD' ? 'NZD' : code;
      else {
        const options = ADJECTIVE_CODES.get(adjective) ?? [];
        const match = options.find(([base]) => base === e.currency);
        if (!match) return -1;
        code = match[1];
      }
    }
    this.code = code;
    this.subunit = e.subunit;
    let end = k + 1;
    if ((e.word === 'pounds' || e.word === 'pound') && this.word(end) === 'sterling') end++;
    return end;
  }

  /** Percent, currency or unit after an amount; fills reading and returns the token after what it read. */
  private suffix(j: number, scaled: boolean, reading: Reading): number {
    if (j >= this.n || this.inTime[j]) return j;
    // %
    if (this.isChar(j, PERCENT_SIGN) || this.isChar(j, 0xff05)) {
      reading.kind = 'PERCENT';
      return j + 1;
    }
    const e = this.entry(j);
    if (e) {
      if (e.flags & F_PERCENT) {
        reading.kind = 'PERCENT';
        return j + 1;
      }
      if (e.word === 'per' && this.word(j + 1) === 'cent') {
        reading.kind = 'PERCENT';
        return j + 2;
      }
      if (e.word === 'percentage' && (this.word(j + 1) === 'points' || this.word(j + 1) === 'point')) {
        reading.kind = 'PERCENT';
        reading.unit = 'percentage points';
        return j + 2;
      }
    }
    const money = this.currencySuffix(j, scaled);
    if (money > 0) {
      reading.kind = 'MONEY';
      reading.unit = this.code;
      reading.hundredths = this.subunit;
      return money;
    }
    if (e && e.word === 'basis' && (this.word(j + 1) === 'points' || this.word(j + 1) === 'point')) {
      reading.kind = 'PERCENT';
      reading.unit = 'basis points';
      return j + 2;
    }
    // 60-day, eight-page: a unit written on with a hyphen (but "two-thirds" is a fraction, read in wordAmount)
    if (this.isChar(j, HYPHEN) && this.attached(j) && this.attached(j + 1) && this.lower(j + 1) &&
      !(this.flags(j + 1) & (F_SCALE | F_NUMWORD)) && !(this.isChar(j + 2, HYPHEN) && this.attached(j + 2)) &&
      !(this.entry(j + 1)?.denominator)) {
      const e1 = this.entry(j + 1);
      if (e1 && e1.flags & F_PERCENT) {
        reading.kind = 'PERCENT'; // a 10-pct stake
      } else if (e1 && e1.flags & F_CURRENCY_WORD && e1.word !== 'pound' && e1.word !== 'pounds') {
        reading.kind = 'MONEY'; // a 50-dlr price
        reading.unit = e1.currency;
        reading.hundredths = e1.subunit;
      } else {
        reading.kind = 'QUANTITY';
        reading.unit = this.text.slice(this.t.starts[j + 1]!, this.t.ends[j + 1]!);
      }
      return j + 2;
    }
    return this.unitSuffix(j, reading);
  }

  /** tonnes, metric tonnes, bags, 10,000 more troops, 10,000 Russian troops. */
  private unitSuffix(j: number, reading: Reading): number {
    let k = j;
    if (k < this.n && this.t.kinds[k] === WORD && !(this.t.shapes[k]! & NEW_LINE) && (this.flags(k) & F_UNIT_ADJECTIVE ||
      (this.t.shapes[k]! & CAPITALIZED && !(this.t.shapes[k]! & ALL_CAPS) && !(this.flags(k) & (F_MONTH | F_WEEKDAY | F_NUMWORD))))) {
      if (this.isUnit(k + 1) || (this.flags(k + 1) & F_UNIT_QUALIFIER && this.isUnit(k + 2))) k++;
    }
    const unitStart = k;
    if (this.flags(k) & F_UNIT_QUALIFIER && this.isUnit(k + 1)) k++;
    if (!this.isUnit(k)) return j;
    reading.kind = 'QUANTITY';
    const from = this.t.starts[unitStart]!;
    reading.unit = this.text.slice(from, this.t.ends[k]!).toLowerCase();
    return k + 1;
  }

  /** A unit of measure from the lexicon, or a lower-case plural noun. */
  private isUnit(k: number): boolean {
    if (k >= this.n || this.t.kinds[k] !== WORD || this.inTime[k]) return false;
    const f = this.flags(k);
    if (f & F_UNIT) return !(this.t.shapes[k]! & CAPITALIZED) || this.t.ends[k]! - this.t.starts[k]! <= 3;
    if (f & (F_NOT_UNIT | F_SCALE | F_NUMWORD) || (f & F_CURRENCY_WORD && this.word(k) !== 'pounds')) return false;
    if (!this.lower(k)) return false;
    const s = this.t.starts[k]!;
    const e = this.t.ends[k]!;
    if (e - s < 3) return false;
    const last = this.text.charCodeAt(e - 1);
    const beforeLast = this.text.charCodeAt(e - 2);
    return last === 0x73 && beforeLast !== 0x73 && beforeLast !== 0x75; // …s, but not …ss or …us
  }
}
