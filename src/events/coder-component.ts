import type { Analysis, Amount, Quantity, TimeExpression } from '../model/index.js';
import { DOCUMENT_NOUNS } from '../nlp/cues/lexicon.js';
import { ENGLISH, type DocumentStageDefinition } from '../pipeline/stage.js';
import { EventCoder, isVerbalCode, type CodedEvent, type DocumentMemory } from './coder.js';
import { NO_RESOLVED, type ResolvedActor } from './actor-units.js';
import { EVENT_TABLES, type ShippedResources } from './resources.js';
import { EVENT_DATA_FILES } from './data-files.js';
import { toEvent } from './to-event.js';
import { wordFactsFor } from './word-facts.js';
import type { SentenceView } from './sentence-view.js';
import { reportTime } from './time/report-time.js';
import { SentenceTimeReader, sentenceTimes, type SentenceTime } from './time/event-time.js';
import { datedDocuments, documentDate, type DatedDocument } from './time/document-dates.js';

export interface CodeOptions {
  /** Drop dictionary-coded events that lack a source or a target (default true, as PETRARCH does). */
  requireDyad?: boolean;
}

/** A sentence's coded events, kept until the document's dated documents are known. */
interface CodedSentence {
  view: SentenceView;
  coded: CodedEvent[];
  times: SentenceTimeReader;
  /** The first of the document's quantities that may lie in the sentence. */
  quantityFrom: number;
}

const NO_TIMES: SentenceTime[] = [];

/**
 * Codes every sentence of the document into analysis.events, modality 'asserted' (the modality stage revises it).
 * Actors are the resolver's; each event's time comes from the time expression governing it, else the report's date;
 * amounts come from the quantities layer.
 */
export function codeDocument(analysis: Analysis, resources: ShippedResources, options: CodeOptions = {}): void {
  const coder = new EventCoder(resources);
  const { document, times, quantities } = analysis;
  const resolved = analysis.resolutions.length ? resolvedActors(analysis) : NO_RESOLVED;
  const memory: DocumentMemory = { recentCodes: [], recentCountries: [] };
  const sentences: CodedSentence[] = [];
  const dated: DatedDocument[] = [];
  let r = 0;
  let t = 0;
  let q = 0;
  for (const sentence of analysis.sentences) {
    while (r < resolved.length && resolved[r].end <= sentence.start) r++;
    let rEnd = r;
    while (rEnd < resolved.length && resolved[rEnd].start < sentence.end) rEnd++;
    while (t < times.length && times[t].end <= sentence.start) t++;
    while (q < quantities.length && quantities[q].end <= sentence.start) q++;
    const view = coder.view(document.text, analysis.tokens, sentence, analysis.pos);
    const coded = coder.codeSentence({ view, resolved: resolved.slice(r, rEnd), memory });
    const timed = t < times.length && times[t].start < sentence.end;
    const dating = timed && namesDocument(view, times, t);
    if (!coded.length && !dating) continue;
    const reader = new SentenceTimeReader(view, timed ? sentenceTimes(view, times, t) : NO_TIMES, coded.length ? verbTriggers(view, coded) : undefined);
    if (dating) datedDocuments(view, reader.times, () => reader.structure, dated);
    if (coded.length) sentences.push({ view, coded, times: reader, quantityFrom: q });
  }
  const report = reportTime(document);
  const documentTime = dated.length ? (noun: string, at: number) => documentDate(dated, noun, at) : undefined;
  const seen = new Set<string>();
  for (const { view, coded, times: reader, quantityFrom } of sentences) {
    for (const c of coded) {
      const time = reader.timeOf({ trigger: c.triggerStart, nominal: c.nominal, verbal: isVerbalCode(c.code) }, documentTime) ?? { ...report };
      const amount = c.money ? amountOf(view, reader, c, quantities, quantityFrom) : undefined;
      const event = toEvent(document.id, view, c, resources.cameo, time, amount, options.requireDyad ?? true);
      if (event && !seen.has(event.id)) {
        seen.add(event.id);
        analysis.events.push(event);
      }
    }
  }
}

/** The words the coder read as finite verbs (participles and gerunds aside), which the tagger may have read as nouns. */
function verbTriggers(view: SentenceView, coded: readonly CodedEvent[]): Uint8Array {
  const verbs = new Uint8Array(view.words.length);
  for (const c of coded) if (!c.nominal && !/^VB[GN]$/.test(view.tags?.[c.triggerStart] ?? '')) verbs[c.triggerStart] = 1;
  return verbs;
}

/** Whether a document noun stands near one of the sentence's times (from times[t] on): where a text dates a document. */
function namesDocument(view: SentenceView, times: readonly TimeExpression[], t: number): boolean {
  const { words, starts, ends } = view;
  for (let x = t; x < times.length && times[x].start < view.end; x++) {
    let w = 0;
    while (w < words.length && ends[w] <= times[x].start) w++;
    for (let k = Math.max(0, w - 6); k < words.length && starts[k] < times[x].end + 40; k++) if (DOCUMENT_NOUNS.has(words[k])) return true;
  }
  return false;
}

/**
 * The amount of money nearest the trigger in the event's clause, a verb phrase coordinated with it ("trade increased
 * … and amounted to $190 billion") or an aside on it ("trade fell 9%, totaling $106 billion"), from the quantities layer.
 */
function amountOf(view: SentenceView, reader: SentenceTimeReader, c: CodedEvent, quantities: readonly Quantity[], from: number): Amount | undefined {
  const { of, list } = reader.structure;
  const own = of[c.triggerStart];
  const related = (k: number): boolean =>
    k === own || list[k].sharesSubject === own || list[own].sharesSubject === k || (list[k].kind === 'appositive' && list[k].parent === own);
  let best: Quantity | undefined;
  let distance = Infinity;
  for (let k = from; k < quantities.length && quantities[k].start < view.end; k++) {
    const x = quantities[k];
    if (x.kind !== 'MONEY' || !x.unit) continue;
    let w = 0;
    while (w < view.words.length && view.ends[w] <= x.start) w++;
    if (w >= view.words.length || !related(of[w])) continue;
    const d = Math.abs(w - c.triggerStart);
    if (d < distance) (best = x), (distance = d);
  }
  return best && { start: best.start, end: best.end, value: best.value, currency: best.unit!, text: best.text };
}

function resolvedActors(analysis: Analysis): ResolvedActor[] {
  const countryOf = new Map<string, string>();
  // Referenced documents (the provenance stage) are channels, not parties: "the FSB memo warns" is the FSB's act.
  let documents: Set<string> | undefined;
  for (const a of analysis.actors) {
    if (a.kind === 'document') (documents ??= new Set()).add(a.id);
    else countryOf.set(a.id, a.kind === 'state' ? a.id : a.country ?? '');
  }
  // A loop rather than map: map's result here reached the sort (and findItems) with an array map of its own.
  const actors: ResolvedActor[] = [];
  for (const r of analysis.resolutions) {
    if (!documents?.has(r.actorId)) actors.push({ start: r.start, end: r.end, code: r.code, country: countryOf.get(r.actorId) ?? '' });
  }
  return actors.sort((a, b) => a.start - b.start);
}

export const eventCoderStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'event-coder',
  languages: ENGLISH,
  revision: 2,
  files: EVENT_DATA_FILES,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'resolutions', 'actors', 'times', 'quantities'],
  adds: ['events'],
  load(resources) {
    const tables = resources.get(EVENT_TABLES);
    wordFactsFor(tables); // built with the tables, not on the first document
    return (analysis) => codeDocument(analysis, tables);
  },
};
