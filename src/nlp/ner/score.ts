import type { TokenSpan } from './tag-scheme.js';
import { prf } from '../../eval/prf.js';

// Scores entity spans the way conlleval does: a predicted span counts only when its type, first and
// last token all match a gold span.

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface NerScore extends TypeScore {
  types: Record<string, TypeScore>;
  tokens: number;
  sentences: number;
}

export class SpanScorer {
  private readonly counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  tokens = 0;
  sentences = 0;

  private count(type: string) {
    let c = this.counts.get(type);
    if (!c) this.counts.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  }

  /** Adds one sentence's gold and predicted spans. */
  add(gold: readonly TokenSpan[], predicted: readonly TokenSpan[], tokens: number): void {
    this.tokens += tokens;
    this.sentences++;
    const keys = new Set(gold.map((s) => `${s.type}:${s.start}:${s.end}`));
    for (const s of gold) this.count(s.type).gold++;
    for (const s of predicted) {
      const c = this.count(s.type);
      c.predicted++;
      if (keys.has(`${s.type}:${s.start}:${s.end}`)) c.correct++;
    }
  }

  result(): NerScore {
    const types: Record<string, TypeScore> = {};
    let gold = 0;
    let predicted = 0;
    let correct = 0;
    for (const [type, c] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      types[type] = typeScore(c.gold, c.predicted, c.correct);
      gold += c.gold;
      predicted += c.predicted;
      correct += c.correct;
    }
    return { ...typeScore(gold, predicted, correct), types, tokens: this.tokens, sentences: this.sentences };
  }
}

function typeScore(gold: number, predicted: number, correct: number): TypeScore {
  return { ...prf(correct, predicted, gold), gold, predicted, correct };
}
