// Claims: for each event, who asserts it (outlet → document → …), through which channel, how
// sure, and the cue spans that justify it. Runs after the modality stage.

import * as crypto from 'node:crypto';
import type { Analysis, Claim, Event, Span } from '../../model/index.js';
import { ENGLISH, type DocumentStageDefinition } from '../../pipeline/stage.js';
import type { DocumentRun } from '../../pipeline/document-run.js';
import { documentCues, previousSentenceInParagraph, sentenceAround, type DocumentCues } from '../../nlp/cues/document-cues.js';
import { CONFIRMING_VERBS } from '../../nlp/cues/lexicon.js';
import { firstAtOrAfter } from '../../nlp/cues/scan.js';
import { HEDGE_DETECTOR } from '../../nlp/cues/hedges.js';
import { DEFAULT_HEDGE_MODEL_PATH } from '../../nlp/cues/hedge-model.js';
import { modalityWithCues, triggerOf } from '../modality.js';
import { attributionsFor, type Attribution } from './attribution.js';
import { outletOf, speakerOf, type Speaker } from './speaker.js';
import { chooseChannel, nearestChannelCue } from './channel.js';
import { certaintyOf, knowsCertaintyWord } from './certainty.js';

export { icdWord, certaintyOf, MODALITY_BASE } from './certainty.js';
export { attributionsFor } from './attribution.js';
export { speakerOf } from './speaker.js';

/** How far around the trigger certainty words are looked for, in code units. */
const CERTAINTY_BEFORE = 100;
const CERTAINTY_AFTER = 40;

export function outletSpeaker(analysis: Analysis): string {
  return outletOf(analysis);
}

export function claimId(docId: string, eventId: string): string {
  return sha1Hex(`${docId}\u0000${eventId}\u0000claim`).slice(0, 24);
}

// The one-shot crypto.hash (Node 20.12+) is several times cheaper than a Hash object per claim.
const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha1', text, 'hex')
    : (text) => crypto.createHash('sha1').update(text).digest('hex');

function overlapsAny(span: Span, list: readonly Span[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (list[i].end > span.start && list[i].start < span.end) return true;
  return false;
}

function normalized(text: string, span: Span): string {
  return text.slice(span.start, span.end).toLowerCase().replace(/\s+/g, ' ');
}

/** The claim on one event, from the document's cues; `run` is the document's run, where its modality readings are kept. */
export function buildClaim(analysis: Analysis, event: Event, found: DocumentCues, run?: DocumentRun): Claim {
  const text = analysis.document.text;
  const trigger = triggerOf(event);
  const sentence = sentenceAround(analysis, trigger.start);
  const modality = event.modality;
  const modalityCues = modalityWithCues(analysis, event, found.cues, run).cues;

  // Who speaks: this sentence's attributions, or, for an alleged or reported event with none of its
  // own, the previous sentence's in the same paragraph ("The document … warns … . Chinese operatives allegedly …").
  // Without a trigger, the whole evidence may hold the source ("officials said X attacked Y"): look from its end.
  const anchor = event.trigger ? trigger : { start: trigger.end, end: trigger.end };
  let attributions: Attribution[] = attributionsFor(text, found.cues, sentence, anchor);
  let attributionSentence = sentence;
  if (attributions.length === 0 && (modality === 'alleged' || modality === 'reported')) {
    const prev = previousSentenceInParagraph(analysis, sentence);
    if (prev) {
      attributions = attributionsFor(text, found.cues, prev, { start: prev.end, end: prev.end });
      attributionSentence = prev;
    }
  }
  const outlet = outletSpeaker(analysis);
  const chain = [outlet];
  let innermost: Speaker | undefined;
  for (const a of attributions) {
    const s = speakerOf(analysis, a.source);
    if (chain[chain.length - 1] !== s.id) chain.push(s.id);
    innermost = s;
  }
  const lastCue = attributions.length ? attributions[attributions.length - 1].cue : undefined;
  const { channel, cue: channelCue } = chooseChannel({
    speaker: innermost,
    near: nearestChannelCue(found.channels, sentence, trigger, text),
    nearAttribution: lastCue ? nearestChannelCue(found.channels, attributionSentence, lastCue, text) : undefined,
    documentMentionsLeak: found.mentionsLeak,
  });

  // Certainty words near the trigger, and hedges the trained detector found there.
  const lo = Math.max(sentence.start, trigger.start - CERTAINTY_BEFORE);
  const hi = Math.min(sentence.end, trigger.end + CERTAINTY_AFTER);
  const words: string[] = [];
  const certaintyCues: Span[] = [];
  for (let i = firstAtOrAfter(found.cues, lo); i < found.cues.length && found.cues[i].start < hi; i++) {
    const c = found.cues[i];
    const w = normalized(text, c);
    const counts = c.kind === 'booster' || c.kind === 'hedge' || c.kind === 'alleged' || c.kind === 'reported' ||
      (c.kind === 'report-verb' && CONFIRMING_VERBS.has(w));
    if (counts && knowsCertaintyWord(w)) {
      words.push(w);
      certaintyCues.push(c);
    }
  }
  let unknownHedges = 0;
  const hedgeCues: Span[] = [];
  const cuesFrom = firstAtOrAfter(found.cues, lo);
  const cuesTo = firstAtOrAfter(found.cues, hi);
  for (let i = firstAtOrAfter(found.hedges, lo); i < found.hedges.length && found.hedges[i].start < hi; i++) {
    const h = found.hedges[i];
    hedgeCues.push(h);
    if (!overlapsAny(h, found.cues, cuesFrom, cuesTo)) unknownHedges++;
  }
  const { certainty, icd } = certaintyOf({ modality, channel, words, unknownHedges });

  const spans: Span[] = [];
  copySpans(spans, modalityCues);
  for (const a of attributions) spans.push({ start: a.cue.start, end: a.cue.end });
  if (channelCue) spans.push({ start: channelCue.start, end: channelCue.end });
  copySpans(spans, certaintyCues);
  copySpans(spans, hedgeCues);
  const cues = mergeSpans(spans);
  return {
    id: claimId(analysis.document.id, event.id),
    eventId: event.id,
    speaker: chain[chain.length - 1],
    attributionChain: chain,
    channel,
    certainty,
    icd,
    cues,
    evidence: { start: event.evidence.start, end: event.evidence.end },
  };
}

/**
 * Plain {start, end} copies, appended. Built by loops into one array (rather than spreads and map) so that the
 * arrays reaching the sort are all of one element kind.
 */
function copySpans(into: Span[], spans: readonly Span[]): void {
  for (const s of spans) into.push({ start: s.start, end: s.end });
}

/** Sorted (in place), without duplicates. */
function mergeSpans(spans: Span[]): Span[] {
  if (spans.length > 1) spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (!last || last.start !== s.start || last.end !== s.end) out.push(s);
  }
  return out;
}

/** One claim per event. */
export const claimsStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'claims',
  languages: ENGLISH,
  revision: 1,
  files: [DEFAULT_HEDGE_MODEL_PATH],
  requires: ['events'],
  uses: ['sentences', 'pos', 'resolutions', 'actors'],
  adds: ['claims'],
  load(resources) {
    const hedges = resources.get(HEDGE_DETECTOR);
    return (analysis, run) => {
      if (analysis.events.length === 0) return;
      const found = documentCues(analysis, hedges, run);
      for (const event of analysis.events) analysis.claims.push(buildClaim(analysis, event, found, run));
    };
  },
};
