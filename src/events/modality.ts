// Modality of each coded event, read from the cues around its trigger in its sentence:
// negated, denied, hypothetical, future, alleged, reported, historical, else asserted.
// Where several apply, the first in that order wins: a negated or hypothetical event is never
// counted as one that happened, whatever else is said about it.

import type { Analysis, Event, Modality, Span } from '../model/index.js';
import { ENGLISH, type DocumentStageDefinition } from '../pipeline/stage.js';
import { ScratchKey, type DocumentRun } from '../pipeline/document-run.js';
import { documentCues, sentenceAround } from '../nlp/cues/document-cues.js';
import { ALLEGATION_VERBS } from '../nlp/cues/lexicon.js';
import type { Cue } from '../nlp/cues/scan.js';
import { firstAtOrAfter } from '../nlp/cues/scan.js';
import { HEDGE_DETECTOR } from '../nlp/cues/hedges.js';
import { DEFAULT_HEDGE_MODEL_PATH } from '../nlp/cues/hedge-model.js';
import { parseDocumentDate } from '../nlp/time/calendar.js';

export const MODALITY_PRIORITY: readonly Modality[] = [
  'negated', 'denied', 'hypothetical', 'future', 'alleged', 'reported', 'historical', 'asserted',
];

export interface ModalityReading {
  modality: Modality;
  /** The cues that decided it (empty for asserted). */
  cues: Span[];
}

const SPACE = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;

