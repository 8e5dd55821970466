import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerEvalEvents(parent: Command): void {
  parent
    .command('events <file>')
    .description('score the event coder on PETRARCH or PLOVER gold (events issue)')
    .option('--json', 'machine-readable output')
    .action(() => {
      throw new CliError('not implemented yet', 2);
    });
}
