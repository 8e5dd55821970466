// Events and claims in Russian and Chinese, by rules: a lexicon of triggers and statement cues per language
// (data/events/lang), the actors the resolver found, and each language's grammar of who did what to whom
// (ru.ts, zh.ts). Every event and claim points at its sentence, its trigger and its cues.

import type { Analysis, Channel, Claim, Event, Modality, Quantity, Sentence, Span, TimeExpression, EventTime } from '../../model/index.js';
import type { CameoTable } from '../cameo.js';
import { eventId } from '../to-event.js';
import { reportTime } from '../time/report-time.js';
import { claimId, outletSpeaker } from '../claims/index.js';
import { certaintyOf } from '../claims/certainty.js';
import type { CueKind, Lexicon, LexiconEntry, TriggerPattern } from './lexicon.js';

/** An actor the resolver found, as the reader uses it. */
export interface SentenceActor extends Span {
  code: string;
  actorId: string;
}

/** A lexicon word found in a sentence. */
export interface Hit extends Span {
  entry: LexiconEntry;
}

/** One sentence, read: its actors and lexicon hits in text order. */
export interface SentenceParts {
  text: string;
  sentence: Sentence;
  actors: readonly SentenceActor[];
  hits: readonly Hit[];
}

export interface Roles {
  sources: SentenceActor[];
  targets: SentenceActor[];
  reciprocal: boolean;
}

/** What differs between languages: where words are, where clauses end, who is the subject. */
export interface Grammar {
  readonly language: string;
  readonly lexicon: Lexicon;
  /** Fills `into` with the lexicon words of the sentence, in order, none inside an actor's name. */
  scan(analysis: Analysis, sentence: Sentence, actors: readonly SentenceActor[], into: Hit[]): void;
  /** The clause around the trigger: [start, end). */
  clause(parts: SentenceParts, trigger: Hit): Span;
  /** Whether a context word (a stem, or a word) is found in text[from, to) within the language's reach. */
  contextHolds(text: string, from: number, to: number, words: readonly string[], direction: 'before' | 'after'): boolean;
  /** Whether no more than `reach` words (1 by default: a negation's reach) of one clause lie in text[from, to). */
  adjacent(text: string, from: number, to: number, reach?: number): boolean;
  roles(parts: SentenceParts, trigger: Hit, pattern: TriggerPattern, clause: Span): Roles;
  /** The actor who says what a report or according cue introduces. */
  speakerOf(parts: SentenceParts, cue: Hit): SentenceActor | undefined;
  /** Whether the trigger sits in an adjunct of another event ("завербовать … для шпионажа"): not an event of its own. */
  adjunct?(parts: SentenceParts, trigger: Hit): boolean;
  /** For the Chinese 将: whether this hit is the object marker (将中国称为…), not a future. */
  marksObject?(parts: SentenceParts, cue: Hit): boolean;
}

/** Whether the actor follows another trigger of the sentence that comes before `trigger`: that verb's object, not this one's subject. */
export function objectOfEarlier(parts: SentenceParts, actor: Span, trigger: Hit): boolean {
  for (const h of parts.hits) {
    if (h.start >= trigger.start) break;
    if (h.entry.triggers.length && h.end <= actor.start) return true;
  }
  return false;
}

export interface ReaderTables {
  cameo: CameoTable;
}

const SEMICOLON = 0x3b;
const FULL_SEMICOLON = 0xff1b;

function hasCharIn(text: string, from: number, to: number, a: number, b: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === a || c === b) return true;
  }
  return false;
}

