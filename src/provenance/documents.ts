// Mentions of documents grouped into the documents a text refers to: each becomes an actor of kind
// `document`, and each mention a resolution to it. "A leaked FSB memo", "the eight-page document"
// and "this leak" are one memo; "a 2019 report by Amnesty" in the same text is another.

import type { Actor, ActorResolution, DocumentAuthor, DocumentSignature } from '../model/index.js';
import type { DocumentMention } from './mentions.js';
import type { Party } from './parties.js';
import { compatibleTypes, mergeSignature, sameDocument } from './signature.js';
import type { TextWords } from './words.js';

/** How many sentences a bare "the letter" waits for the words that make it a referenced document. */
const WAITING_SENTENCES = 2;

export interface ReferencedDocument {
  /** `document:<type>`, with `-2`, `-3` for further documents of one type: stable for a given text. */
  id: string;
  mentions: DocumentMention[];
  signature: DocumentSignature;
}

/** What a mention's own words say of the document. */
function mentionSignature(words: TextWords, m: DocumentMention): DocumentSignature {
  const signature: DocumentSignature = { type: m.type, authors: [] };
  mergeSignature(signature, {
    authors: m.authors.map((p) => authorOf(words, p)).filter((a): a is DocumentAuthor => a !== undefined),
    dated: m.dated ? { from: m.dated.from, to: m.dated.to, precision: m.dated.precision } : undefined,
    pages: m.pages?.value,
    classification: m.classification?.value,
  });
  return signature;
}

/** A party as a document's author: its actor, its code on the text's date and its country. */
export function authorOf(words: TextWords, party: Party): DocumentAuthor | undefined {
  if (!party.actor) return undefined;
  const actor = words.actor(party.actor);
  if (!actor || actor.kind === 'document') return undefined;
  const resolution = words.resolutions.find((r) => r.actorId === actor.id);
  const code = resolution && resolution.code !== 'UNK' ? resolution.code : actor.id;
  return actor.country ? { actor: actor.id, code, country: actor.country } : { actor: actor.id, code };
}

/**
 * Groups mentions into documents. A mention joins the latest document it can describe; one with words of
 * its own that fit none starts a new document, and so does a memo or dossier named for the first time.
 * A bare "the report" or "the document" only points back: with nothing to point at, it is a news report or
 * a sheet of paper, not a referenced document.
 */
export function groupMentions(words: TextWords, mentions: readonly DocumentMention[]): ReferencedDocument[] {
  const documents: ReferencedDocument[] = [];
  // documents by their latest mention, latest last
  const recent: ReferencedDocument[] = [];
  // "Reuters could not verify the letter. The letter, seen by Reuters, …": a bare mention the next sentences explain
  let waiting: DocumentMention[] = [];
  for (const m of mentions) {
    // "Watch a report": an indefinite report, paper or file with no word of its own is no referenced document
    if (!m.qualified && !m.definite && !m.standalone) continue;
    const signature = mentionSignature(words, m);
    let target: ReferencedDocument | undefined;
    // a bare "the memo" goes back to the last memo before it goes back to any document that may be one
    if (!m.qualified) for (let k = recent.length - 1; k >= 0 && !target; k--) if (recent[k]!.signature.type === m.type) target = recent[k];
    for (let k = recent.length - 1; k >= 0 && !target; k--) {
      const d = recent[k]!;
      if (m.qualified ? sameDocument(d.signature, signature) : compatibleTypes(d.signature.type, m.type)) target = d;
    }
    if (!target) {
      if (!m.qualified && !m.standalone) {
        waiting.push(m);
        continue;
      }
      target = { id: '', mentions: [], signature: { type: m.type, authors: [] } };
      documents.push(target);
      const sentence = words.sentence(m.head);
      waiting = waiting.filter((w) => w.type === m.type && sentence - words.sentence(w.head) <= WAITING_SENTENCES);
      target.mentions.push(...waiting);
    } else recent.splice(recent.indexOf(target), 1);
    waiting = [];
    target.mentions.push(m);
    mergeSignature(target.signature, signature);
    recent.push(target);
  }
  const used = new Map<string, number>();
  for (const d of documents) {
    const n = (used.get(d.signature.type) ?? 0) + 1;
    used.set(d.signature.type, n);
    d.id = n === 1 ? `document:${d.signature.type}` : `document:${d.signature.type}-${n}`;
  }
  return documents;
}

/** The actor for a referenced document: named as the text first names it with words of its own. */
export function documentActor(words: TextWords, d: ReferencedDocument): Actor {
  const named = d.mentions.find((m) => m.qualified) ?? d.mentions[0]!;
  const name = words.text.slice(words.start(named.first), named.end).replace(/^(?:the|a|an|this|that|these|those|its|their)\s+/i, '').replace(/\s+/g, ' ');
  const aliases: { name: string }[] = [];
  for (const m of d.mentions) {
    const text = words.text.slice(m.start, m.end).replace(/\s+/g, ' ');
    if (!aliases.some((a) => a.name === text)) aliases.push({ name: text });
  }
  return {
    id: d.id,
    name,
    kind: 'document',
    aliases,
    roles: [],
    country: d.signature.country,
    sector: undefined,
    parent: undefined,
    provisional: true,
    signature: d.signature,
  };
}

/** One resolution per mention: the first names the document, later ones point back at it. */
export function documentResolutions(words: TextWords, d: ReferencedDocument): ActorResolution[] {
  return d.mentions.map((m, k) => ({
    start: m.start,
    end: m.end,
    text: words.text.slice(m.start, m.end),
    actorId: d.id,
    code: d.id,
    method: k === 0 ? 'document' : 'coreference',
    confidence: m.qualified || m.standalone ? 0.8 : 0.6,
  }));
}
