// Precision, recall and F1: one implementation for every evaluation (entities, actors, hedges, events,
// and the hedge model's training script).

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** From counts: `correct` of the `predicted` items, and of the `gold` ones. A measure with nothing to divide by is 0. */
export function prf(correct: number, predicted: number, gold: number): Prf {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Four decimals, as evaluations report scores that are compared across runs. */
export const round4 = (x: number): number => Math.round(x * 10000) / 10000;

/** Counts predicted and gold keys unit by unit (a sentence, a document); matches are a multiset intersection. */
export class PrfCounter {
  correct = 0;
  predicted = 0;
  gold = 0;

  add(predicted: readonly string[], gold: readonly string[]): void {
    this.predicted += predicted.length;
    this.gold += gold.length;
    const left = new Map<string, number>();
    for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
    for (const p of predicted) {
      const n = left.get(p) ?? 0;
      if (n > 0) {
        this.correct++;
        left.set(p, n - 1);
      }
    }
  }

  /** The scores, to four decimals. */
  result(): Prf {
    const { precision, recall, f1 } = prf(this.correct, this.predicted, this.gold);
    return { precision: round4(precision), recall: round4(recall), f1: round4(f1) };
  }
}
