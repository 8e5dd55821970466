import type { Span } from '../../model/index.js';
import { hedgeFeatures } from './hedge-features.js';
import { defaultHedgeModel, type HedgeModel } from './hedge-model.js';

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation over every candidate, longest first, so a phrase wins over its first word. */
export function candidatePattern(candidates: readonly string[]): RegExp {
  const sorted = [...candidates].sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
  const body = sorted.map((c) => escapeRegex(c).replace(/ /g, '\\s+')).join('|');
  return new RegExp(`\\b(?:${body})\\b`, 'gi');
}

/** A compiled model: the candidate regex built once, scoring by summed weights. */
export class HedgeDetector {
  private readonly pattern: RegExp;
  private readonly weights: Map<string, number>;
  private readonly features: string[] = [];

  constructor(readonly model: HedgeModel) {
    this.pattern = candidatePattern(model.candidates);
    this.weights = new Map(Object.entries(model.weights));
  }

  score(text: string, start: number, end: number, lo: number, hi: number): number {
    const feats = hedgeFeatures(text, start, end, lo, hi, this.features);
    let sum = 0;
    for (let i = 0; i < feats.length; i++) sum += this.weights.get(feats[i]) ?? 0;
    return sum;
  }

  /**
   * Hedge cues in `text`, in order, as exact character spans of the cue word or phrase.
   * With `sentences` (sorted, non-overlapping), only text inside them is searched and context
   * does not cross their bounds.
   */
  detect(text: string, sentences?: readonly Span[]): Span[] {
    const found: Span[] = [];
    if (!sentences) this.scan(text, 0, text.length, found);
    else for (const s of sentences) this.scan(text, s.start, s.end, found);
    return found;
  }

  private scan(text: string, lo: number, hi: number, found: Span[]): void {
    const re = this.pattern;
    re.lastIndex = lo;
    for (let m = re.exec(text); m !== null && m.index < hi; m = re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (end > hi) break;
      if (this.score(text, start, end, lo, hi) > this.model.threshold) found.push({ start, end });
    }
  }
}

let shared: HedgeDetector | undefined;

/** The detector over the shipped model (models/hedges.json), built on first use. */
export function defaultHedgeDetector(): HedgeDetector {
  shared ??= new HedgeDetector(defaultHedgeModel());
  return shared;
}

/** Hedge cues (may, could, likely, believed, whether, if …) in raw text, with the shipped model. */
export function detectHedges(text: string, sentences?: readonly Span[]): Span[] {
  return defaultHedgeDetector().detect(text, sentences);
}
