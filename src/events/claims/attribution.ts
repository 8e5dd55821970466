// Who is speaking in a sentence: the sources of its reporting verbs ("the memo warns",
// "…, officials said"), of "according to X", and of containers ("in a leaked memo").

import type { Span } from '../../model/index.js';
import type { Cue } from '../../nlp/cues/scan.js';
import { firstAtOrAfter } from '../../nlp/cues/scan.js';
import { wordsBetween } from '../modality.js';

export interface Attribution {
  /** The noun phrase of the source. */
  source: Span;
  /** The reporting verb, "according to", or the container preposition. */
  cue: Span;
}

const STOP_WORDS = new Set(['that', 'while', 'as', 'and', 'but', 'because', 'which', 'who', 'whom', 'when', 'if', 'whereas', 'although', 'though', 'since', 'after', 'before', 'said', 'says']);
const PASSIVE_AUX = /\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+\s+)?$/i;
const INFINITIVE = /(?:^|\s)[\p{L}]+\s+to\s*$/u;
const MAX_NP_WORDS = 8;
/** Allegation cues that are verbs with a speaker: "Japan accused China of …", "Kyiv alleges that …". */
const ACCUSING_VERB = /^(?:accused(?:\s+of)?|accuses|accusing|alleges|allege|alleged\s+that)\b/i;

function isBoundary(c: number): boolean {
  // , ; : ( ) " “ ” — – . ! ? newline
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 34 || c === 0x201c || c === 0x201d ||
    c === 0x2014 || c === 0x2013 || c === 46 || c === 33 || c === 63 || c === 10;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 0xa0;
}

/**
 * The noun phrase that ends right before `pos`, skipping one appositive set off by commas
 * ("The document, reportedly composed in 2023, warns"). Undefined when there is none.
 */
export function subjectBefore(text: string, pos: number, lo: number): Span | undefined {
  return subjectPhraseBefore(text, pos, lo)?.np;
}

/** The subject noun phrase before `pos`, and the aside set off by commas that it skipped, if any. */
export function subjectPhraseBefore(text: string, pos: number, lo: number): { np: Span; aside?: Span } | undefined {
  let i = pos;
  while (i > lo && isSpace(text.charCodeAt(i - 1))) i--;
  // "…, also said", "…, has repeatedly said": adverbs and auxiliaries between the subject and its verb.
  for (let m = BEFORE_VERB.exec(text.slice(Math.max(lo, i - 24), i)); m; m = BEFORE_VERB.exec(text.slice(Math.max(lo, i - 24), i))) {
    i -= m[0].length;
    while (i > lo && isSpace(text.charCodeAt(i - 1))) i--;
  }
  let aside: Span | undefined;
  // "Russian officials (speaking on condition of anonymity) said": a parenthetical between subject and verb.
  if (i > lo && text.charCodeAt(i - 1) === 41) {
    const open = text.lastIndexOf('(', i - 2);
    if (open <= lo || text.lastIndexOf(')', i - 2) > open) return undefined;
    aside = { start: open + 1, end: i - 1 };
    i = open;
    while (i > lo && isSpace(text.charCodeAt(i - 1))) i--;
  } else if (i > lo && text.charCodeAt(i - 1) === 44) {
    const open = text.lastIndexOf(',', i - 2);
    if (open > lo) {
      aside = { start: open + 1, end: i - 1 };
      i = open;
    } else return undefined;
    while (i > lo && isSpace(text.charCodeAt(i - 1))) i--;
  }
  // "Putin and Xi continue to tout": the subject is before the verb that governs the infinitive.
  const infinitive = INFINITIVE.exec(text.slice(Math.max(lo, i - 30), i));
  if (infinitive) {
    i -= infinitive[0].length - (infinitive[0].startsWith(' ') ? 1 : 0);
    while (i > lo && isSpace(text.charCodeAt(i - 1))) i--;
  }
  const end = i;
  let start = end;
  let words = 0;
  while (i > lo && words < MAX_NP_WORDS) {
    const c = text.charCodeAt(i - 1);
    if (isBoundary(c)) break;
    if (isSpace(c)) {
      i--;
      continue;
    }
    let w = i;
    while (w > lo && !isSpace(text.charCodeAt(w - 1)) && !isBoundary(text.charCodeAt(w - 1))) w--;
    if (STOP_WORDS.has(text.slice(w, i).toLowerCase())) break;
    start = w;
    words++;
    i = w;
  }
  const np = start < end ? trimNounPhrase(text, { start, end }) : undefined;
  return np && { np, aside };
}

