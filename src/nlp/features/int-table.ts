// A map from 32-bit integer keys (feature and word hashes) to 32-bit integer values, as open
// addressing over two typed arrays: a lookup is a few array reads with no allocation and no
// boxing, where a Map<number, number> hashes and chases pointers.

/** Marks a free slot; the one key equal to it lives outside the arrays. */
const FREE = 0x7fffffff;

export class IntTable {
  private keys: Int32Array;
  private values: Int32Array;
  private shift: number;
  private hasFreeKey = false;
  private freeKeyValue = 0;
  size = 0;

  constructor(expected = 16) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.shift = 32 - bits;
    this.keys = new Int32Array(1 << bits).fill(FREE);
    this.values = new Int32Array(1 << bits);
  }

  /** Removes every key (keeping the room they took). */
  clear(): void {
    this.keys.fill(FREE);
    this.hasFreeKey = false;
    this.size = 0;
  }

  /** The value of key, or missing when it has none. */
  get(key: number, missing: number): number {
    if (key === FREE) return this.hasFreeKey ? this.freeKeyValue : missing;
    const keys = this.keys;
    const mask = keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.shift; ; slot = (slot + 1) & mask) {
      const k = keys[slot];
      if (k === key) return this.values[slot];
      if (k === FREE) return missing;
    }
  }

  set(key: number, value: number): void {
    key |= 0;
    if (key === FREE) {
      if (!this.hasFreeKey) this.size++;
      this.hasFreeKey = true;
      this.freeKeyValue = value;
      return;
    }
    const keys = this.keys;
    const mask = keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (; keys[slot] !== FREE; slot = (slot + 1) & mask) {
      if (keys[slot] === key) {
        this.values[slot] = value;
        return;
      }
    }
    keys[slot] = key;
    this.values[slot] = value;
    if (++this.size * 2 > keys.length) this.grow();
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.shift--;
    this.keys = new Int32Array(keys.length * 2).fill(FREE);
    this.values = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === FREE) continue;
      let slot = Math.imul(keys[i], 0x9e3779b1) >>> this.shift;
      while (this.keys[slot] !== FREE) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i];
      this.values[slot] = values[i];
    }
  }
}
