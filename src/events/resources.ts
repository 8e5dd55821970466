import { ActorLexicon } from './actor-lexicon.js';
import { CameoTable } from './cameo.js';
import type { CoderResources } from './coder.js';
import { readCameoData, readFallbackActors, readRiftPatterns, readVerbData } from './data-files.js';
import { RiftPatterns } from './rift-patterns.js';
import { VerbDictionary } from './verb-dictionary.js';

export interface ShippedResources extends CoderResources {
  cameo: CameoTable;
}

let shipped: ShippedResources | undefined;

/** The shipped tables (data/events), read once per process. */
export function shippedResources(): ShippedResources {
  shipped ??= {
    verbs: new VerbDictionary(readVerbData()),
    lexicon: new ActorLexicon(readFallbackActors()),
    patterns: new RiftPatterns(readRiftPatterns()),
    cameo: new CameoTable(readCameoData().codes),
    intentCodes: true,
    skipSpeechVerbs: true,
  };
  return shipped;
}