function actorsIn(analysis: Analysis, documents: ReadonlySet<string>): SentenceActor[] {
  const out: SentenceActor[] = [];
  for (const r of analysis.resolutions) {
    if (documents.has(r.actorId)) continue;
    out.push({ start: r.start, end: r.end, code: r.code, actorId: r.actorId });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

function firstIn<T extends Span>(list: readonly T[], sentence: Span): T | undefined {
  for (const x of list) if (x.start >= sentence.start && x.end <= sentence.end) return x;
  return undefined;
}

/**
 * Whether a statement cue introduces the event at `trigger`: it comes before it, or after it as a trailing
 * speech tag (", заявил Песков", "，外交部称") outside the trigger's clause.
 */
function governs(parts: SentenceParts, cue: Hit, trigger: Hit, _clause: Span): boolean {
  if (cue.end <= trigger.start) return true;
  const { text, sentence } = parts;
  let j = cue.start - 1;
  while (j > trigger.end && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0xa0)) j--;
  const c = text.charCodeAt(j);
  const tagged = c === 0x2c || c === 0x2014 || c === 0x2013 || c === 0xff0c || c === 0x22 || c === 0xbb || c === 0x201d;
  if (!tagged) return false;
  // the tag closes the sentence: nothing but its speaker after it
  for (let i = cue.end; i < sentence.end; i++) {
    const d = text.charCodeAt(i);
    if (d === 0x2c || d === 0xff0c || d === 0x3b || d === 0xff1b) return false;
  }
  return true;
}

/** The modality of the event at `trigger`, with the cues that decided it. */
function modalityOf(grammar: Grammar, parts: SentenceParts, trigger: Hit, clause: Span): { modality: Modality; cues: Hit[] } {
  const { text, hits } = parts;
  const found: Partial<Record<Modality, Hit>> = {};
  for (const h of hits) {
    if (h === trigger || !h.entry.cue || (h.end > trigger.start && h.start < trigger.end)) continue;
    const before = h.end <= trigger.start;
    const inClause = h.start >= clause.start && h.end <= clause.end;
    switch (h.entry.cue as CueKind) {
      case 'negation':
        if (before && grammar.adjacent(text, h.end, trigger.start)) found.negated ??= h;
        break;
      case 'denial':
        if (before && trigger.entry.triggers[0]?.code !== '016' && !hasCharIn(text, h.end, trigger.start, SEMICOLON, FULL_SEMICOLON)) found.denied ??= h;
        break;
      case 'hypothetical':
        if (before && inClause) found.hypothetical ??= h;
        break;
      case 'future':
        if (before && inClause && grammar.adjacent(text, h.end, trigger.start)) found.future ??= h;
        break;
      case 'future-marker':
        if (before && inClause && !grammar.marksObject?.(parts, h) && grammar.adjacent(text, h.end, trigger.start)) found.future ??= h;
        break;
      case 'alleged':
        if (inClause && (before ? grammar.adjacent(text, h.end, trigger.start, 3) : grammar.adjacent(text, trigger.end, h.start))) found.alleged ??= h;
        break;
      case 'report':
      case 'according':
        if (governs(parts, h, trigger, clause)) found.reported ??= h;
        break;
    }
  }
  for (const m of ['negated', 'denied', 'hypothetical', 'future', 'alleged', 'reported'] as const) {
    const h = found[m];
    if (h) return { modality: m, cues: [h] };
  }
  return { modality: 'asserted', cues: [] };
}

function patternFor(grammar: Grammar, text: string, trigger: Hit, clause: Span): TriggerPattern | undefined {
  for (const p of trigger.entry.triggers) {
    if (p.before && !grammar.contextHolds(text, clause.start, trigger.start, p.before, 'before')) continue;
    if (p.after && !grammar.contextHolds(text, trigger.end, clause.end, p.after, 'after')) continue;
    return p;
  }
  return undefined;
}

function unique(actors: readonly SentenceActor[]): SentenceActor[] {
  const out: SentenceActor[] = [];
  for (const a of actors) if (!out.some((o) => o.code === a.code)) out.push(a);
  return out;
}

function channelOf(parts: SentenceParts, speaker: SentenceActor | undefined, mentionsLeak: boolean): { channel: Channel; cue?: Hit } {
  let document: Hit | undefined;
  let anonymous: Hit | undefined;
  for (const h of parts.hits) {
    if (h.entry.cue === 'document') document ??= h;
    else if (h.entry.cue === 'anonymous') anonymous ??= h;
  }
  if (document) return { channel: mentionsLeak ? 'leaked-document' : 'private-document', cue: document };
  if (anonymous && !speaker) return { channel: 'anonymous-source', cue: anonymous };
  if (!speaker) return { channel: 'journalist' };
  if (speaker.code.endsWith('MED')) return { channel: 'journalist' };
  if (speaker.code.endsWith('SPY')) return { channel: 'intelligence-assessment' };
  return { channel: 'public-statement' };
}

function amountIn(quantities: readonly Quantity[], sentence: Span): Event['amount'] {
  const q = quantities.find((x) => x.kind === 'MONEY' && x.start >= sentence.start && x.end <= sentence.end && x.unit);
  return q ? { start: q.start, end: q.end, value: q.value, currency: q.unit!, text: q.text } : undefined;
}

/** The event's time: the sentence's first time expression (these rules read no clauses), else the report's date. */
function timeIn(times: readonly TimeExpression[], sentence: Span, document: Analysis['document']): EventTime {
  const t = firstIn(times, sentence);
  return t ? { from: t.from, to: t.to, precision: t.precision, basis: 'event' } : reportTime(document);
}

/** Reads every sentence of the document into analysis.events and analysis.claims. */
export function readEvents(analysis: Analysis, grammar: Grammar, tables: ReaderTables): void {
  const { document } = analysis;
  const text = document.text;
  const documents = new Set<string>();
  for (const a of analysis.actors) if (a.kind === 'document') documents.add(a.id);
  const all = actorsIn(analysis, documents);
  const outlet = outletSpeaker(analysis);
  const hits: Hit[] = [];
  let mentionsLeak = false;
  const perSentence: SentenceParts[] = [];
  let a = 0;
  for (const sentence of analysis.sentences) {
    while (a < all.length && all[a]!.end <= sentence.start) a++;
    let aEnd = a;
    while (aEnd < all.length && all[aEnd]!.start < sentence.end) aEnd++;
    const actors = all.slice(a, aEnd).filter((x) => x.start >= sentence.start && x.end <= sentence.end);
    hits.length = 0;
    grammar.scan(analysis, sentence, actors, hits);
    if (hits.length === 0) continue;
    if (hits.some((h) => h.entry.cue === 'leak')) mentionsLeak = true;
    perSentence.push({ text, sentence, actors, hits: hits.slice() });
  }
  const seen = new Set<string>();
  for (const parts of perSentence) {
    const { sentence } = parts;
    // Verbs of one subject, coordinated ("пытаются завербовать … и переманивают …"): a later one without a
    // subject of its own takes the one before's.
    let lastSources: SentenceActor[] = [];
    for (const trigger of parts.hits) {
      if (trigger.entry.cue === 'clause' && !trigger.entry.keepsSubject) lastSources = [];
      if (trigger.entry.triggers.length === 0 || grammar.adjunct?.(parts, trigger)) continue;
      const clause = grammar.clause(parts, trigger);
      const pattern = patternFor(grammar, text, trigger, clause);
      if (!pattern) continue;
      const roles = grammar.roles(parts, trigger, pattern, clause);
      if (!roles.sources.length && !roles.reciprocal && lastSources.length && !roles.targets.some((t) => lastSources.some((s) => s.code === t.code))) {
        roles.sources = lastSources;
      }
      if (roles.sources.length) lastSources = roles.sources;
      const sources = unique(roles.sources);
      const targets = unique(roles.targets);
      if (!sources.length && !targets.length) continue;
      const info = tables.cameo.info(pattern.code);
      if (!info?.ploverType) continue;
      const evidence: Span = { start: sentence.start, end: sentence.end };
      const triggerSpan: Span = { start: trigger.start, end: trigger.end };
      const sourceCodes = sources.map((s) => s.code);
      const targetCodes = targets.map((t) => t.code);
      const id = eventId(document.id, evidence, triggerSpan, pattern.code, sourceCodes, targetCodes);
      if (seen.has(id)) continue;
      seen.add(id);
      const { modality, cues } = modalityOf(grammar, parts, trigger, clause);
      const event: Event = {
        id,
        evidence,
        sources: sourceCodes,
        targets: targetCodes,
        ploverType: info.ploverType,
        ploverMode: pattern.mode ?? info.ploverMode,
        cameo: pattern.code,
        goldstein: info.goldstein,
        quadClass: info.quadClass,
        modality,
        trigger: triggerSpan,
        confidence: sources.length && targets.length ? 0.6 : 0.45,
        sourceSpans: sources.map((s) => ({ start: s.start, end: s.end })),
        targetSpans: targets.map((t) => ({ start: t.start, end: t.end })),
        ploverContext: info.ploverContext || undefined,
        reciprocal: roles.reciprocal ? true : undefined,
        amount: pattern.money ? amountIn(analysis.quantities, sentence) : undefined,
        time: timeIn(analysis.times, sentence, document),
      };
      analysis.events.push(event);
      analysis.claims.push(claimOf(analysis, grammar, parts, event, trigger, clause, cues, outlet, mentionsLeak));
    }
  }
}

function claimOf(
  analysis: Analysis, grammar: Grammar, parts: SentenceParts, event: Event, trigger: Hit, clause: Span, modalityCues: readonly Hit[],
  outlet: string, mentionsLeak: boolean,
): Claim {
  const chain = [outlet];
  const cues: Span[] = modalityCues.map((h) => ({ start: h.start, end: h.end }));
  let innermost: SentenceActor | undefined;
  let hedges = 0;
  const words: string[] = [];
  for (const h of parts.hits) {
    if (h === trigger) continue;
    const cue = h.entry.cue;
    if (cue === 'report' || cue === 'according') {
      if (!governs(parts, h, trigger, clause)) continue;
      const speaker = grammar.speakerOf(parts, h);
      cues.push({ start: h.start, end: h.end });
      if (!speaker) continue;
      if (chain[chain.length - 1] !== speaker.actorId) chain.push(speaker.actorId);
      innermost = speaker;
    } else if (cue === 'hedge') {
      hedges++;
      cues.push({ start: h.start, end: h.end });
    } else if (cue === 'booster') {
      words.push('confirmed');
      cues.push({ start: h.start, end: h.end });
    }
  }
  const { channel, cue } = channelOf(parts, innermost, mentionsLeak);
  if (cue) cues.push({ start: cue.start, end: cue.end });
  const { certainty, icd } = certaintyOf({ modality: event.modality, channel, words, unknownHedges: hedges });
  cues.sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: Span[] = [];
  for (const c of cues) {
    const last = merged[merged.length - 1];
    if (!last || last.start !== c.start || last.end !== c.end) merged.push(c);
  }
  return {
    id: claimId(analysis.document.id, event.id),
    eventId: event.id,
    speaker: chain[chain.length - 1]!,
    attributionChain: chain,
    channel,
    certainty,
    icd,
    cues: merged,
    evidence: { start: event.evidence.start, end: event.evidence.end },
  };
}
