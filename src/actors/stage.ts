import type { DocumentStageDefinition } from '../pipeline/stage.js';
import type { Resource } from '../pipeline/resources.js';
import { ACTOR_DICTIONARY_FILES, loadDictionary, type ActorDictionary } from './dictionary.js';
import type { DocumentReferenceHook } from './coreference.js';
import { ActorResolver } from './resolver.js';

/** The shipped actor dictionary (data/actors). */
export const ACTOR_DICTIONARY: Resource<ActorDictionary> = { name: 'actor-dictionary', load: () => loadDictionary() };

export interface ActorStageOptions {
  /** Resolves "the memo", "the document" to the referenced document's actor (built by the provenance stage). */
  documentReference?: DocumentReferenceHook;
}

/** Actor resolution: names, metonyms, demonyms with agent nouns, coreference, provisional actors. */
export function actorsStage(options: ActorStageOptions = {}): DocumentStageDefinition {
  return {
    kind: 'document',
    name: 'actors',
    revision: 2, // reads the recognizer's OntoNotes kinds (NORP, GPE, FAC)
    files: ACTOR_DICTIONARY_FILES,
    requires: [],
    uses: ['mentions'],
    adds: ['resolutions', 'actors', 'mentions'],
    load(resources) {
      const resolver = new ActorResolver(resources.get(ACTOR_DICTIONARY));
      return (analysis) => resolver.resolveAnalysis(analysis, options.documentReference);
    },
  };
}
