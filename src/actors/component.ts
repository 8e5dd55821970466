import type { Component } from '../pipeline/component.js';
import { sharedDictionary } from './dictionary.js';
import type { DocumentReferenceHook } from './coreference.js';
import { resolveAnalysis } from './resolver.js';

export interface ActorComponentOptions {
  /** Resolves "the memo", "the document" to the referenced document's actor (built by the provenance stage). */
  documentReference?: DocumentReferenceHook;
}

/** Actor resolution: names, metonyms, demonyms with agent nouns, coreference, provisional actors. */
export async function loadActorComponents(options: ActorComponentOptions = {}): Promise<Component[]> {
  const dict = sharedDictionary();
  return [
    {
      name: 'actors',
      run(analysis) {
        resolveAnalysis(dict, analysis, options.documentReference);
      },
    },
  ];
}
