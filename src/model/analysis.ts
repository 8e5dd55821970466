import type { Document } from './document.js';
import type { Sentence, TokenTable } from './token.js';
import type { Mention, Quantity } from './mention.js';
import type { TimeExpression } from './time.js';
import type { Actor, ActorResolution } from './actor.js';
import type { Event } from './event.js';
import type { Claim } from './claim.js';
import type { ProvenanceFact } from './provenance.js';

/**
 * One document and every layer the pipeline put on it, like spaCy's Doc:
 * the text once, everything else as spans over it. Each stage fills its layer.
 */
export interface Analysis {
  document: Document;
  /** Names of the pipeline stages that ran, in order: stages built for other languages are left out. */
  stages: string[];
  /** The version of each stage that ran (a hash of its code revision and its model or data files). */
  versions: Record<string, string>;
  tokens: TokenTable;
  /** Part-of-speech tag per token (Penn Treebank tags), when the tagger ran. */
  pos?: string[];
  sentences: Sentence[];
  mentions: Mention[];
  quantities: Quantity[];
  times: TimeExpression[];
  resolutions: ActorResolution[];
  /** Actors this document refers to, including provisional ones and referenced documents; `aliases` are the names the document calls them by. */
  actors: Actor[];
  events: Event[];
  claims: Claim[];
  provenance: ProvenanceFact[];
}
