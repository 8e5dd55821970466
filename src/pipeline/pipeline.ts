import type { Analysis, Document } from '../model/index.js';
import type { Component } from './component.js';

export function emptyAnalysis(document: Document): Analysis {
  return {
    document,
    stages: [],
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

export class Pipeline {
  constructor(readonly components: readonly Component[]) {}

  get names(): string[] {
    return this.components.map((c) => c.name);
  }

  /** Stages that run on a document in this language (all of them when the language is unknown). */
  componentsFor(language: string | undefined): Component[] {
    const base = language?.toLowerCase().split(/[-_]/)[0];
    return this.components.filter((c) => !base || !c.languages || c.languages.includes(base));
  }

  /** The stages a document in this language does not get, because they are built for other languages. */
  skippedFor(language: string | undefined): Component[] {
    const running = new Set(this.componentsFor(language));
    return this.components.filter((c) => !running.has(c));
  }

  analyze(document: Document): Analysis {
    const analysis = emptyAnalysis(document);
    for (const component of this.componentsFor(document.language)) {
      component.run(analysis);
      analysis.stages.push(component.name);
    }
    return analysis;
  }
}