/** Whitespace-separated chunks in text[from, to). */
export function wordsBetween(text: string, from: number, to: number): number {
  let n = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = SPACE(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** Code units that end a clause: , ; : ( ) dashes. */
function isClauseMark(c: number): boolean {
  return c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 0x2014 || c === 0x2013;
}

function isQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb;
}

const isSemicolon = (c: number): boolean => c === 59;

function hasCharIn(text: string, from: number, to: number, test: (c: number) => boolean): boolean {
  for (let i = from; i < to; i++) if (test(text.charCodeAt(i))) return true;
  return false;
}

const CLAUSE_OPENER = /\b(?:that|which|who|because|but|while|although|though|whereas)\b/i;
/** A new clause that leaves the speaker behind: "Analysts say X, but the army shelled…". */
const CONTRAST_CLAUSE = /[,;]\s*(?:but|while|although|though|whereas|yet)\b|;/i;
/** "China is now labeled …": a passive verb after the event is no speech tag. */
const PASSIVE_BEFORE = /\b(?:is|are|was|were|be|been|being)\s+(?:[a-z]+\s+)?$/i;
/** Endings of past participles, regular and common irregular: "had signed", not "had talks". */
const PARTICIPLE = /(?:ed|en|wn|ne|ht|ung|un|ade|aid|ot|eft|ept|elt|ilt|ent|ost)$/i;
const PAST_PERFECT = /\bhad\s+(?:[a-z]+\s+)?$/i;

const LIST_INTRO = /^[^;:.]{0,60}?,\s+(?:including|such\s+as|notably)\b[^;:.]*$/i;

/** "reported changes in X, including intensified vetting": the listed items share the hedge. */
function listedAfter(text: string, from: number, to: number): boolean {
  return to - from < 160 && LIST_INTRO.test(text.slice(from, to));
}

/** The first clause mark at or after `from`, or `limit`. */
function clauseEnd(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (isClauseMark(text.charCodeAt(i))) return i;
  return limit;
}

function lower(text: string, cue: Span): string {
  return text.slice(cue.start, cue.end).toLowerCase();
}

export interface ModalityContext {
  text: string;
  cues: readonly Cue[];
  sentence: Span;
  trigger: Span;
  /** True when `trigger` is the whole evidence span (the coder gave no trigger). */
  triggerIsEvidence?: boolean;
  /** The event's time and the document's day (YYYY-MM-DD), for `historical`. */
  eventTo?: string;
  documentDate?: string;
}

/**
 * Reads the modality of the event whose trigger is `trigger`. Pure: the cues are those scanCues
 * found in the whole text; only those inside the sentence and outside the trigger are looked at.
 */
export function readModality(ctx: ModalityContext): ModalityReading {
  const { text, cues, sentence, trigger } = ctx;
  const found = new Map<Modality, Span[]>();
  const mark = (m: Modality, cue: Span): void => {
    const list = found.get(m);
    if (list) list.push(cue);
    else found.set(m, [cue]);
  };
  const ts = trigger.start, te = trigger.end;
  const first = firstAtOrAfter(cues, sentence.start);
  // A speech act as the event ("the memo brands China … and warns of …"): the verbs beside it are
  // its siblings, not its source, unless it sits in their complement ("said that … warned").
  let triggerIsSpeech = false;
  for (let i = first; !ctx.triggerIsEvidence && i < cues.length && cues[i].start < te; i++) {
    if (cues[i].kind === 'report-verb' && cues[i].end > ts) triggerIsSpeech = true;
  }
  for (let i = first; i < cues.length && cues[i].start < sentence.end; i++) {
    const cue = cues[i];
    const inside = cue.end > ts && cue.start < te;
    // The trigger itself is no cue; but when only the evidence is known, cues inside it count as right before it.
    if (inside && !ctx.triggerIsEvidence) continue;
    if (inside || cue.end <= ts) {
      const gapEnd = inside ? cue.end : ts;
      switch (cue.kind) {
        case 'negation': {
          const w = lower(text, cue);
          const reach = w === 'no' || w === 'without' || w === 'nor' || w === 'neither' ? 2 : 3;
          if (
            wordsBetween(text, cue.end, gapEnd) <= reach &&
            !hasCharIn(text, cue.end, gapEnd, isClauseMark) &&
            !hasCharIn(text, cue.end, gapEnd, isQuote) &&
            !/^\s*only\b/i.test(text.slice(cue.end, cue.end + 6))
          ) mark('negated', cue);
          break;
        }
        case 'denial':
          if (!hasCharIn(text, cue.end, gapEnd, isSemicolon)) mark('denied', cue);
          break;
        case 'modal':
          if (wordsBetween(text, cue.end, gapEnd) <= 5 && !hasCharIn(text, cue.end, gapEnd, isClauseMark) && !CLAUSE_OPENER.test(text.slice(cue.end, gapEnd))) mark('hypothetical', cue);
          break;
        case 'condition':
          // Inside the condition ("if Moscow expels …"), or in the consequent of a sentence that opens with it.
          if (clauseEnd(text, cue.end, sentence.end) >= te || wordsBetween(text, sentence.start, cue.start) === 0) mark('hypothetical', cue);
          break;
        case 'future':
          if (wordsBetween(text, cue.end, gapEnd) <= 4 && !hasCharIn(text, cue.end, gapEnd, isClauseMark) && !CLAUSE_OPENER.test(text.slice(cue.end, gapEnd))) mark('future', cue);
          break;
        case 'alleged':
          if (!hasCharIn(text, cue.end, gapEnd, isSemicolon)) mark('alleged', cue);
          break;
        case 'reported': {
          const w = lower(text, cue);
          if (w.startsWith('according')) mark('reported', cue);
          else {
            const words = wordsBetween(text, cue.end, gapEnd);
            if (w === 'reported' ? words === 0 || listedAfter(text, cue.end, gapEnd) : words <= 3 && !hasCharIn(text, cue.end, gapEnd, isClauseMark)) mark('reported', cue);
          }
          break;
        }
        case 'report-verb':
          if (triggerIsSpeech && !/\bthat\b/i.test(text.slice(cue.end, gapEnd))) break;
          if (!CONTRAST_CLAUSE.test(text.slice(cue.end, gapEnd))) mark(ALLEGATION_VERBS.has(lower(text, cue)) ? 'alleged' : 'reported', cue);
          break;
        default:
          break;
      }
    } else {
      // After the trigger: "…, officials said." / "…, according to X." / "…, allegedly".
      switch (cue.kind) {
        case 'reported':
          if (lower(text, cue).startsWith('according')) mark('reported', cue);
          break;
        case 'report-verb':
          if (
            wordsBetween(text, cue.end, sentence.end) <= 4 &&
            hasCharIn(text, te, cue.start, (c) => isClauseMark(c) || isQuote(c)) &&
            !CLAUSE_OPENER.test(text.slice(cue.end, sentence.end)) &&
            !PASSIVE_BEFORE.test(text.slice(Math.max(te, cue.start - 24), cue.start))
          ) {
            mark(ALLEGATION_VERBS.has(lower(text, cue)) ? 'alleged' : 'reported', cue);
          }
          break;
        case 'alleged':
          if (wordsBetween(text, te, cue.start) <= 1) mark('alleged', cue);
          break;
        default:
          break;
      }
    }
  }
  if (PAST_PERFECT.test(text.slice(Math.max(sentence.start, ts - 24), ts)) && PARTICIPLE.test(text.slice(ts, te))) {
    const at = text.lastIndexOf('had', ts);
    mark('historical', { start: at, end: at + 3 });
  }
  if (ctx.eventTo && ctx.documentDate && isLongBefore(ctx.eventTo, ctx.documentDate)) mark('historical', trigger);
  for (const m of MODALITY_PRIORITY) {
    const list = found.get(m);
    if (list) return { modality: m, cues: list };
  }
  return { modality: 'asserted', cues: [] };
}

/** More than a year before the document's date. */
function isLongBefore(eventTo: string, documentDate: string): boolean {
  const a = parseDocumentDate(eventTo);
  const b = parseDocumentDate(documentDate);
  return b - a > 366; // false when either is NaN
}

/** The span whose cues decide an event's modality: its trigger, else its evidence. */
export function triggerOf(event: Event): Span {
  return event.trigger ?? event.evidence;
}

/** A reading and what it was read from: the claims stage reads each event's modality cues again. */
interface RememberedReading {
  text: string;
  cues: readonly Cue[];
  sentence: Span;
  trigger: Span;
  triggerIsEvidence: boolean;
  eventTo: string | undefined;
  documentDate: string | undefined;
  reading: ModalityReading;
}

// The readings of one document's events, kept for its run: the claims stage reads each event's modality cues again.
const READINGS = new ScratchKey<Map<Event, RememberedReading>>('modality readings');

function sameInputs(r: RememberedReading, ctx: ModalityContext): boolean {
  return r.text === ctx.text && r.cues === ctx.cues && r.sentence.start === ctx.sentence.start && r.sentence.end === ctx.sentence.end &&
    r.trigger.start === ctx.trigger.start && r.trigger.end === ctx.trigger.end && r.triggerIsEvidence === ctx.triggerIsEvidence &&
    r.eventTo === ctx.eventTo && r.documentDate === ctx.documentDate;
}

/** readModality for an event over the given cues; the same event read again in the same run from the same inputs costs nothing. */
export function modalityWithCues(analysis: Analysis, event: Event, cues: readonly Cue[], run?: DocumentRun): ModalityReading {
  const trigger = triggerOf(event);
  const ctx: ModalityContext = {
    text: analysis.document.text,
    cues,
    sentence: sentenceAround(analysis, trigger.start),
    trigger,
    triggerIsEvidence: !event.trigger,
    eventTo: event.time?.to,
    documentDate: analysis.document.date.day,
  };
  const remembered = run?.get(READINGS, () => new Map());
  const last = remembered?.get(event);
  if (last && sameInputs(last, ctx)) return last.reading;
  const reading = readModality(ctx);
  remembered?.set(event, {
    text: ctx.text,
    cues,
    sentence: ctx.sentence,
    trigger: { start: trigger.start, end: trigger.end },
    triggerIsEvidence: ctx.triggerIsEvidence!,
    eventTo: ctx.eventTo,
    documentDate: ctx.documentDate,
    reading,
  });
  return reading;
}

/** Revises each event's modality from the cues around its trigger. */
export const modalityStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'modality',
  languages: ENGLISH,
  revision: 1,
  files: [DEFAULT_HEDGE_MODEL_PATH],
  requires: ['events'],
  uses: ['sentences', 'pos'],
  adds: ['events'],
  load(resources) {
    const hedges = resources.get(HEDGE_DETECTOR);
    return (analysis, run) => {
      if (analysis.events.length === 0) return;
      const { cues } = documentCues(analysis, hedges, run);
      for (const event of analysis.events) event.modality = modalityWithCues(analysis, event, cues, run).modality;
    };
  },
};
