// Turns the noun phrase of a source into a speaker id: the actor the resolver found there, a
// referenced document ("document:memo"), or the phrase itself ("source:western officials").

import type { Analysis, Span } from '../../model/index.js';
import { ANONYMOUS_SOURCE_HEADS, DOCUMENT_NOUNS, GENERIC_DOCUMENT_NOUNS } from '../../nlp/cues/lexicon.js';

export type SpeakerKind = 'actor' | 'document' | 'intelligence' | 'anonymous' | 'other';

export interface Speaker {
  id: string;
  kind: SpeakerKind;
  span: Span;
}

/** The resolver's code for provisional actors: the actor id says more. */
const UNKNOWN_CODE = 'UNK';
const LAST_WORD = /([\p{L}-]+)[^\p{L}]*$/u;
const SPECIFIC_DOCUMENT = /(?<![\p{L}])(memo|memorandum|cable|dossier|letter|e-?mail|report)(?![\p{L}])/giu;

/** The last specific document noun before `pos` ("memo" for a later "the document"). */
function specificDocumentBefore(text: string, pos: number): string | undefined {
  let last: string | undefined;
  SPECIFIC_DOCUMENT.lastIndex = 0;
  for (let m = SPECIFIC_DOCUMENT.exec(text); m !== null && m.index < pos; m = SPECIFIC_DOCUMENT.exec(text)) last = m[1].toLowerCase();
  return last;
}

function normalize(s: string): string {
  return s.toLowerCase().replace(/[’']s$/, '').replace(/\s+/g, ' ').trim();
}

export function speakerOf(analysis: Analysis, np: Span): Speaker {
  const text = analysis.document.text;
  const phrase = text.slice(np.start, np.end);
  const head = (LAST_WORD.exec(phrase)?.[1] ?? phrase).toLowerCase();
  let best: { end: number; code: string; actorId: string } | undefined;
  for (const r of analysis.resolutions) {
    if (r.end > np.start && r.start < np.end && (!best || r.end > best.end)) best = { end: r.end, code: r.code && r.code !== UNKNOWN_CODE ? r.code : r.actorId, actorId: r.actorId };
  }
  const isDocumentHead = DOCUMENT_NOUNS.has(head);
  const headStart = np.end - head.length;
  if (best) {
    const actor = analysis.actors.find((a) => a.id === best!.actorId);
    const coversHead = best.end >= headStart;
    if (actor?.kind === 'document' || (coversHead && isDocumentHead)) return { id: best.code, kind: 'document', span: np };
    // "a leaked FSB memo": the memo speaks; the FSB is its author, a provenance fact.
    if (coversHead || !isDocumentHead) {
      return { id: best.code, kind: /intelligence/i.test(phrase) ? 'intelligence' : 'actor', span: np };
    }
  }
  if (isDocumentHead) {
    const specific = GENERIC_DOCUMENT_NOUNS.has(head) ? specificDocumentBefore(text, np.start) ?? head : head;
    return { id: `document:${specific.replace('e-mail', 'email')}`, kind: 'document', span: np };
  }
  if (/intelligence/i.test(phrase)) return { id: `source:${normalize(phrase)}`, kind: 'intelligence', span: np };
  if (ANONYMOUS_SOURCE_HEADS.has(head) && head !== 'officials' && head !== 'official') {
    return { id: `source:${normalize(phrase)}`, kind: 'anonymous', span: np };
  }
  return { id: `source:${normalize(phrase)}`, kind: 'other', span: np };
}