/** One adverb or auxiliary right before a verb (matched at the end of the text before it). */
const BEFORE_VERB = /(?:^|\s)(?:also|has|have|had|is|are|was|were|will|would|reportedly|allegedly|now|further|again|still|repeatedly|previously|earlier|publicly|officially|recently|later)$/i;

/** "seen by the New York Times", "obtained by Reuters": who has the document, an outer speaker. */
const HELD_BY = /\b(?:seen|obtained|reviewed|viewed|cited|quoted|published|leaked|shared)\s+(?:exclusively\s+)?(?:by|to)\s+/i;

/** The noun phrase after "by" in a phrase like "obtained by the New York Times", within `span`. */
function holderIn(text: string, span: Span): Span | undefined {
  const m = HELD_BY.exec(text.slice(span.start, span.end));
  if (!m) return undefined;
  return objectAfter(text, span.start + m.index + m[0].length, span.end);
}

/** A participle that opens a post-modifier: "a document obtained by the Times", "the memo, written in 2023". */
const POST_MODIFIER = /\s+(?:[a-z]+ed|written|seen|drawn|known|shown|given|taken)\s+(?:by|in|on|from|via|at|to|for|through|during|last|earlier)\b/i;

function trimNounPhrase(text: string, np: Span): Span | undefined {
  const m = POST_MODIFIER.exec(text.slice(np.start, np.end));
  const cut = m ? { start: np.start, end: np.start + m.index } : np;
  return cut.end > cut.start ? trimTrailingAuxiliaries(text, cut) : undefined;
}

const TRAILING_AUX = /(?:\s+(?:has|have|had|is|are|was|were|will|would|also|still|now|then|again|[a-z]+ly))+$/i;

/** "they have warned", "the memo also says": the subject is "they", "the memo". */
function trimTrailingAuxiliaries(text: string, np: Span): Span | undefined {
  const m = TRAILING_AUX.exec(text.slice(np.start, np.end));
  if (!m) return np;
  const end = np.end - m[0].length;
  return end > np.start ? { start: np.start, end } : undefined;
}

/** The noun phrase after "according to", up to the next boundary. */
function objectAfter(text: string, pos: number, hi: number): Span | undefined {
  let i = pos;
  while (i < hi && isSpace(text.charCodeAt(i))) i++;
  const start = i;
  let words = 0;
  let end = start;
  while (i < hi && words < MAX_NP_WORDS && !isBoundary(text.charCodeAt(i))) {
    while (i < hi && !isSpace(text.charCodeAt(i)) && !isBoundary(text.charCodeAt(i))) i++;
    end = i;
    words++;
    while (i < hi && isSpace(text.charCodeAt(i))) i++;
  }
  return end > start ? { start, end } : undefined;
}

function clauseEndAfter(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 0x2013 || c === 40 || c === 41) return i;
  }
  return limit;
}

const STATES = /\b((?:the|this|that|a|an)\s+(?:[\p{L}-]+\s+){0,3}?(?:memo|memorandum|document|report|cable|dossier|letter|assessment|directive))\s+(states|stated|notes|reads)\b/giu;

/** A sentence that opens with a document as its subject. */
const DOCUMENT_SUBJECT = /^[\s\-–•*]*((?:an?|the|this)\s+(?:[\p{L}-]+\s+){0,5}?(?:memo|memorandum|document|report|cable|dossier|letter|assessment))\b/iu;

