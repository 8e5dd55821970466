// Certainty that the event happened (or, for a future event, will happen) as the text presents
// it: a base from the modality, moved by the certainty words near the event, then named with
// the ICD 203 expression of likelihood whose range holds it.

import type { Channel, IcdWord, Modality } from '../../model/index.js';

/** ICD 203 ranges: almost no chance 1–5%, very unlikely 5–20%, unlikely 20–45%, roughly even chance 45–55%, likely 55–80%, very likely 80–95%, almost certain 95–99%. */
export function icdWord(p: number): IcdWord {
  if (p < 0.05) return 'almost no chance';
  if (p < 0.2) return 'very unlikely';
  if (p < 0.45) return 'unlikely';
  if (p <= 0.55) return 'roughly even chance';
  if (p < 0.8) return 'likely';
  if (p < 0.95) return 'very likely';
  return 'almost certain';
}

export const MODALITY_BASE: Readonly<Record<Modality, number>> = {
  asserted: 0.9,
  historical: 0.9,
  reported: 0.75,
  alleged: 0.6,
  future: 0.6,
  hypothetical: 0.35,
  denied: 0.25,
  negated: 0.03,
};

/** How one certainty word moves the estimate: a cap, a floor, or a shift. */
interface Effect {
  cap?: number;
  floor?: number;
  shift?: number;
}

const EFFECTS: ReadonlyMap<string, Effect> = new Map<string, Effect>([
  ['almost certainly', { floor: 0.95 }],
  ['confirmed', { shift: 0.1 }], ['confirms', { shift: 0.1 }], ['verified', { shift: 0.1 }],
  ['authenticated', { shift: 0.1 }], ['proved', { shift: 0.1 }], ['proven', { shift: 0.1 }], ['established', { shift: 0.05 }],
  ['acknowledged', { shift: 0.05 }], ['acknowledges', { shift: 0.05 }], ['admitted', { shift: 0.1 }], ['admits', { shift: 0.1 }],
  ['clearly', { shift: 0.05 }], ['definitely', { shift: 0.08 }], ['undoubtedly', { shift: 0.08 }], ['certainly', { shift: 0.08 }],
  ['indisputably', { shift: 0.08 }], ['beyond doubt', { floor: 0.95 }],
  ['allegedly', { shift: -0.1 }], ['purportedly', { shift: -0.1 }], ['supposedly', { shift: -0.1 }],
  ['reportedly', { shift: -0.05 }], ['unconfirmed', { shift: -0.15 }], ['rumored', { shift: -0.15 }], ['rumoured', { shift: -0.15 }],
  ['speculated', { shift: -0.15 }],
  ['probably', { cap: 0.75 }], ['likely', { cap: 0.75 }], ['apparently', { cap: 0.7 }], ['seemingly', { cap: 0.7 }],
  ['presumably', { cap: 0.7 }], ['appears to', { cap: 0.65 }], ['appeared to', { cap: 0.65 }], ['seems to', { cap: 0.65 }], ['seemed to', { cap: 0.65 }],
  ['possibly', { cap: 0.45 }], ['perhaps', { cap: 0.45 }], ['potentially', { cap: 0.45 }], ['it is possible', { cap: 0.45 }],
  ['unlikely', { cap: 0.25 }],
]);

/** Each hedge cue the trained detector finds that the table does not know. */
const UNKNOWN_HEDGE_SHIFT = -0.05;
const MAX_UNKNOWN_HEDGE_SHIFT = -0.15;

const CHANNEL_SHIFT: Partial<Record<Channel, number>> = { 'anonymous-source': -0.1 };

export interface CertaintyInput {
  modality: Modality;
  channel: Channel;
  /** Certainty words near the event, lower-cased with single spaces. */
  words: readonly string[];
  /** How many detected hedge cues near the event are not among `words`' known effects. */
  unknownHedges: number;
}

export function certaintyOf(input: CertaintyInput): { certainty: number; icd: IcdWord } {
  let p = MODALITY_BASE[input.modality];
  let cap = 1;
  let floor = 0;
  for (const w of input.words) {
    const e = EFFECTS.get(w);
    if (!e) continue;
    if (e.shift) p += e.shift;
    if (e.cap !== undefined) cap = Math.min(cap, e.cap);
    if (e.floor !== undefined) floor = Math.max(floor, e.floor);
  }
  p += Math.max(MAX_UNKNOWN_HEDGE_SHIFT, input.unknownHedges * UNKNOWN_HEDGE_SHIFT);
  p += CHANNEL_SHIFT[input.channel] ?? 0;
  // Negated and denied events stay improbable whatever else is said about them.
  if (input.modality === 'negated' || input.modality === 'denied') cap = Math.min(cap, MODALITY_BASE[input.modality]);
  p = Math.min(p, cap);
  if (input.modality !== 'negated' && input.modality !== 'denied') p = Math.max(p, floor);
  p = Math.round(Math.min(0.99, Math.max(0.01, p)) * 100) / 100;
  return { certainty: p, icd: icdWord(p) };
}

export function knowsCertaintyWord(word: string): boolean {
  return EFFECTS.has(word);
}


