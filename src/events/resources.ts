import { sharedDictionary } from '../actors/dictionary.js';
import { AgentLexicon } from './agent-lexicon.js';
import { CameoTable } from './cameo.js';
import type { CoderResources } from './coder.js';
import { readCameoData, readRiftPatterns, readVerbData } from './data-files.js';
import { RiftPatterns } from './rift-patterns.js';
import { VerbDictionary } from './verb-dictionary.js';

export interface ShippedResources extends CoderResources {
  cameo: CameoTable;
}

let shipped: ShippedResources | undefined;

/**
 * The shipped tables (data/events), read once per process. The coder's actors are the resolver's (the actor
 * dictionary, data/actors); the dictionary's agent nouns widen their spans ("NATO peacekeeping troops").
 */
export function shippedResources(): ShippedResources {
  shipped ??= {
    verbs: new VerbDictionary(readVerbData()),
    agents: new AgentLexicon(sharedDictionary().agentPhrases),
    patterns: new RiftPatterns(readRiftPatterns()),
    cameo: new CameoTable(readCameoData().codes),
    intentCodes: true,
    skipSpeechVerbs: true,
    blockDefaults: false,
    refusalCodes: true,
  };
  return shipped;
}
