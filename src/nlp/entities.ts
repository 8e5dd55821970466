import type { Analysis, Mention, EntityKind } from '../model/index.js';
import { ENTITY_KINDS } from '../model/index.js';
import { buildContext, type NlpModel } from './nlp-model.js';
import type { TagContext } from './tagger/context.js';
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
  model.ner.tagDocument(ctx, a.sentences, tags, margins);
  for (const s of a.sentences) {
    for (const span of model.ner.spans(tags, s.tokenStart, s.tokenEnd)) {
      // Values are the times and quantities layers' (normalized there); the recognizer marks them
      // so as not to take them for names.
      if (!ENTITY_KINDS.has(span.type)) continue;
      const first = s.tokenStart + span.start;
      let last = s.tokenStart + span.end - 1;
      // OntoNotes sometimes puts a possessive inside the name ("Putin 's"); Rift's mention is the name.
      if (last > first && isPossessive(text, a.tokens.starts[last], a.tokens.ends[last])) last--;
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

/** 's, ’s or a lone apostrophe. */
function isPossessive(text: string, start: number, end: number): boolean {
  const q = text.charCodeAt(start);
  if (q !== 0x27 && q !== 0x2019) return false;
  return end - start === 1 || (end - start === 2 && (text.charCodeAt(start + 1) | 0x20) === 0x73);
}


