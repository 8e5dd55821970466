import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A trained hedge-cue model (models/hedges.json, built by scripts/train/40-hedges.js):
 * the word forms and phrases worth looking at, and averaged-perceptron weights over the
 * features of hedge-features.ts. A candidate is a cue when its score exceeds `threshold`.
 */
export interface HedgeModel {
  version: number;
  /** Lower-case single words and multi-word phrases that may be cues. */
  candidates: string[];
  weights: Record<string, number>;
  threshold: number;
  /** Where it came from and how it scored on held-out training data. */
  meta: Record<string, unknown>;
}

/** models/hedges.json in the checkout (this file compiles to dist/src/nlp/cues/). */
export const DEFAULT_HEDGE_MODEL_PATH = fileURLToPath(new URL('../../../../models/hedges.json', import.meta.url));

export function readHedgeModel(path = DEFAULT_HEDGE_MODEL_PATH): HedgeModel {
  const model = JSON.parse(readFileSync(path, 'utf8')) as HedgeModel;
  if (!Array.isArray(model.candidates) || typeof model.weights !== 'object') {
    throw new Error(`${path}: not a hedge model`);
  }
  return model;
}

/** The shipped model. */
export function defaultHedgeModel(): HedgeModel {
  return readHedgeModel();
}
