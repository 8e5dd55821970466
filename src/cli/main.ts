import { Command, CommanderError } from 'commander';
import { registerIngest } from './commands/ingest.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerReanalyze } from './commands/reanalyze.js';
import { registerSearch } from './commands/search.js';
import { registerShow } from './commands/show.js';
import { registerBrief } from './commands/brief.js';
import { registerServe } from './commands/serve.js';
import { registerDemo } from './commands/demo.js';
import { registerActors } from './commands/actors.js';
import { registerStories } from './commands/stories.js';
import { registerWatch } from './commands/watch.js';
import { registerEval } from './commands/eval.js';
import { registerBench } from './commands/bench.js';
import { registerDyad, registerAlerts, registerRelationships } from './commands/relationships.js';
import { CliError } from './errors.js';
import { SearchQueryError, StoreError } from '../store/index.js';

export function buildProgram(): Command {
  const program = new Command('rift')
    .description('Rift: a sourced, dated, queryable record of geopolitical reporting')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  for (const register of [
    registerIngest,
    registerAnalyze,
    registerReanalyze,
    registerSearch,
    registerShow,
    registerBrief,
    registerActors,
    registerStories,
    registerDyad,
    registerAlerts,
    registerRelationships,
    registerServe,
    registerDemo,
    registerWatch,
    registerEval,
    registerBench,
  ]) {
    register(program);
  }
  return program;
}

/** Runs the CLI; resolves to the process exit code. */
export async function run(argv: string[]): Promise<number> {
  // `rift search FSB | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit with 0; usage errors were already printed.
      return err.exitCode;
    }
    if (err instanceof CliError) {
      process.stderr.write(`rift: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof StoreError) {
      process.stderr.write(`rift: ${err instanceof SearchQueryError ? 'cannot search: ' : ''}${err.message}\n`);
      return 1;
    }
    process.stderr.write(`rift: ${(err as Error).stack ?? String(err)}\n`);
    return 1;
  }
}
