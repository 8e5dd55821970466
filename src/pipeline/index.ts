import { loadNlpComponents } from '../nlp/component.js';
import { loadActorComponents } from '../actors/component.js';
import { loadEventComponents } from '../events/component.js';
import { loadCredibilityComponent, provenanceComponent } from '../provenance/index.js';
import { Pipeline } from './pipeline.js';

export { Pipeline, emptyAnalysis } from './pipeline.js';
export type { Component } from './component.js';

let shared: Promise<Pipeline> | undefined;

/** The full pipeline, loaded once per process (models and dictionaries are read from disk here). */
export function loadPipeline(): Promise<Pipeline> {
  shared ??= (async () =>
    new Pipeline([
      ...(await loadNlpComponents()),
      ...(await loadActorComponents()),
      provenanceComponent,
      ...(await loadEventComponents()),
      loadCredibilityComponent(),
    ]))();
  return shared;
}
