import type { ConllDocument } from '../conll.js';
import { lastColumn } from '../conll.js';
import { buildContext, joinTokens, type NlpModel } from '../nlp-model.js';
import { iobSpans, type TokenSpan } from './tag-scheme.js';
import { SpanScorer, type NerScore } from './score.js';
import { schemeOfTypes, toConll, toOntoNotes, type LabelScheme } from './types.js';

/**
 * The recognizer's spans in a gold file's types: OntoNotes' names (PERSON for PER), or CoNLL-2003's
 * four through toConll (values, which CoNLL-2003 leaves unmarked, are dropped).
 */
export function spansIn(labels: LabelScheme, spans: TokenSpan[]): TokenSpan[] {
  if (labels === 'ontonotes') {
    for (const s of spans) s.type = toOntoNotes(s.type);
    return spans;
  }
  const out: TokenSpan[] = [];
  for (const s of spans) {
    const type = toConll(s.type);
    if (type) out.push({ ...s, type });
  }
  return out;
}

/** The label scheme of gold documents, told by the types their tags use. */
export function labelSchemeOf(docs: readonly ConllDocument[]): LabelScheme {
  const types = new Set<string>();
  for (const doc of docs) for (const s of doc.sentences) for (const tag of lastColumn(s)) if (tag.length > 2) types.add(tag.slice(2));
  return schemeOfTypes(types);
}

/**
 * Scores the recognizer on gold-tokenized documents against their last-column IOB tags, in the
 * file's own types (see spansIn).
 */
export function evaluateNer(model: NlpModel, docs: readonly ConllDocument[], labels: LabelScheme = labelSchemeOf(docs)): NerScore {
  const scorer = new SpanScorer();
  for (const doc of docs) {
    const joined = joinTokens(doc.sentences.map((s) => s.tokens));
    const n = joined.starts.length;
    const ctx = buildContext(model, joined.text, joined.starts, joined.ends, n);
    const tags = new Uint8Array(n);
    for (const r of joined.ranges) model.pos.tag(ctx, r.tokenStart, r.tokenEnd);
    model.ner.tagDocument(ctx, joined.ranges, tags);
    doc.sentences.forEach((s, k) => {
      const r = joined.ranges[k];
      scorer.add(iobSpans(lastColumn(s)), spansIn(labels, model.ner.spans(tags, r.tokenStart, r.tokenEnd)), s.tokens.length);
    });
  }
  return scorer.result();
}

/** Scores two IOB tag sequences (sentence by sentence) against each other, as conlleval does. */
export function scoreIob(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): NerScore {
  const scorer = new SpanScorer();
  gold.forEach((g, k) => scorer.add(iobSpans(g), iobSpans(predicted[k] ?? []), g.length));
  return scorer.result();
}
