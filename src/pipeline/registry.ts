import { checkStageOrder, Pipeline } from './pipeline.js';
import type { Resources } from './resources.js';
import type { CorpusStage, CorpusStageDefinition, DocumentStage, DocumentStageDefinition, StageDefinition } from './stage.js';
import { stageVersion } from './version.js';

/**
 * Every stage there is, document stages in the order they run and corpus stages after them, with their
 * versions. What it declares is checked when it is made; versions are worked out without loading a model
 * (a hash of files), so an up-to-date store is recognised as such cheaply.
 */
export class StageRegistry {
  private readonly versions = new Map<string, string>();

  constructor(
    readonly documentStages: readonly DocumentStageDefinition[],
    readonly corpusStages: readonly CorpusStageDefinition[] = [],
  ) {
    checkStageOrder(documentStages);
    for (const stage of corpusStages) {
      if (this.get(stage.name) !== stage) throw new Error(`stage registry: two stages are named "${stage.name}"`);
      for (const layer of stage.requires) {
        if (!documentStages.some((d) => d.adds.includes(layer))) {
          throw new Error(`stage registry: corpus stage "${stage.name}" requires the ${layer} layer, which no document stage adds`);
        }
      }
    }
  }

  get names(): string[] {
    return [...this.documentStages, ...this.corpusStages].map((s) => s.name);
  }

  get(name: string): StageDefinition | undefined {
    return this.documentStages.find((s) => s.name === name) ?? this.corpusStages.find((s) => s.name === name);
  }

  /** A stage's version (its files are hashed once per registry). */
  version(name: string): string {
    let version = this.versions.get(name);
    if (version === undefined) {
      const stage = this.get(name);
      if (!stage) throw new Error(`no stage named "${name}" (stages: ${this.names.join(', ')})`);
      this.versions.set(name, (version = stageVersion(stage)));
    }
    return version;
  }

  /** The versions of the document stages a document in this language gets, as its analysis records them. */
  versionsFor(language: string | undefined): Record<string, string> {
    const base = language?.toLowerCase().split(/[-_]/)[0];
    const versions: Record<string, string> = {};
    for (const s of this.documentStages) if (!base || !s.languages || s.languages.includes(base)) versions[s.name] = this.version(s.name);
    return versions;
  }

  /** The document stages, loaded from the given resources (all of them, or those named, in registry order). */
  async loadDocumentStages(resources: Resources, names?: readonly string[]): Promise<DocumentStage[]> {
    for (const name of names ?? []) if (!this.documentStages.some((s) => s.name === name)) throw new Error(`no document stage named "${name}"`);
    const stages: DocumentStage[] = [];
    for (const definition of this.documentStages) {
      if (names && !names.includes(definition.name)) continue;
      const { load, ...declared } = definition;
      stages.push({ ...declared, version: this.version(definition.name), run: await load(resources) });
    }
    return stages;
  }

  /** A pipeline of the document stages (all, or those named: the order is checked again for the subset). */
  async loadPipeline(resources: Resources, names?: readonly string[]): Promise<Pipeline> {
    return new Pipeline(await this.loadDocumentStages(resources, names));
  }

  async loadCorpusStages(resources: Resources): Promise<CorpusStage[]> {
    const stages: CorpusStage[] = [];
    for (const definition of this.corpusStages) {
      const { load, ...declared } = definition;
      stages.push({ ...declared, version: this.version(definition.name), update: await load(resources) });
    }
    return stages;
  }
}
