/**
 * Word keys as small integers. Every word of every dictionary phrase is interned here when the phrase is
 * added, so a text word is looked up straight from its folded code units, without making a string: a key
 * no phrase uses has no id, and such a word cannot match anything.
 */
export class KeyTable {
  private pool = new Uint16Array(1 << 16);
  private poolUsed = 0;
  private offsets = new Int32Array(1 << 12);
  private lengths = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 12);
  /** Open addressing: an id per slot, -1 for empty; kept at most half full. */
  private slots = new Int32Array(1 << 13).fill(-1);
  size = 0;

  /** The id of the key spelled by codes[start, end), or -1 when no phrase has it. */
  find(codes: Uint16Array, start: number, end: number): number {
    const hash = hashRange(codes, start, end);
    const mask = this.slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id < 0 || (this.hashes[id] === hash && this.spells(id, codes, start, end))) return id;
    }
  }

  intern(codes: Uint16Array, start: number, end: number): number {
    const found = this.find(codes, start, end);
    if (found >= 0) return found;
    const id = this.size++;
    if (id === this.offsets.length) this.growEntries();
    const length = end - start;
    while (this.poolUsed + length > this.pool.length) this.pool = grown(this.pool, this.pool.length * 2);
    this.pool.set(codes.subarray(start, end), this.poolUsed);
    this.offsets[id] = this.poolUsed;
    this.lengths[id] = length;
    this.hashes[id] = hashRange(codes, start, end);
    this.poolUsed += length;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(id);
    return id;
  }

  /** The id of a key given as a string (its code units as they are, not folded). */
  internString(key: string): number {
    const codes = new Uint16Array(key.length);
    for (let i = 0; i < key.length; i++) codes[i] = key.charCodeAt(i);
    return this.intern(codes, 0, codes.length);
  }

  private spells(id: number, codes: Uint16Array, start: number, end: number): boolean {
    if (this.lengths[id] !== end - start) return false;
    const offset = this.offsets[id]!;
    for (let k = start; k < end; k++) if (this.pool[offset + k - start] !== codes[k]) return false;
    return true;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[id]! & mask;
    while (this.slots[s]! >= 0) s = (s + 1) & mask;
    this.slots[s] = id;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity).fill(-1);
    for (let id = 0; id < this.size; id++) this.place(id);
  }

  private growEntries(): void {
    const capacity = this.offsets.length * 2;
    this.offsets = grown(this.offsets, capacity);
    this.lengths = grown(this.lengths, capacity);
    this.hashes = grown(this.hashes, capacity);
  }
}

function grown<T extends Uint16Array | Int32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

/** FNV-1a over code units. */
function hashRange(codes: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ codes[k]!, 0x01000193);
  return h & 0x7fffffff;
}

/** The one table the dictionary tries and the scanner share, so a text word's id is valid in every trie. */
export const sharedKeys = new KeyTable();
