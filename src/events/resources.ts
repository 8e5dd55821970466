import { ActorLexicon } from './actor-lexicon.js';
import { CameoTable } from './cameo.js';
import type { CoderResources } from './coder.js';
import { readCameoData, readFallbackActors, readRiftPatterns, readVerbData } from './data-files.js';
import { RiftPatterns } from './rift-patterns.js';
import type { Resource } from '../pipeline/resources.js';
import { VerbDictionary } from './verb-dictionary.js';

export interface ShippedResources extends CoderResources {
  cameo: CameoTable;
}

/** The shipped tables (data/events), read from disk. */
export function shippedResources(): ShippedResources {
  return {
    verbs: new VerbDictionary(readVerbData()),
    lexicon: new ActorLexicon(readFallbackActors()),
    patterns: new RiftPatterns(readRiftPatterns()),
    cameo: new CameoTable(readCameoData().codes),
    intentCodes: true,
    skipSpeechVerbs: true,
  };
}

/** The shipped tables, one load for every stage and evaluation of a process that asks through its Resources. */
export const EVENT_TABLES: Resource<ShippedResources> = { name: 'event-tables', load: shippedResources };
