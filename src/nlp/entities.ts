import type { Analysis, Mention, EntityKind } from '../model/index.js';
import { ENTITY_KINDS } from '../model/index.js';
import { buildContext, type NlpModel } from './nlp-model.js';
import type { TagContext } from './tagger/context.js';
import { F_HAS_DIGIT, F_HAS_UPPER, F_NO_WORD_CHAR } from './features/attributes.js';
import { markRegions, dropHeadlineGuesses } from './ner/corrections.js';
import { ScratchKey, type DocumentRun } from '../pipeline/document-run.js';

// Part of speech and named entities for one analysed document: one tagging context per document,
// shared by the two stages through the document's run.

const TAG_CONTEXT = new ScratchKey<{ ctx?: TagContext }>('tag context');

function contextFor(model: NlpModel, a: Analysis, run: DocumentRun): TagContext {
  const slot = run.get(TAG_CONTEXT, (): { ctx?: TagContext } => ({}));
  let ctx = slot.ctx;
  if (!ctx || ctx.starts !== a.tokens.starts) {
    ctx = buildContext(model, a.document.text, a.tokens.starts, a.tokens.ends, a.tokens.count);
    slot.ctx = ctx;
  }
  return ctx;
}

export function tagPartsOfSpeech(model: NlpModel, a: Analysis, run: DocumentRun): void {
  const ctx = contextFor(model, a, run);
  for (const s of a.sentences) model.pos.tag(ctx, s.tokenStart, s.tokenEnd);
  const names = model.pos.tagNames;
  const pos = new Array<string>(a.tokens.count);
  for (let i = 0; i < a.tokens.count; i++) pos[i] = names[ctx.pos[i]];
  a.pos = pos;
}

/** Confidence from the recognizer's weakest decision inside the mention. */
function confidence(margin: number): number {
  return Math.round((1 / (1 + Math.exp(-margin / 4))) * 1000) / 1000;
}

