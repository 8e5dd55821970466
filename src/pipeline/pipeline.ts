import type { Analysis, Document } from '../model/index.js';
import { DocumentRun } from './document-run.js';
import type { DocumentStage, DocumentStageDefinition, Layer } from './stage.js';

export function emptyAnalysis(document: Document): Analysis {
  return {
    document,
    stages: [],
    versions: {},
    tokens: { count: 0, starts: new Uint32Array(0), ends: new Uint32Array(0) },
    sentences: [],
    mentions: [],
    quantities: [],
    times: [],
    resolutions: [],
    actors: [],
    events: [],
    claims: [],
    provenance: [],
  };
}

type Declared = Pick<DocumentStageDefinition, 'name' | 'languages' | 'requires' | 'uses' | 'adds'>;

/** Whether `earlier` runs on every document `later` runs on (the languages it is built for include later's). */
function runsWhenever(earlier: Declared, later: Declared): boolean {
  if (!earlier.languages) return true;
  return later.languages !== undefined && later.languages.every((l) => earlier.languages!.includes(l));
}

/**
 * Throws unless every stage's requirements are added by an earlier stage that runs on the same documents,
 * and nothing a stage reads (required or used) is added or revised by a later one. Names are unique.
 */
export function checkStageOrder(stages: readonly Declared[]): void {
  const names = new Set<string>();
  stages.forEach((stage, i) => {
    if (names.has(stage.name)) throw new Error(`pipeline: two stages are named "${stage.name}"`);
    names.add(stage.name);
    for (const layer of stage.requires) {
      const by = stages.slice(0, i).find((s) => s.adds.includes(layer) && runsWhenever(s, stage));
      if (!by) {
        const elsewhere = stages.find((s) => s !== stage && s.adds.includes(layer));
        const why = !elsewhere ? 'no stage adds it' : stages.indexOf(elsewhere) > i ? `"${elsewhere.name}" adds it later` : `"${elsewhere.name}" adds it only for ${elsewhere.languages!.join(', ')}`;
        throw new Error(`pipeline: stage "${stage.name}" requires the ${layer} layer, and ${why}`);
      }
    }
    for (const layer of [...stage.requires, ...(stage.uses ?? [])] as Layer[]) {
      const later = stages.slice(i + 1).find((s) => s.adds.includes(layer));
      if (later) throw new Error(`pipeline: stage "${stage.name}" reads the ${layer} layer, which the later stage "${later.name}" adds: run "${later.name}" first`);
    }
  });
}

/** Document stages in order, checked at construction; each document gets the ones built for its language. */
export class Pipeline {
  constructor(readonly stages: readonly DocumentStage[]) {
    checkStageOrder(stages);
  }

  get names(): string[] {
    return this.stages.map((s) => s.name);
  }

  /** Stages that run on a document in this language (all of them when the language is unknown). */
  stagesFor(language: string | undefined): DocumentStage[] {
    const base = language?.toLowerCase().split(/[-_]/)[0];
    return this.stages.filter((s) => !base || !s.languages || s.languages.includes(base));
  }

  /**
   * The stages a document in this language does not get, because they are built for other languages, and
   * that no stage it gets stands for (values-ru for values); other languages' variants are never missed.
   */
  skippedFor(language: string | undefined): DocumentStage[] {
    const running = new Set(this.stagesFor(language));
    const covered = new Set<string>();
    for (const s of running) for (const name of s.standsFor ?? []) covered.add(name);
    return this.stages.filter((s) => !running.has(s) && !s.standsFor && !covered.has(s.name));
  }

  /** The versions of the stages a document in this language gets: what its analysis records. */
  versionsFor(language: string | undefined): Record<string, string> {
    const versions: Record<string, string> = {};
    for (const s of this.stagesFor(language)) versions[s.name] = s.version;
    return versions;
  }

  analyze(document: Document): Analysis {
    const analysis = emptyAnalysis(document);
    const run = new DocumentRun();
    for (const stage of this.stagesFor(document.language)) {
      stage.run(analysis, run);
      analysis.stages.push(stage.name);
      analysis.versions[stage.name] = stage.version;
    }
    return analysis;
  }
}
