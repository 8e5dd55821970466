import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerEvalActors(parent: Command): void {
  parent
    .command('actors <file>')
    .description('score document-level actor tagging (actors issue)')
    .option('--json', 'machine-readable output')
    .action(() => {
      throw new CliError('not implemented yet', 2);
    });
}
