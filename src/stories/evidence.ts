// The evidence a document is matched on across languages and outlets: the actors it resolves, the
// documents it refers to (by their signatures), the numbers and months it gives, and its most telling
// words. Actors, signatures, numbers and months read the same in every language: that is what lets a
// Chinese retelling meet the English report it came from.

import type { Document } from '../model/index.js';
import type { StoredAnalysis } from '../store/index.js';
import { signatureKey } from '../provenance/signature.js';
import { foldText, wordsOf } from './fingerprint.js';

/** The kinds of key, by their prefix; the language-independent kinds carry a story across languages. */
export type EvidenceKind = 'a' | 'd' | 'n' | 't' | 'w' | 'x';
export const LANGUAGE_INDEPENDENT: ReadonlySet<string> = new Set(['a', 'd', 'n', 't']);

/** How much one shared key of each kind counts, beside its rarity. */
export const KIND_WEIGHT: Record<EvidenceKind, number> = { a: 1.2, d: 2, n: 1, t: 1, w: 1, x: 1 };

const NUMBER = /\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?/g;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A number as written in any locale ("2,000", "2.000", "2 000" → 2000); one-digit numbers say too little. */
function numberKey(raw: string): string | undefined {
  const grouped = raw.replace(/[.,\u00a0 ](\d{3})(?!\d)/g, '$1');
  const value = grouped.replace(',', '.');
  const digits = value.split('.')[0]!;
  return digits.length >= 2 ? `n:${Number(value)}` : undefined;
}

/** Every evidence key of a document, with how often it occurs. */
export function evidenceOf(document: Document, analysis: StoredAnalysis | undefined): Map<string, number> {
  const keys = new Map<string, number>();
  const add = (key: string) => keys.set(key, (keys.get(key) ?? 0) + 1);
  if (analysis) {
    const kinds = new Map(analysis.actors.map((a) => [a.id, a]));
    for (const r of analysis.resolutions) {
      const actor = kinds.get(r.actorId);
      // a provisional actor is a name as one language writes it: evidence like a word
      if (actor?.kind !== 'document') add(actor?.provisional ? `x:${r.actorId}` : `a:${r.actorId}`);
    }
    for (const actor of analysis.actors) {
      const s = actor.signature;
      if (actor.kind !== 'document' || !s) continue;
      add(`d:${s.type}`);
      if (s.authors.length) {
        add(`d:${s.authors[0]!.code}`);
        if (s.dated) add(`d:${signatureKey(s)}`);
      }
      if (s.pages !== undefined) add(`d:${s.pages}p`);
    }
    for (const t of analysis.times) {
      if (t.precision === 'day' || t.precision === 'week' || t.precision === 'month') add(`t:${t.from.slice(0, 7)}`);
    }
  }
  for (const m of document.text.matchAll(NUMBER)) {
    const key = numberKey(m[0]);
    if (key) add(key);
  }
  const words = wordsOf(foldText(document.text));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (UNSPACED.test(w)) {
      // characters of unspaced script: their bigrams are the words
      const next = words[i + 1];
      if (next && UNSPACED.test(next)) add(`w:${w}${next}`);
    } else if (w.length >= 4 && !/^\d+$/.test(w)) {
      add(`w:${w}`);
    }
  }
  return keys;
}

export function kindOf(key: string): EvidenceKind {
  return key[0] as EvidenceKind;
}
