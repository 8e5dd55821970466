import { FACTUAL_MODALITIES, type Modality } from '../model/index.js';

// What an event weighs in a series. An event counts only when the text presents it as having happened:
// hypothetical, negated, denied and future events never count. A counted event weighs its claim's
// certainty (alleged events come with a lower one) times the credibility of its information.

const COUNTED = new Set<string>(FACTUAL_MODALITIES);

export function counts(modality: Modality | string): boolean {
  return COUNTED.has(modality);
}

/**
 * Weight of Admiralty information credibility (1 confirmed … 5 improbable, 6 cannot be judged), from the grade
 * the credibility stage gives each claim; a claim without one (stored before grades were kept) weighs 1.
 */
const CREDIBILITY: Readonly<Record<string, number>> = { '1': 1, '2': 0.9, '3': 0.7, '4': 0.4, '5': 0.1, '6': 0.6 };

export function credibilityWeight(admiralty?: string | null): number {
  if (!admiralty) return 1;
  return CREDIBILITY[admiralty.slice(-1)] ?? 1;
}

/** The weight of one report of an event: its claim's certainty (0..1) times its credibility. */
export function eventWeight(certainty: number, admiralty?: string | null): number {
  const c = Number.isFinite(certainty) ? Math.min(1, Math.max(0, certainty)) : 0;
  return c * credibilityWeight(admiralty);
}
