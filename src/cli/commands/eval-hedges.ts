import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { CliError } from '../errors.js';
import { print, printJson } from '../output.js';
import { scoreHedgeFile } from '../../nlp/cues/hedge-eval.js';
import { HedgeDetector } from '../../nlp/cues/hedges.js';
import { readHedgeModel } from '../../nlp/cues/hedge-model.js';

export function registerEvalHedges(parent: Command): void {
  parent
    .command('hedges <file>')
    .description('score hedge cues on a Szeged-style JSON Lines file ({text, cues:[{start,end}]} per line); a cue counts only on an exact span match')
    .option('--model <path>', 'a hedge model other than models/hedges.json')
    .option('--json', 'machine-readable output')
    .action((file: string, opts: { model?: string; json?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`cannot read ${file}: not found`);
      let detector: HedgeDetector;
      try {
        detector = new HedgeDetector(readHedgeModel(opts.model));
      } catch (err) {
        throw new CliError(`cannot load the hedge model: ${(err as Error).message} (run \`npm run train -- hedges\`)`);
      }
      let score;
      try {
        score = scoreHedgeFile(file, detector);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      if (opts.json) {
        printJson(score);
        return;
      }
      print(`hedge cues, ${score.sentences} sentences, ${score.goldCues} gold cues, ${score.predictedCues} predicted`);
      print(`precision ${score.precision.toFixed(4)}  recall ${score.recall.toFixed(4)}  f1 ${score.f1.toFixed(4)}`);
      print(`tp ${score.truePositives}  fp ${score.falsePositives}  fn ${score.falseNegatives}`);
      print(`matching: ${score.matching}`);
    });
}
