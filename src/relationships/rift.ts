import type { RiftPoint, RiftSide } from '../model/index.js';
import type { DyadSums } from '../store/index.js';

// The rift: how much warmer a pair's public face is than its private one in a period (decision 1201).
// Each channel's weighted mean Goldstein is shrunk toward 0 (neutral) by a prior worth `priorStrength`
// fully weighted events, so that one report moves the score a little and many move it a lot; the score
// is the difference of the shrunk means, with a normal approximation of its uncertainty.

export interface RiftParameters {
  /** Weight of the neutral prior, in fully weighted events. */
  priorStrength: number;
  /** Spread of Goldstein scores the prior assumes (the scale runs −10…10). */
  priorSd: number;
  /** Coverage of the interval reported with each score. */
  level: number;
}

export const DEFAULT_RIFT: RiftParameters = { priorStrength: 2, priorSd: 5, level: 0.9 };

export interface SideEstimate extends RiftSide {
  /** Variance of the shrunk mean. */
  variance: number;
}

const round = (n: number, digits = 3) => {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

export function estimateSide(s: DyadSums, p: RiftParameters = DEFAULT_RIFT): SideEstimate {
  const w = Math.max(0, s.weightSum);
  const k = p.priorStrength;
  const mean = w > 1e-9 ? s.weightedSum / w : 0;
  const spreadObserved = w > 1e-9 ? Math.max(0, s.weightedSquares / w - mean * mean) : 0;
  // The channel's spread, itself pulled toward the prior's when there are few events.
  const variance = (w * spreadObserved + k * p.priorSd * p.priorSd) / (w + k);
  return { events: s.events, weight: w, mean, shrunk: s.weightedSum / (w + k), variance: variance / (w + k) };
}

/** Φ, the standard normal distribution function (Abramowitz & Stegun 7.1.26 for erf; error under 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** z for a two-sided interval of a coverage (0.9 → 1.645), by bisection on Φ. */
export function zFor(level: number): number {
  let [lo, hi] = [0, 10];
  const target = 1 - (1 - level) / 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The rift between a period's public and private sums. */
export function riftOf(period: string, publicSums: DyadSums, privateSums: DyadSums, p: RiftParameters = DEFAULT_RIFT): RiftPoint {
  const pub = estimateSide(publicSums, p);
  const priv = estimateSide(privateSums, p);
  const score = pub.shrunk - priv.shrunk;
  const sd = Math.sqrt(pub.variance + priv.variance);
  const z = zFor(p.level);
  const side = (s: SideEstimate): RiftSide => ({ events: round(s.events), weight: round(s.weight), mean: round(s.mean, 2), shrunk: round(s.shrunk, 2) });
  return {
    period,
    score: round(score, 2),
    low: round(score - z * sd, 2),
    high: round(score + z * sd, 2),
    probability: round(normalCdf(score / sd), 3),
    public: side(pub),
    private: side(priv),
  };
}

/** When a rift is an alert: far enough apart, clear of zero at the interval's level, with enough evidence on both sides. */
export interface AlertRule {
  /** Smallest |score|, in Goldstein points. */
  minScore: number;
  /** Smallest number of distinct events on each side. */
  minEvents: number;
  /** Smallest sum of weights on each side. */
  minWeight: number;
  /**
   * Fewest documents each side's events come from: one article misread can move a score, so an alert needs each
   * side reported more than once (checked on the events, when the score crosses).
   */
  minDocuments: number;
}

export const DEFAULT_ALERT_RULE: AlertRule = { minScore: 4, minEvents: 2, minWeight: 1, minDocuments: 2 };

export function crosses(r: RiftPoint, rule: AlertRule = DEFAULT_ALERT_RULE): boolean {
  const enough = (s: RiftSide) => s.events >= rule.minEvents - 1e-9 && s.weight >= rule.minWeight - 1e-9;
  return Math.abs(r.score) >= rule.minScore && (r.low > 0 || r.high < 0) && enough(r.public) && enough(r.private);
}
