import type { Command } from 'commander';
import { registerBenchNlp } from './bench-nlp.js';
import { registerBenchIngest } from './bench-ingest.js';
import { registerBenchPairs } from './bench-pairs.js';
import { registerBenchDyads } from './bench-dyads.js';

export function registerBench(program: Command): void {
  const bench = program.command('bench').description('measure speed and memory (see `rift bench <kind> --help`)');
  registerBenchNlp(bench);
  registerBenchIngest(bench);
  registerBenchPairs(bench);
  registerBenchDyads(bench);
}
