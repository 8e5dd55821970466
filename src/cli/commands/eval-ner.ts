import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerEvalNer(parent: Command): void {
  parent
    .command('ner <file>')
    .description('score named entities on a CoNLL-style file (language-core issue)')
    .option('--json', 'machine-readable output')
    .action(() => {
      throw new CliError('not implemented yet', 2);
    });
}
