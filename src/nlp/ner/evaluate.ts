import type { ConllDocument } from '../conll.js';
import { lastColumn } from '../conll.js';
import { buildContext, joinTokens, type NlpModel } from '../nlp-model.js';
import { iobSpans } from './tag-scheme.js';
import { SpanScorer, type NerScore } from './score.js';

/** Scores the recognizer on gold-tokenized documents against their last-column IOB tags. */
export function evaluateNer(model: NlpModel, docs: readonly ConllDocument[]): NerScore {
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
      scorer.add(iobSpans(lastColumn(s)), model.ner.spans(ctx, tags, r.tokenStart, r.tokenEnd), s.tokens.length);
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
