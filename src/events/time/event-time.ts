/**
 * Which time expression governs an event, by clause structure (see clauses.ts):
 *
 * 1. a time written before the event's noun ("the 2022 invasion") or in a clause hanging on it ("drills,
 *    which began in May");
 * 2. else the nearest time in the event's own clause ("Trade … soared to $240 billion in 2023"), never one
 *    that only bounds it ("since 2014", "by 2030") nor one written before another noun;
 * 3. else a time in the phrase that fronts its main clause ("In 2023, Russia and China signed … and held …");
 * 4. else, for what a dated document says ("the memo warns", "described … within a leaked memo"), the
 *    document's date (see document-dates.ts);
 * 5. else none: the event is dated by its report.
 */
import type { EventTime, TimeExpression } from '../../model/index.js';
import { DOCUMENT_NOUNS } from '../../nlp/cues/lexicon.js';
import type { SentenceView } from '../sentence-view.js';
import { isFiniteVerb, segmentClauses, type Clauses } from '../clauses.js';

/** A time expression of the sentence, as word positions of the view. */
export interface SentenceTime {
  time: TimeExpression;
  /** First word and one past the last. */
  start: number;
  end: number;
  /** The noun it is written before ("the 2022 invasion"), else -1. */
  noun: number;
  /** Bounds an event rather than dating it: "since 2014", "until 2030", "by the end of 2025". */
  bound: boolean;
}

/** The date of the document a noun at character `at` names, when the text dates it. */
export type DocumentTime = (noun: string, at: number) => TimeExpression | undefined;

/** The event as the time reader needs it: its trigger word, whether it is a noun, and whether it is a verbal act (CAMEO roots 01–05, 09–13). */
export interface TimedTrigger {
  trigger: number;
  nominal: boolean;
  verbal: boolean;
}

const BOUNDING = new Set(['since', 'until', 'till', 'by', 'before', 'after', 'from', 'through', 'throughout', 'ahead', 'prior']);
const DETERMINER_TAGS = /^(DT|PRP\$|POS|CD|JJ)$/;
const CONTAINERS = new Set(['in', 'within', 'inside']);
const SKIPPABLE_BEFORE_VERB = new Set(['has', 'have', 'had', 'is', 'are', 'was', 'were', 'will', 'would', 'also', 'now', 'still', 'reportedly', 'allegedly', 'apparently', 'already']);

/** The times inside a sentence, as word spans of its view (the times layer is sorted by start). */
export function sentenceTimes(view: SentenceView, times: readonly TimeExpression[], from: number): SentenceTime[] {
  const out: SentenceTime[] = [];
  const { starts, ends, words } = view;
  const n = words.length;
  for (let t = from; t < times.length && times[t].start < view.end; t++) {
    const time = times[t];
    if (time.end <= view.start) continue;
    let a = 0;
    while (a < n && ends[a] <= time.start) a++;
    let b = a;
    while (b < n && starts[b] < time.end) b++;
    if (a >= n || b === a) continue;
    out.push({ time, start: a, end: b, noun: nounAfter(view, a, b), bound: a > 0 && BOUNDING.has(words[a - 1]) });
  }
  return out;
}

/** "the 2022 invasion", "Russia's February 2022 invasion", "a 2023 FSB memo": the noun a time is written before. */
function nounAfter(view: SentenceView, a: number, b: number): number {
  const { words, tags } = view;
  if (!tags) return -1;
  const before = a > 0 ? tags[a - 1] ?? '' : '';
  const opensPhrase = a === 0 || DETERMINER_TAGS.test(before) || view.possessive[a - 1] || words[a] === 'the';
  if (!opensPhrase) return -1;
  for (let k = b; k < words.length && k <= b + 3; k++) {
    const tag = tags[k] ?? '';
    if (tag === 'NN' || tag === 'NNS') return k;
    if (!/^(JJ|NNP|HYPH|VBN)$/.test(tag)) return -1;
  }
  return -1;
}

/** The time governing each event of a sentence, or undefined when none does (the report's date applies). */
export class SentenceTimeReader {
  private clauses: Clauses | undefined;

  constructor(
    private readonly view: SentenceView,
    readonly times: readonly SentenceTime[],
    /** The words the coder read as verbs (its verb triggers). */
    private readonly verbs?: Uint8Array,
  ) {}

  /** The sentence's clauses, segmented on first use. */
  get structure(): Clauses {
    return (this.clauses ??= segmentClauses(this.view, this.verbs));
  }

