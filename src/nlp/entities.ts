import type { Analysis, Mention, EntityKind } from '../model/index.js';
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
    for (const span of model.ner.spans(ctx, tags, s.tokenStart, s.tokenEnd)) {
      const first = s.tokenStart + span.start;
      const last = s.tokenStart + span.end - 1;
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
  a.mentions = [...a.mentions.filter((m) => !isEntityKind(m.kind)), ...entities].sort((x, y) => x.start - y.start || y.end - x.end);
}

function isEntityKind(kind: string): boolean {
  return kind === 'PER' || kind === 'ORG' || kind === 'LOC' || kind === 'MISC';
}


