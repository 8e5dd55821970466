import type { Analysis } from '../../src/model/index.js';
import { processResources } from '../../src/app/pipeline.js';
import { STAGES } from '../../src/app/stages.js';
import { DocumentRun } from '../../src/pipeline/document-run.js';
import type { DocumentStage } from '../../src/pipeline/stage.js';

/** Registered document stages by name, loaded as the default pipeline loads them. */
export async function loadStage(name: string): Promise<DocumentStage> {
  const [stage] = await STAGES.loadDocumentStages(processResources, [name]);
  return stage!;
}

/** Runs stages in the order given over an analysis a test filled itself, as one document's run. */
export function runStages(analysis: Analysis, stages: readonly DocumentStage[], run = new DocumentRun()): Analysis {
  for (const stage of stages) stage.run(analysis, run);
  return analysis;
}
