import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerActors(program: Command): void {
  program
    .command('actors <name>')
    .description('show an actor, its aliases and dated roles (actors issue)')
    .action(() => {
      throw new CliError('not implemented yet', 2);
    });
}
