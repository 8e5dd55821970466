/**
 * Word keys as small integers. Every word of every dictionary phrase is interned here when the phrase is
 * added, so a text word is looked up straight from its folded code units, without making a string: a key
 * no phrase uses has no id, and such a word cannot match anything.
 */
export class KeyTable {
  private pool: Uint16Array;
  private poolUsed = 0;
  /**
   * Open addressing, four cells per slot: the key's hash, its id (-1 for an empty slot), and where its code
   * units lie in the pool (offset, length), so that a probe reads one place before the pool. At most 5/8 full.
   */
  private slots: Int32Array;
  /**
   * One bit per hash value (some of its bits), set for every key: most text words are no key, and this
   * small table answers for most of them without reading the big one.
   */
  private readonly present: Int32Array;
  private readonly presentMask: number;
  size = 0;

  /** Room for this many keys (a power of two) before anything grows. */
  constructor(capacity = 1 << 12) {
    this.pool = new Uint16Array(capacity * 16);
    this.slots = emptySlots(capacity * 2 * CELLS);
    this.present = new Int32Array(capacity >> 1); // 16 bits per key
    this.presentMask = (capacity << 4) - 1;
  }

  /** The id of the key spelled by codes[start, end), or -1 when no phrase has it. */
  find(codes: Uint16Array, start: number, end: number): number {
    return this.findHashed(codes, start, end, hashRange(codes, start, end));
  }

  /** find, with the key's hashRange already worked out. */
  findHashed(codes: Uint16Array, start: number, end: number, hash: number): number {
    const bit = (hash >>> 12) & this.presentMask;
    if (((this.present[bit >>> 5]! >>> (bit & 31)) & 1) === 0) return -1;
    const slots = this.slots;
    const mask = slots.length - CELLS;
    for (let s = (hash << 2) & mask; ; s = (s + CELLS) & mask) {
      const id = slots[s + 1]!;
      if (id < 0 || (slots[s] === hash && slots[s + 3] === end - start && this.spells(slots[s + 2]!, codes, start, end))) return id;
    }
  }

  intern(codes: Uint16Array, start: number, end: number): number {
    const hash = hashRange(codes, start, end);
    const found = this.findHashed(codes, start, end, hash);
    if (found >= 0) return found;
    const id = this.size++;
    const length = end - start;
    while (this.poolUsed + length > this.pool.length) this.pool = grown(this.pool, this.pool.length * 2);
    this.pool.set(codes.subarray(start, end), this.poolUsed);
    if (this.size * 8 * CELLS > this.slots.length * 5) this.rehash(this.slots.length * 2);
    this.place(this.slots, hash, id, this.poolUsed, length);
    const bit = (hash >>> 12) & this.presentMask;
    this.present[bit >>> 5]! |= 1 << (bit & 31);
    this.poolUsed += length;
    return id;
  }

  /** The id of a key given as a string (its code units as they are, not folded). */
  internString(key: string): number {
    const codes = new Uint16Array(key.length);
    for (let i = 0; i < key.length; i++) codes[i] = key.charCodeAt(i);
    return this.intern(codes, 0, codes.length);
  }

  private spells(offset: number, codes: Uint16Array, start: number, end: number): boolean {
    const shift = offset - start;
    for (let k = start; k < end; k++) if (this.pool[shift + k] !== codes[k]) return false;
    return true;
  }

  private place(slots: Int32Array, hash: number, id: number, offset: number, length: number): void {
    const mask = slots.length - CELLS;
    let s = (hash << 2) & mask;
    while (slots[s + 1]! >= 0) s = (s + CELLS) & mask;
    slots[s] = hash;
    slots[s + 1] = id;
    slots[s + 2] = offset;
    slots[s + 3] = length;
  }

  /** Doubles the slots; ids stay as they are. */
  private rehash(cells: number): void {
    const old = this.slots;
    const slots = emptySlots(cells);
    for (let s = 0; s < old.length; s += CELLS) if (old[s + 1]! >= 0) this.place(slots, old[s]!, old[s + 1]!, old[s + 2]!, old[s + 3]!);
    this.slots = slots;
  }
}

const CELLS = 4; // slot index = hash << 2

function emptySlots(cells: number): Int32Array {
  const slots = new Int32Array(cells);
  for (let s = 1; s < cells; s += CELLS) slots[s] = -1;
  return slots;
}

function grown<T extends Uint16Array | Int32Array>(array: T, capacity: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(capacity);
  bigger.set(array);
  return bigger;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** FNV-1a over code units, kept to 31 bits. */
export function hashRange(codes: Uint16Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) h = Math.imul(h ^ codes[k]!, FNV_PRIME);
  return h & 0x7fffffff;
}

/** The one table the dictionary tries and the scanner share, so a text word's id is valid in every trie. */
export const sharedKeys = new KeyTable(1 << 15); // the shipped dictionary has about 35,000 keys
