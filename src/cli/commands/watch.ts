import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerWatch(program: Command): void {
  program
    .command('watch <feed-url...>')
    .description('poll feeds and ingest new items (ingestion issue)')
    .action(() => {
      throw new CliError('not implemented yet', 2);
    });
}
