import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { CliError } from '../errors.js';
import { print, printJson } from '../output.js';
import { scoreStoriesFile } from '../../stories/evaluate.js';

export function registerEvalStories(parent: Command): void {
  parent
    .command('stories <file>')
    .description(
      'ingest a JSON Lines file of reports into a throwaway store and score its stories: B-cubed against a gold field ' +
        'of the records, and copies against their `syndication_group` (pairwise)',
    )
    .requiredOption('--gold <field>', 'the record field that names each record\'s true story (e.g. topic)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { gold: string; json?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`cannot read ${file}: not found`);
      let score;
      try {
        score = await scoreStoriesFile(file, opts.gold);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      if (opts.json) {
        printJson(score);
        return;
      }
      const b = score.bcubed;
      const d = score.duplicates;
      print(`stories, ${score.records} records, ${score.goldClusters} gold clusters (${score.goldField}), ${score.stories} stories, ${score.seconds}s`);
      print(`B-cubed     precision ${b.precision.toFixed(4)}  recall ${b.recall.toFixed(4)}  f1 ${b.f1.toFixed(4)}`);
      print(`duplicates  precision ${d.precision.toFixed(4)}  recall ${d.recall.toFixed(4)}  f1 ${d.f1.toFixed(4)}  (pairs: ${d.truePairs} found, ${d.falsePairs} wrong, ${d.missedPairs} missed)`);
      const l = score.largest;
      if (l) {
        print(`largest gold cluster "${l.gold}": ${l.records} records over ${l.storiesUsed} stories, ${(l.inOneStory * 100).toFixed(0)}% in one`);
        if (l.englishRecords) print(`  English: ${l.englishRecords} records, ${((l.englishInOneStory ?? 0) * 100).toFixed(0)}% in one story; other languages joining it: ${l.otherLanguagesJoined} of ${l.otherLanguageRecords}`);
      }
    });
}
