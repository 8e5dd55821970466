import type { Command } from 'commander';
import { CliError } from '../errors.js';

export function registerBenchIngest(parent: Command): void {
  parent
    .command('ingest <jsonl>')
    .description('end-to-end ingest speed (ingestion issue)')
    .option('--json', 'machine-readable output')
    .action(() => {
      throw new CliError('not implemented yet', 2);
    });
}
