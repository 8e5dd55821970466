import { Pipeline } from '../pipeline/pipeline.js';
import { Resources } from '../pipeline/resources.js';
import { STAGES } from './stages.js';
import type { CorpusStage } from '../pipeline/stage.js';

/**
 * The models and tables this process has loaded, shared by every pipeline and evaluation it builds, so
 * that each is read from disk once.
 */
export const processResources = new Resources();

let loaded: Promise<Pipeline> | undefined;

/** The default pipeline (every registered document stage), loaded once per process. */
export function loadPipeline(): Promise<Pipeline> {
  loaded ??= STAGES.loadPipeline(processResources);
  return loaded;
}

/** Some of the document stages, in registry order, loaded from this process's resources (evaluations, benchmarks, tests). */
export function loadStages(names: readonly string[]): Promise<Pipeline> {
  return STAGES.loadPipeline(processResources, names);
}

let corpus: Promise<CorpusStage[]> | undefined;

/** The corpus stages (stories, relationships), loaded once per process, in registry order. */
export function loadCorpusStages(): Promise<CorpusStage[]> {
  corpus ??= STAGES.loadCorpusStages(processResources);
  return corpus;
}
