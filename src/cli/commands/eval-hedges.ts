import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerEvalHedges(parent: Command): void {
  parent
    .command('hedges <file>')
    .description('score hedge cues (events issue)')
    .option('--json', 'machine-readable output')
    .action(() => {
      throw new CliError('not implemented yet', 2);
    });
}
