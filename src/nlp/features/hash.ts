// 32-bit hashing for feature hashing: features are (template, value) pairs mixed into one integer,
// never strings, so that extracting them allocates nothing.

const SEED = 0x811c9dc5;

/** Mixes b into a (murmur3-style finalizer); the result is a signed 32-bit integer. */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0xcc9e2d51), 0x1b873593);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

/** FNV-1a step over one code unit. */
export function step(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

export const HASH_START = SEED | 0;

/** Hash of a whole string (used when building dictionaries, never per token at run time). */
export function hashString(s: string): number {
  let h = HASH_START;
  for (let i = 0; i < s.length; i++) h = step(h, s.charCodeAt(i));
  return h | 0;
}
