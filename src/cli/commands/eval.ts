import type { Command } from 'commander';
import { registerEvalNer } from './eval-ner.js';
import { registerEvalActorLanguages, registerEvalActors } from './eval-actors.js';
import { registerEvalEvents } from './eval-events.js';
import { registerEvalHedges } from './eval-hedges.js';
import { registerEvalStories } from './eval-stories.js';
import { registerEvalRelationships } from './eval-relationships.js';

export function registerEval(program: Command): void {
  const evalCommand = program
    .command('eval')
    .description('score Rift against a gold-standard file (see `rift eval <kind> --help`)');
  registerEvalNer(evalCommand);
  registerEvalActors(evalCommand);
  registerEvalActorLanguages(evalCommand);
  registerEvalEvents(evalCommand);
  registerEvalHedges(evalCommand);
  registerEvalStories(evalCommand);
  registerEvalRelationships(evalCommand);
}
