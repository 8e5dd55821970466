import type { Span } from '../../model/index.js';
import { hedgeFeatures } from './hedge-features.js';
import { defaultHedgeModel, type HedgeModel } from './hedge-model.js';
import { HedgeScorer } from './hedge-scorer.js';
import type { Resource } from '../../pipeline/resources.js';

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
  private readonly scorer: HedgeScorer;

  constructor(readonly model: HedgeModel) {
    this.pattern = candidatePattern(model.candidates);
    this.weights = new Map(Object.entries(model.weights));
    this.scorer = new HedgeScorer(model.candidates, this.weights);
  }

  score(text: string, start: number, end: number, lo: number, hi: number): number {
    return this.scorer.score(text, start, end, lo, hi) ?? this.scoreFeatures(text, start, end, lo, hi);
  }

  /** The score as the sum over hedgeFeatures' strings: for text that is none of the candidates. */
  private scoreFeatures(text: string, start: number, end: number, lo: number, hi: number): number {
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
    const ahead: Lookahead = { from: 0, index: -1, end: -1 };
    if (!sentences) this.scan(text, 0, text.length, found, ahead);
    else for (const s of sentences) this.scan(text, s.start, s.end, found, ahead);
    return found;
  }

  private foundEnd = 0;

  /** Start of the first candidate at or after `from` (its end in `foundEnd`), or -1. */
  private find(text: string, from: number): number {
    const re = this.pattern;
    re.lastIndex = from;
    const m = re.exec(text);
    if (m === null) return -1;
    this.foundEnd = m.index + m[0].length;
    return m.index;
  }

  /**
   * `ahead` carries the match a scan ran into past its range: a match depends only on where it starts, and none
   * starts between that search's start and it, so a later scan starting in between would find it again.
   */
  private scan(text: string, lo: number, hi: number, found: Span[], ahead: Lookahead): void {
    let start: number, end: number;
    let from = lo;
    if (ahead.from <= lo && ahead.index >= lo) {
      from = ahead.from;
      start = ahead.index;
      end = ahead.end;
    } else {
      start = this.find(text, lo);
      if (start < 0) start = end = text.length + 1;
      else end = this.foundEnd;
    }
    while (start < hi) {
      if (end > hi) break;
      if (this.score(text, start, end, lo, hi) > this.model.threshold) found.push({ start, end });
      from = end;
      start = this.find(text, from);
      if (start < 0) {
        start = end = text.length + 1;
        break;
      }
      end = this.foundEnd;
    }
    ahead.from = from;
    ahead.index = start;
    ahead.end = end;
  }
}

/** The first match at or after `from`: at [index, end), or index past the text when there is none. */
interface Lookahead {
  from: number;
  index: number;
  end: number;
}

/** The detector over the shipped model (models/hedges.json), for the modality and claims stages. */
export const HEDGE_DETECTOR: Resource<HedgeDetector> = { name: 'hedge-detector', load: () => new HedgeDetector(defaultHedgeModel()) };
