export { Pipeline, emptyAnalysis, checkStageOrder } from './pipeline.js';
export { DocumentRun, ScratchKey } from './document-run.js';
export { Resources, type Resource } from './resources.js';
export { StageRegistry } from './registry.js';
export { stageVersion } from './version.js';
export { ENGLISH } from './stage.js';
export type * from './stage.js';
