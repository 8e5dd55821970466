import type { Analysis, Document } from '../model/index.js';
import type { Component } from './component.js';

export function emptyAnalysis(document: Document): Analysis {
  return {
    document,
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

  analyze(document: Document): Analysis {
    const analysis = emptyAnalysis(document);
    for (const component of this.components) component.run(analysis);
    return analysis;
  }
}
