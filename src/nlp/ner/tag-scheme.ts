// Entity spans as per-token tags. The recognizer tags in BILOU (Begin, Inside, Last, Unit, Outside),
// which Ratinov & Roth (2009) found better than IOB for greedy decoding; files come in IOB1 or IOB2.

import { ENTITY_TYPES } from './types.js';

export interface TokenSpan {
  type: string;
  /** First token and one past the last. */
  start: number;
  end: number;
}

/** Spans of an IOB1 or IOB2 tag sequence, read the way conlleval reads them. */
export function iobSpans(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let open: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const prefix = tag === 'O' || tag.length < 2 ? 'O' : tag[0];
    const type = prefix === 'O' ? '' : tag.slice(2);
    const continues = open !== null && (prefix === 'I' || prefix === 'L' || prefix === 'E') && open.type === type;
    if (!continues && open) {
      spans.push(open);
      open = null;
    }
    if (prefix !== 'O' && !continues) open = { type, start: i, end: i + 1 };
    else if (continues) open!.end = i + 1;
    if (open && (prefix === 'L' || prefix === 'E' || prefix === 'U' || prefix === 'S')) {
      spans.push(open);
      open = null;
    }
  }
  if (open) spans.push(open);
  return spans;
}

const PREFIX_CODES = 'OBILU';
export const P_OUTSIDE = 0;
export const P_BEGIN = 1;
export const P_INSIDE = 2;
export const P_LAST = 3;
export const P_UNIT = 4;

export class BilouScheme {
  readonly names: string[] = ['O'];
  /** allowed[(prev + 1) * T + tag], prev -1 at the start of a sentence. */
  private readonly allowed: Uint8Array;
  private readonly allowedLast: Uint8Array;
  /** Per previous tag (+1, -1 at the start): the allowed next tags as 0/1, anywhere and at the sentence's end. */
  private readonly allowedRows: Uint8Array[] = [];
  private readonly allowedLastRows: Uint8Array[] = [];
  private readonly candidateRows: Uint8Array[] = [];
  private readonly candidateLastRows: Uint8Array[] = [];
  /** Per tag, its prefix as a code: 0 O, 1 B, 2 I, 3 L, 4 U. */
  readonly prefixCodes: Uint8Array;

  constructor(readonly types: readonly string[] = ENTITY_TYPES) {
    for (const type of types) for (const p of ['B', 'I', 'L', 'U']) this.names.push(`${p}-${type}`);
    const T = this.names.length;
    this.allowed = new Uint8Array((T + 1) * T);
    this.allowedLast = new Uint8Array((T + 1) * T);
    for (let prev = -1; prev < T; prev++) {
      const open = prev >= 0 && (this.prefix(prev) === 'B' || this.prefix(prev) === 'I');
      for (let t = 0; t < T; t++) {
        const p = this.prefix(t);
        const ok = open
          ? (p === 'I' || p === 'L') && this.typeOf(t) === this.typeOf(prev)
          : p === 'O' || p === 'B' || p === 'U';
        this.allowed[(prev + 1) * T + t] = ok ? 1 : 0;
        this.allowedLast[(prev + 1) * T + t] = ok && p !== 'B' && p !== 'I' ? 1 : 0;
      }
      this.allowedRows.push(this.allowed.subarray((prev + 1) * T, (prev + 2) * T));
      this.allowedLastRows.push(this.allowedLast.subarray((prev + 1) * T, (prev + 2) * T));
      const list = (row: Uint8Array) => Uint8Array.from(row.reduce<number[]>((out, ok, t) => (ok ? [...out, t] : out), []));
      this.candidateRows.push(list(this.allowedRows[prev + 1]));
      this.candidateLastRows.push(list(this.allowedLastRows[prev + 1]));
    }
    this.prefixCodes = Uint8Array.from(this.names, (_, t) => PREFIX_CODES.indexOf(this.prefix(t)));
  }

  /** The tags allowed after prev (-1 at the start of a sentence), as a list of tag ids. */
  candidatesAfter(prev: number, last: boolean): Uint8Array {
    return (last ? this.candidateLastRows : this.candidateRows)[prev + 1];
  }

  /** The tags allowed after prev (-1 at the start of a sentence), as 0/1 per tag. */
  allowedAfter(prev: number, last: boolean): Uint8Array {
    return (last ? this.allowedLastRows : this.allowedRows)[prev + 1];
  }

  get size(): number {
    return this.names.length;
  }

  prefix(tag: number): string {
    return tag === 0 ? 'O' : this.names[tag][0];
  }

  /** 0 for O, else 1 + the index of the entity type. */
  typeOf(tag: number): number {
    return tag === 0 ? 0 : ((tag - 1) >> 2) + 1;
  }

  isAllowed(prev: number, tag: number, last: boolean): boolean {
    const T = this.names.length;
    return (last ? this.allowedLast : this.allowed)[(prev + 1) * T + tag] === 1;
  }

  /** Tag ids for spans over n tokens. */
  encode(spans: readonly TokenSpan[], n: number, out: Uint8Array, offset = 0): void {
    out.fill(0, offset, offset + n);
    for (const span of spans) {
      const base = 1 + this.types.indexOf(span.type) * 4;
      if (base < 1) continue;
      if (span.end - span.start === 1) out[offset + span.start] = base + 3;
      else {
        out[offset + span.start] = base;
        for (let k = span.start + 1; k < span.end - 1; k++) out[offset + k] = base + 1;
        out[offset + span.end - 1] = base + 2;
      }
    }
  }

  /** Spans of tag ids [s, e) (token indices relative to s). */
  decode(tags: Uint8Array, s: number, e: number): TokenSpan[] {
    const spans: TokenSpan[] = [];
    const codes = this.prefixCodes;
    let start = -1;
    for (let i = s; i < e; i++) {
      const p = codes[tags[i]];
      if (p === P_BEGIN) start = i;
      else if (p === P_UNIT) spans.push({ type: this.types[this.typeOf(tags[i]) - 1], start: i - s, end: i - s + 1 });
      else if (p === P_LAST && start >= 0) {
        spans.push({ type: this.types[this.typeOf(tags[i]) - 1], start: start - s, end: i - s + 1 });
        start = -1;
      } else if (p === P_OUTSIDE) start = -1;
    }
    return spans;
  }
}
