import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerBenchNlp(parent: Command): void {
  parent
    .command('nlp <jsonl>')
    .description('language-core speed (language-core issue)')
    .option('--json', 'machine-readable output')
    .action(() => {
      throw new CliError('not implemented yet', 2);
    });
}
