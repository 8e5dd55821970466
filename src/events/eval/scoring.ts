export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export class PrfCounter {
  tp = 0;
  predicted = 0;
  gold = 0;

  /** Counts one unit (a sentence): matches are a multiset intersection of the keys. */
  add(predicted: readonly string[], gold: readonly string[]): void {
    this.predicted += predicted.length;
    this.gold += gold.length;
    const left = new Map<string, number>();
    for (const g of gold) left.set(g, (left.get(g) ?? 0) + 1);
    for (const p of predicted) {
      const n = left.get(p) ?? 0;
      if (n > 0) {
        this.tp++;
        left.set(p, n - 1);
      }
    }
  }

  result(): Prf {
    const precision = this.predicted ? this.tp / this.predicted : 0;
    const recall = this.gold ? this.tp / this.gold : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { precision: round(precision), recall: round(recall), f1: round(f1) };
  }
}

export const round = (x: number): number => Math.round(x * 10000) / 10000;
