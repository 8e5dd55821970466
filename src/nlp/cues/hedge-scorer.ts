// The hedge model's score without building feature strings: the weights regrouped at load time by
// what each feature reads (the candidate, one context word), so a score is a few small-map lookups.
// The sum adds the same weights in the same order as summing over hedgeFeatures, so it is the same number.

import { candidateWord, contextWords, startsCapitalized, stem, type ContextWords } from './hedge-features.js';

/** The weights of one candidate's own features, and of its pairs with one context word. */
interface CandidateWeights {
  /** ((0 + b) + w=…) + s=…: the first three terms of the sum. */
  own: number;
  capitalized: number;
  lowerCase: number;
  withNext: Map<string, number>; // w+n1
  withPrevious: Map<string, number>; // p1+w
  stemWithNext: Map<string, number>; // s+n1
  stemWithPrevious: Map<string, number>; // p1+s
}

export class HedgeScorer {
  private readonly byCandidate = new Map<string, CandidateWeights>();
  private readonly previous: Map<string, number>; // p1=
  private readonly next: Map<string, number>; // n1=
  private readonly secondPrevious: Map<string, number>; // p2=
  private readonly secondNext: Map<string, number>; // n2=
  private readonly context: ContextWords = { p1: '', p2: '', n1: '', n2: '' };

  constructor(candidates: readonly string[], private readonly weights: ReadonlyMap<string, number>) {
    // One pass over the weights, each feature filed by its parts. Candidates and stems hold no '|', so the first
    // '|' ends them where they come first, and the last '|' starts them where they come second.
    const single = new Map<string, Map<string, number>>();
    const pairs = new Map<string, Map<string, Map<string, number>>>();
    for (const [feature, weight] of weights) {
      const eq = feature.indexOf('=');
      if (eq < 0) continue;
      const kind = feature.slice(0, eq);
      const value = feature.slice(eq + 1);
      if (kind === 'p1' || kind === 'n1' || kind === 'p2' || kind === 'n2') {
        fileUnder(single, kind).set(value, weight);
      } else if (kind === 'w+n1' || kind === 's+n1') {
        const bar = value.indexOf('|');
        if (bar >= 0) fileUnder(fileUnder(pairs, kind), value.slice(0, bar)).set(value.slice(bar + 1), weight);
      } else if (kind === 'p1+w' || kind === 'p1+s') {
        const bar = value.lastIndexOf('|');
        if (bar >= 0) fileUnder(fileUnder(pairs, kind), value.slice(bar + 1)).set(value.slice(0, bar), weight);
      }
    }
    this.previous = single.get('p1') ?? new Map();
    this.next = single.get('n1') ?? new Map();
    this.secondPrevious = single.get('p2') ?? new Map();
    this.secondNext = single.get('n2') ?? new Map();
    const pairsOf = (kind: string, key: string): Map<string, number> => pairs.get(kind)?.get(key) ?? new Map();
    for (const w of candidates) {
      const s = stem(w);
      let own = 0;
      own += weights.get('b') ?? 0;
      own += weights.get(`w=${w}`) ?? 0;
      own += weights.get(`s=${s}`) ?? 0;
      this.byCandidate.set(w, {
        own,
        capitalized: weights.get(`cap=1|${s}`) ?? 0,
        lowerCase: weights.get(`cap=0|${s}`) ?? 0,
        withNext: pairsOf('w+n1', w),
        withPrevious: pairsOf('p1+w', w),
        stemWithNext: pairsOf('s+n1', s),
        stemWithPrevious: pairsOf('p1+s', s),
      });
    }
  }

  /** The model's score of the candidate text[start, end); undefined when it is not one of the model's candidates. */
  score(text: string, start: number, end: number, lo: number, hi: number): number | undefined {
    const c = this.byCandidate.get(candidateWord(text, start, end));
    if (!c) return undefined;
    const { p1, p2, n1, n2 } = contextWords(text, start, end, lo, hi, this.context);
    let sum = c.own;
    sum += this.previous.get(p1) ?? 0;
    sum += this.next.get(n1) ?? 0;
    sum += this.secondPrevious.get(p2) ?? 0;
    sum += this.secondNext.get(n2) ?? 0;
    sum += c.withNext.get(n1) ?? 0;
    sum += c.withPrevious.get(p1) ?? 0;
    sum += c.stemWithNext.get(n1) ?? 0;
    sum += c.stemWithPrevious.get(p1) ?? 0;
    sum += this.weights.get(`n1+n2=${n1}|${n2}`) ?? 0;
    sum += startsCapitalized(text, start) ? c.capitalized : c.lowerCase;
    return sum;
  }
}

function fileUnder<T>(maps: Map<string, Map<string, T>>, key: string): Map<string, T> {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map()));
  return map;
}
