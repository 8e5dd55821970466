import type { ActorDictionary } from '../actors/dictionary.js';
import { ACTOR_DICTIONARY } from '../actors/stage.js';
import { AgentLexicon } from './agent-lexicon.js';
import { CameoTable } from './cameo.js';
import type { CoderResources } from './coder.js';
import { readCameoData, readRiftPatterns, readVerbData } from './data-files.js';
import { RiftPatterns } from './rift-patterns.js';
import type { Resource } from '../pipeline/resources.js';
import { VerbDictionary } from './verb-dictionary.js';

export interface ShippedResources extends CoderResources {
  cameo: CameoTable;
}

/**
 * The shipped tables (data/events), read from disk. The coder's actors are the resolver's (the actor dictionary,
 * data/actors); the dictionary's agent nouns widen their spans ("NATO peacekeeping troops").
 */
export function shippedResources(dictionary: ActorDictionary): ShippedResources {
  return {
    verbs: new VerbDictionary(readVerbData()),
    agents: new AgentLexicon(dictionary.agentPhrases),
    patterns: new RiftPatterns(readRiftPatterns()),
    cameo: new CameoTable(readCameoData().codes),
    intentCodes: true,
    skipSpeechVerbs: true,
    blockDefaults: false,
    refusalCodes: true,
  };
}

/** The shipped tables, one load for every stage and evaluation of a process that asks through its Resources. */
export const EVENT_TABLES: Resource<ShippedResources> = { name: 'event-tables', load: (resources) => shippedResources(resources.get(ACTOR_DICTIONARY)) };