const CONTAINER = /(?<![\p{L}])(?:in|within|from)\s+((?:a|an|the|this|that|its)\s+(?:[\p{L}\p{N}’'-]+\s+){0,5}?(?:memo|memorandum|document|report|cable|dossier|letter|e-?mail|assessment|briefing))(?![\p{L}])/giu;

/**
 * Attributions that govern text[trigger] inside `sentence`, outermost first: reporting verbs and
 * "according to" before it, containers before it, and a closing speech tag after it (", X said.").
 */
export function attributionsFor(text: string, cues: readonly Cue[], sentence: Span, trigger: Span): Attribution[] {
  const inner: Attribution[] = [];
  const closing: Attribution[] = [];
  const first = firstAtOrAfter(cues, sentence.start);
  let triggerIsSpeech = false;
  for (let i = first; i < cues.length && cues[i].start < trigger.end; i++) {
    if (cues[i].kind === 'report-verb' && cues[i].end > trigger.start) triggerIsSpeech = true;
  }
  for (let i = first; i < cues.length && cues[i].start < sentence.end; i++) {
    const cue = cues[i];
    if (cue.end > trigger.start && cue.start < trigger.end) continue;
    const before = cue.end <= trigger.start;
    if (cue.kind === 'reported' && /^according/i.test(text.slice(cue.start, cue.end))) {
      const phrase = objectAfter(text, cue.end, sentence.end);
      if (!phrase) continue;
      // "According to a memo obtained by the New York Times": the Times, then the memo.
      const holder = holderIn(text, phrase);
      const source = trimNounPhrase(text, phrase) ?? phrase;
      const list = phrase.end <= trigger.start ? inner : phrase.start >= trigger.end ? closing : undefined;
      if (holder) list?.push({ source: holder, cue });
      list?.push({ source, cue });
      continue;
    }
    if (cue.kind === 'alleged' && !ACCUSING_VERB.test(text.slice(cue.start, Math.min(sentence.end, cue.end + 6)))) continue;
    if (cue.kind !== 'report-verb' && cue.kind !== 'alleged') continue;
    if (PASSIVE_AUX.test(text.slice(Math.max(sentence.start, cue.start - 20), cue.start))) continue;
    // A sibling speech act ("brands China … and warns"), not the source of this one.
    if (triggerIsSpeech && before && !/\bthat\b/i.test(text.slice(cue.end, trigger.start))) continue;
    if (!before) {
      // Only a closing tag: "…, officials said." / "…” he said on Tuesday."
      if (wordsBetween(text, cue.end, sentence.end) > 4 || /\bthat\b/i.test(text.slice(cue.end, sentence.end))) continue;
    }
    const subject = subjectPhraseBefore(text, cue.start, before ? sentence.start : Math.max(sentence.start, trigger.end));
    if (!subject) continue;
    // "The memo, seen by the New York Times, says": the Times, then the memo.
    const holder = subject.aside && holderIn(text, subject.aside);
    if (holder) (before ? inner : closing).push({ source: holder, cue });
    (before ? inner : closing).push({ source: subject.np, cue });
  }
  // "the document states …": a document's verb the cue list leaves out (it is mostly "the United States").
  STATES.lastIndex = 0;
  const within = text.slice(sentence.start, trigger.start);
  for (let m = STATES.exec(within); m !== null; m = STATES.exec(within)) {
    const at = sentence.start + m.index + m[0].length - m[2].length;
    inner.push({ source: { start: sentence.start + m.index, end: at - 1 }, cue: { start: at, end: at + m[2].length } });
  }
  // Containers: before the event ("In a leaked memo, the FSB …"), or after it in the same clause
  // ("China is described as an adversary within a leaked memo").
  const clauseEnd = clauseEndAfter(text, trigger.end, sentence.end);
  const scope = text.slice(sentence.start, clauseEnd);
  CONTAINER.lastIndex = 0;
  for (let m = CONTAINER.exec(scope); m !== null; m = CONTAINER.exec(scope)) {
    const at = sentence.start + m.index;
    const start = at + m[0].length - m[1].length;
    if (at < trigger.end && at + m[0].length > trigger.start) continue;
    inner.push({ source: { start, end: at + m[0].length }, cue: { start: at, end: start } });
  }
  // "A … memo has surfaced …: China is now labeled “the enemy”": a speech act with no agent, in a sentence about a
  // document, is the document's.
  if (!inner.length && !closing.length && PASSIVE_AUX.test(text.slice(Math.max(sentence.start, trigger.start - 20), trigger.start))) {
    const opening = DOCUMENT_SUBJECT.exec(text.slice(sentence.start, trigger.start));
    if (opening) {
      const start = sentence.start + opening.index + opening[0].length - opening[1].length;
      inner.push({ source: { start, end: start + opening[1].length }, cue: { start: trigger.start, end: trigger.start } });
    }
  }
  // By where each is said; one cue's outer speaker stays before its inner one (the sort is stable).
  inner.sort((a, b) => a.cue.start - b.cue.start);
  return [...closing, ...inner];
}
