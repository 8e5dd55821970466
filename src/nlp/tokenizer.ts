import type { TokenTable } from '../model/index.js';

// Placeholder: words, numbers and single punctuation marks. The language-core issue replaces it.
const TOKEN = /[\p{L}\p{N}]+(?:[.'’\-][\p{L}\p{N}]+)*|\S/gu;

export function tokenize(text: string): TokenTable {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { count: starts.length, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
}
