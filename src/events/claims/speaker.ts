// Turns the noun phrase of a source into a speaker id: the actor the resolver found there (or, for a pronoun, the
// last one of its kind named before), a referenced document ("document:memo"), else the outlet (anonymous and
// unnamed sources are the outlet's word; the phrase still sets the channel).

import type { ActorKind, Analysis, Span } from '../../model/index.js';
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
  // "he said", "it said": the last actor of that kind the text named before.
  const pronoun = PRONOUN_KINDS.get(normalize(phrase));
  if (pronoun) {
    const antecedent = lastActorBefore(analysis, np.start, pronoun);
    if (antecedent) return { id: antecedent, kind: 'actor', span: np };
  }
  // Anyone else ("western officials", "the source", "investigators") is no actor of the analysis: the outlet speaks,
  // through the channel the phrase tells.
  const outlet = outletOf(analysis);
  if (/intelligence/i.test(phrase)) return { id: outlet, kind: 'intelligence', span: np };
  // Unnamed sources are anonymous; officials of a named body speak in public.
  if (ANONYMOUS_SOURCE_HEADS.has(head) && head !== 'officials' && head !== 'official') return { id: outlet, kind: 'anonymous', span: np };
  return { id: outlet, kind: 'other', span: np };
}

const PERSON_KINDS: readonly ActorKind[] = ['person', 'leader'];
const BODY_KINDS: readonly ActorKind[] = ['state', 'government', 'agency', 'military', 'company', 'group', 'igo'];
const PRONOUN_KINDS = new Map<string, readonly ActorKind[]>([
  ['he', PERSON_KINDS], ['she', PERSON_KINDS], ['it', BODY_KINDS], ['they', BODY_KINDS], ['we', BODY_KINDS],
]);

/** The code of the last resolved actor of one of these kinds before `pos` (within the last 600 characters). */
function lastActorBefore(analysis: Analysis, pos: number, kinds: readonly ActorKind[]): string | undefined {
  const kindOf = new Map(analysis.actors.map((a) => [a.id, a.kind]));
  for (let i = analysis.resolutions.length - 1; i >= 0; i--) {
    const r = analysis.resolutions[i];
    if (r.end > pos) continue;
    if (r.end < pos - 600) break;
    const kind = kindOf.get(r.actorId);
    if (kind && kinds.includes(kind)) return r.code && r.code !== UNKNOWN_CODE ? r.code : r.actorId;
  }
  return undefined;
}

/** The outlet as a speaker id (the journalist speaking in their own voice). */
export function outletOf(analysis: Analysis): string {
  const d = analysis.document;
  return `outlet:${d.outlet ?? d.source?.outlet ?? 'unknown'}`;
}
