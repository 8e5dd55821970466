import type { ActorKind, Sector } from '../model/index.js';

/** One line of data/actors/actors.jsonl. */
export interface ActorRecord {
  id: string;
  name: string;
  kind: ActorKind;
  country?: string;
  sector?: Sector;
  parent?: string;
  aliases: string[];
  roles: (string | null)[][];
}

const ID_OPENING = '{"id":"';
const ALIASES_OPENING = '"aliases":[';
const QUOTE = 34;

/**
 * actors.jsonl, read lazily: loading finds each line's id and aliases with plain string searches, and a
 * line is parsed as JSON only when its actor is asked for (a run asks for a small share of 23,000 actors).
 * Lines with an escape in them, or another layout than the file's usual one, are parsed in full.
 */
export class ActorRecordFile {
  /** Where each id's line starts; a later line with the same id wins, as it did when every line was parsed. */
  private readonly lineStart = new Map<string, number>();
  /**
   * A cheap first test of whether a string can be an id, since most strings asked about are names that are
   * not: one bit per (length, first code unit), and whether any id has a space.
   */
  private readonly shapes = new Uint8Array(64 * 256);
  private spaced = false;

  constructor(private readonly text: string) {}

  /** Reads every line's id and calls visit for each of its aliases, in file order. */
  scan(visit: (alias: string, id: string) => void): void {
    const text = this.text;
    let nextBackslash = text.indexOf('\\');
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      if (end > start) {
        if (nextBackslash >= 0 && nextBackslash < start) nextBackslash = text.indexOf('\\', start);
        const plain = nextBackslash < 0 || nextBackslash >= end;
        if (!(plain && this.scanPlainLine(start, end, visit))) {
          const record = JSON.parse(text.slice(start, end)) as ActorRecord;
          this.register(record.id, start);
          for (const alias of record.aliases) visit(alias, record.id);
        }
      }
      start = end + 1;
    }
  }

  /** A line without escapes, so every quote delimits a string; false when its layout is not the usual one. */
  private scanPlainLine(start: number, end: number, visit: (alias: string, id: string) => void): boolean {
    const text = this.text;
    if (!text.startsWith(ID_OPENING, start)) return false;
    const idEnd = text.indexOf('"', start + ID_OPENING.length);
    if (idEnd < 0 || idEnd > end) return false;
    const opening = text.indexOf(ALIASES_OPENING, idEnd);
    if (opening < 0 || opening > end) return false;
    // Check the layout before visiting anything, so that a fallback to JSON does not visit twice.
    let p = opening + ALIASES_OPENING.length;
    for (let q = p; text.charCodeAt(q) !== 93; ) {
      if (text.charCodeAt(q) !== QUOTE) return false;
      const close = text.indexOf('"', q + 1);
      if (close < 0 || close >= end) return false;
      q = close + 1;
      if (text.charCodeAt(q) === 44) q++;
      else if (text.charCodeAt(q) !== 93) return false;
    }
    const id = text.slice(start + ID_OPENING.length, idEnd);
    this.register(id, start);
    while (text.charCodeAt(p) !== 93) {
      const close = text.indexOf('"', p + 1);
      visit(text.slice(p + 1, close), id);
      p = close + 1;
      if (text.charCodeAt(p) === 44) p++;
    }
    return true;
  }

  private register(id: string, start: number): void {
    this.lineStart.set(id, start);
    this.shapes[shapeOf(id)] = 1;
    if (id.includes(' ')) this.spaced = true;
  }

  /** The full record of an id, parsed now, or undefined for an id the file lacks. */
  record(id: string): ActorRecord | undefined {
    if (!this.shapes[shapeOf(id)] || (!this.spaced && id.includes(' '))) return undefined;
    const start = this.lineStart.get(id);
    if (start === undefined) return undefined;
    let end = this.text.indexOf('\n', start);
    if (end < 0) end = this.text.length;
    return JSON.parse(this.text.slice(start, end)) as ActorRecord;
  }

  get size(): number {
    return this.lineStart.size;
  }

  ids(): IterableIterator<string> {
    return this.lineStart.keys();
  }
}

/** A string's length (63 for longer ones) and first code unit (its low byte), as one number below 64 * 256. */
function shapeOf(id: string): number {
  return (Math.min(id.length, 63) << 8) | (id.charCodeAt(0) & 255);
}
