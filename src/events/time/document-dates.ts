/**
 * Dates the text gives to the documents it reports on: "a 2023 memo", "the memo, dated late 2023",
 * "the document, reportedly composed in late 2023 or early 2024", "a memo from March 2024", "the cable was
 * written in 2019". What such a document says happened when it was written, wherever the text quotes it
 * ("the memo warns …"); see event-time.ts.
 */
import type { TimeExpression } from '../../model/index.js';
import { DOCUMENT_NOUNS, GENERIC_DOCUMENT_NOUNS } from '../../nlp/cues/lexicon.js';
import type { SentenceView } from '../sentence-view.js';
import type { Clauses } from '../clauses.js';
import type { SentenceTime } from './event-time.js';

/** Verbs that say when a document was made. */
const CREATION = new Set([
  'dated', 'composed', 'written', 'wrote', 'drafted', 'prepared', 'issued', 'authored', 'compiled', 'produced', 'created',
  'penned', 'signed', 'finalized', 'finalised', 'sent', 'dating',
]);
const BETWEEN_CREATION_AND_TIME = new Set(['in', 'on', 'at', 'around', 'about', 'from', 'during', 'sometime', 'some', 'time', 'as', 'early', 'reportedly', 'apparently', 'allegedly', 'back']);
const BETWEEN_NOUN_AND_CREATION = new Set(['was', 'were', 'is', 'been', 'had', 'has', 'being', 'reportedly', 'apparently', 'allegedly', 'which', 'that', 'first', 'originally']);

export interface DatedDocument {
  /** The document noun ("memo"), and where it stands in the text. */
  noun: string;
  at: number;
  time: TimeExpression;
}

/** The documents one sentence dates. */
export function datedDocuments(view: SentenceView, times: readonly SentenceTime[], clauses: () => Clauses, into: DatedDocument[]): void {
  const { words } = view;
  for (const x of times) {
    let noun = -1;
    if (x.noun >= 0 && DOCUMENT_NOUNS.has(words[x.noun])) noun = x.noun;
    else if (x.start >= 2 && words[x.start - 1] === 'from' && DOCUMENT_NOUNS.has(words[x.start - 2])) noun = x.start - 2;
    else if (!x.bound) noun = createdDocument(view, x.start, clauses);
    if (noun >= 0) into.push({ noun: words[noun], at: view.starts[noun], time: x.time });
  }
}

/** "dated X", "composed in X" after a document noun (or in an aside hanging on one): that noun's position, else -1. */
function createdDocument(view: SentenceView, timeStart: number, clauses: () => Clauses): number {
  const { words } = view;
  let c = timeStart - 1;
  while (c >= 0 && timeStart - c <= 3 && !CREATION.has(words[c]) && BETWEEN_CREATION_AND_TIME.has(words[c])) c--;
  if (c < 0 || !CREATION.has(words[c])) return -1;
  const { of, list } = clauses();
  const aside = list[of[c]];
  if ((aside.kind === 'appositive' || aside.kind === 'relative') && aside.head >= 0 && DOCUMENT_NOUNS.has(words[aside.head])) return aside.head;
  let k = c - 1;
  while (k >= 0 && c - k <= 4 && (BETWEEN_NOUN_AND_CREATION.has(words[k]) || view.tags?.[k]?.startsWith('RB'))) k--;
  return k >= 0 && DOCUMENT_NOUNS.has(words[k]) && !view.possessive[k] ? k : -1;
}

/**
 * The date of the document a noun at `at` names: when the text dates only one document (or dates them all
 * alike), that date; else the nearest dated document before it with the same noun (generic nouns such as
 * "document" match any), else the nearest one after it.
 */
export function documentDate(dated: readonly DatedDocument[], noun: string, at: number): TimeExpression | undefined {
  if (!dated.length) return undefined;
  const first = dated[0].time;
  if (dated.every((d) => d.time.from === first.from && d.time.to === first.to)) return first;
  const generic = GENERIC_DOCUMENT_NOUNS.has(noun);
  let before: DatedDocument | undefined;
  let after: DatedDocument | undefined;
  for (const d of dated) {
    if (!generic && !GENERIC_DOCUMENT_NOUNS.has(d.noun) && d.noun !== noun) continue;
    if (d.at <= at) before = d;
    else after ??= d;
  }
  return (before ?? after)?.time;
}