  /**
   * The event's time, or undefined when nothing in the text dates it. `documentTime` gives the date of the document
   * a document noun names, if the text dates it (document-dates.ts).
   */
  timeOf(event: TimedTrigger, documentTime?: DocumentTime): EventTime | undefined {
    const found = this.governing(event, documentTime);
    return found ? { from: found.from, to: found.to, precision: found.precision, basis: 'event' } : undefined;
  }

  private governing(event: TimedTrigger, documentTime: DocumentTime | undefined): TimeExpression | undefined {
    const t = event.trigger;
    if (this.times.length) {
      const { of, list } = this.structure;
      const clause = of[t];
      // 1. Written before the event's noun, or in a clause hanging on it.
      if (event.nominal) {
        for (const x of this.times) if (x.noun === t) return x.time;
        for (const x of this.times) {
          const c = list[of[x.start]];
          if (!x.bound && x.noun < 0 && (c.kind === 'relative' || c.kind === 'appositive') && c.head === t) return x.time;
        }
      }
      // 2. In its own clause: the first after it ("trade … soared to $240 billion in 2023"), else the nearest before.
      let best: SentenceTime | undefined;
      for (const x of this.times) {
        if (x.bound || x.noun >= 0 || of[x.start] !== clause) continue;
        if (x.start > t) {
          if (!best || best.start < t || x.start < best.start) best = x;
        } else if (!best || (best.start < t && x.start > best.start)) best = x;
      }
      if (best) return best.time;
      // 3. The phrase that fronts its main clause (followed through main clauses fronted in turn), unless it only
      // bounds it ("After surging in 2022, trade has declined").
      if (list[clause].kind === 'main') {
        for (let f = list[clause].fronted; f >= 0; f = list[f].fronted) {
          if (BOUNDING.has(this.view.words[list[f].start]) || this.view.words[list[f].start] === 'following') continue;
          for (const x of this.times) if (!x.bound && x.noun < 0 && of[x.start] === f) return x.time;
        }
      }
    }
    // 4. What a dated document says: only words are a document's acts ("the memo has surfaced" is not).
    if (documentTime && !event.nominal && event.verbal) {
      const noun = this.speakingDocument(t);
      if (noun >= 0) return documentTime(this.view.words[noun], this.view.starts[noun]);
    }
    return undefined;
  }

  /** The document noun that is the subject of the verb at t ("the memo warns"), or its container ("… within a leaked memo"); else -1. */
  private speakingDocument(t: number): number {
    const { words } = this.view;
    const { of, list } = this.structure;
    // "A leaked FSB memo brands China … and warns of …": the subject of the first verb.
    const shared = list[of[t]].sharesSubject;
    if (shared >= 0) {
      for (let v = list[shared].start; v < t; v++) if (of[v] === shared && isFiniteVerb(this.view, v, this.verbs)) return this.speakingDocument(v);
    }
    let k = t - 1;
    while (k >= 0 && (SKIPPABLE_BEFORE_VERB.has(words[k]) || this.view.tags?.[k]?.startsWith('RB'))) k--;
    // Over a phrase that follows the head noun: "A Chinese report from 2019 criticized", "the memo on China warns".
    for (let p = k; p >= 0 && p >= k - 4; p--) {
      const tag = this.view.tags?.[p] ?? '';
      if (tag === 'IN' && p < k) {
        k = p - 1;
        break;
      }
      if (!/^(DT|JJ|NNP?S?|CD|PRP\$)$/.test(tag)) break;
    }
    // Over an aside set off by commas: "The document, reportedly composed in …, warns".
    if (k >= 0 && words[k] === ',') {
      const aside = list[of[k]];
      if ((aside.kind === 'appositive' || aside.kind === 'relative') && aside.head >= 0) k = aside.head;
    }
    if (k >= 0 && DOCUMENT_NOUNS.has(words[k]) && !this.view.possessive[k]) return k;
    // A container in the verb's clause, after it: "China is now described as an adversary within a leaked memo".
    for (let i = t + 1; i < words.length && of[i] === of[t]; i++) {
      if (!CONTAINERS.has(words[i])) continue;
      for (let j = i + 1; j < words.length && j <= i + 6 && of[j] === of[t]; j++) {
        if (DOCUMENT_NOUNS.has(words[j]) && words[j + 1] !== 'of') return j;
        if (words[j] === ',' || words[j] === '.') break;
      }
    }
    return -1;
  }
}
