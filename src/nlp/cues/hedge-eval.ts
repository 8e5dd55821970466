import { readFileSync } from 'node:fs';
import type { Span } from '../../model/index.js';
import type { HedgeDetector } from './hedges.js';
import { prf } from '../../eval/prf.js';

/** One line of the Szeged uncertainty files: a sentence and its cues as character offsets. */
interface GoldSentence {
  text: string;
  cues: { start: number; end: number }[];
}

export interface HedgeScore {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  sentences: number;
  goldCues: number;
  predictedCues: number;
  matching: string;
}

export const CUE_MATCHING =
  'exact span: a predicted cue counts only when its start and end offsets equal a gold cue\'s (multi-word cues included); each gold cue matches at most once';

/** Scores cue detection sentence by sentence against a Szeged-style JSON Lines file. */
export function scoreHedgeFile(path: string, detector: HedgeDetector): HedgeScore {
  let tp = 0, fp = 0, fn = 0, sentences = 0, gold = 0, predicted = 0;
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (!line) continue;
    let row: GoldSentence;
    try {
      row = JSON.parse(line) as GoldSentence;
    } catch {
      throw new Error(`${path}:${n + 1}: not JSON`);
    }
    if (typeof row.text !== 'string' || !Array.isArray(row.cues)) throw new Error(`${path}:${n + 1}: expected {text, cues[]}`);
    sentences++;
    const found: Span[] = detector.detect(row.text);
    const goldKeys = new Set(row.cues.map((c) => c.start * 1048576 + c.end));
    gold += goldKeys.size;
    predicted += found.length;
    let hit = 0;
    for (const f of found) if (goldKeys.delete(f.start * 1048576 + f.end)) hit++;
    tp += hit;
    fp += found.length - hit;
    fn += goldKeys.size;
  }
  return {
    ...prf(tp, tp + fp, tp + fn),
    truePositives: tp, falsePositives: fp, falseNegatives: fn,
    sentences, goldCues: gold, predictedCues: predicted, matching: CUE_MATCHING,
  };
}