export function recognizeEntities(model: NlpModel, a: Analysis, run: DocumentRun): void {
  const ctx = contextFor(model, a, run);
  if (!a.pos) for (const s of a.sentences) model.pos.tag(ctx, s.tokenStart, s.tokenEnd);
  const n = a.tokens.count;
  const tags = new Uint8Array(n);
  const margins = new Float32Array(n);
  const text = a.document.text;
  const mentions: Mention[] = [];
  const flags = ctx.attrs.flags;
  const posNames = model.pos.tagNames;
  model.ner.tagDocument(ctx, a.sentences, tags, margins);
  for (const s of a.sentences) {
    for (const span of model.ner.spans(tags, s.tokenStart, s.tokenEnd)) {
      // Values are the times and quantities layers' (normalized there); the recognizer marks them
      // so as not to take them for names.
      if (!ENTITY_KINDS.has(span.type)) continue;
      let first = s.tokenStart + span.start;
      let last = s.tokenStart + span.end - 1;
      // OntoNotes puts the article inside names ("the European Union") and sometimes a possessive
      // ("Putin 's"); Rift's mention is the name.
      if (last > first && isArticle(text, a.tokens.starts[first], a.tokens.ends[first])) first++;
      if (last > first && isPossessive(text, a.tokens.starts[last], a.tokens.ends[last])) last--;
      // Greedy decoding that misses a name's end runs on into the words after it ("Herwig F. and"):
      // a name ends in a word with a capital or a digit.
      while (last > first && (flags[last] & (F_HAS_UPPER | F_HAS_DIGIT)) === 0) last--;
      // A sentence's first word is capitalized whatever it is: one the tagger reads as an adverb, a
      // verb or a function word ("Moreover", "Strikingly,", "Published June 3") is not a name.
      if (opensSentence(flags, s.tokenStart, first) && isCommonWordTag(posNames[ctx.pos[first]], text, a.tokens.starts[first], a.tokens.ends[first])) {
        if (first === last) continue;
        first++;
      }
      // OntoNotes splits "Beijing-led" in three tokens, Rift keeps it whole: an adjective made of a
      // name ("Beijing-led", "San Diego-based", "Nanjing-style") is not one (the actors stage still
      // finds the name inside it).
      if (endsInDerivedAdjective(text, a.tokens.starts[last], a.tokens.ends[last])) continue;
      let weakest = Infinity;
      for (let k = first; k <= last; k++) weakest = Math.min(weakest, margins[k]);
      const start = a.tokens.starts[first];
      const end = a.tokens.ends[last];
      // actorId last, as the resolver used to add it: it fills it in without changing the hidden class
      mentions.push({ start, end, text: text.slice(start, end), kind: span.type as EntityKind, confidence: confidence(weakest), actorId: undefined });
    }
  }
  let entities = markRegions(text, a.tokens, ctx.attrs, mentions);
  entities = dropHeadlineGuesses(text, a.tokens, a.sentences, ctx.attrs, ctx.gazetteer, entities);
  // Keep mentions other stages put there (numbers, times), in text order.
  a.mentions = [...a.mentions.filter((m) => !ENTITY_KINDS.has(m.kind)), ...entities].sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Lower-case last parts of a hyphenated word that make an adjective of the name before them, besides -ed and -ing. */
const DERIVING_PARTS = new Set(['style', 'made', 'born', 'run', 'language', 'friendly', 'era', 'type', 'wide', 'like', 'centric', 'specific', 'proof', 'bound']);

/** Whether text[start, end) ends in a hyphen and a lower-case part that makes an adjective ("-led", "-based", "-style"). */
function endsInDerivedAdjective(text: string, start: number, end: number): boolean {
  const hyphen = text.lastIndexOf('-', end - 1);
  if (hyphen <= start || end - hyphen < 3) return false;
  const part = text.slice(hyphen + 1, end);
  if (part !== part.toLowerCase()) return false;
  return part.endsWith('ed') || part.endsWith('ing') || DERIVING_PARTS.has(part);
}

/** the, The, THE. */
function isArticle(text: string, start: number, end: number): boolean {
  return end - start === 3 && (text.charCodeAt(start) | 0x20) === 0x74 && (text.charCodeAt(start + 1) | 0x20) === 0x68 && (text.charCodeAt(start + 2) | 0x20) === 0x65;
}

/** Whether token i is the first word of the sentence that starts at token s (after quotes, bullets, brackets). */
function opensSentence(flags: Uint16Array, s: number, i: number): boolean {
  for (let k = s; k < i; k++) if ((flags[k] & F_NO_WORD_CHAR) === 0) return false;
  return true;
}

/** Part-of-speech tags of words that are not names wherever they stand. */
const COMMON_WORD_TAGS = new Set(['RB', 'RBR', 'RBS', 'CC', 'IN', 'DT', 'PDT', 'PRP', 'PRP$', 'WRB', 'WP', 'WDT', 'UH', 'MD', 'EX', 'TO', 'VB', 'VBD', 'VBG', 'VBN', 'VBP', 'VBZ']);

/** A word tagged as one of COMMON_WORD_TAGS, or an adjective in -ly ("Strikingly", tagged JJ as often as RB). */
function isCommonWordTag(tag: string, text: string, start: number, end: number): boolean {
  if (COMMON_WORD_TAGS.has(tag)) return true;
  return tag === 'JJ' && end - start > 4 && text.charCodeAt(end - 2) === 0x6c && text.charCodeAt(end - 1) === 0x79;
}

/** 's, ’s or a lone apostrophe. */
function isPossessive(text: string, start: number, end: number): boolean {
  const q = text.charCodeAt(start);
  if (q !== 0x27 && q !== 0x2019) return false;
  return end - start === 1 || (end - start === 2 && (text.charCodeAt(start + 1) | 0x20) === 0x73);
}


