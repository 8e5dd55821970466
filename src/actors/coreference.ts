import type { Actor, ActorKind, Analysis, Span } from '../model/index.js';
import { PhraseTrie } from './phrase-trie.js';

/**
 * Definite descriptions that point back at an actor named earlier in the same document:
 * "the agency" is the last agency mentioned, "the two countries" the last two states.
 */
export type Antecedent =
  | { kind: 'last'; of: readonly ActorKind[] }
  | { kind: 'pair' }
  | { kind: 'document' };

const DESCRIPTIONS: [string[], Antecedent][] = [
  [['the agency', 'the service', 'the bureau', 'the spy agency', 'the intelligence agency', 'the intelligence service', 'the security service', 'the directorate'], { kind: 'last', of: ['agency'] }],
  [['the ministry', 'the government', 'the administration', 'the regime', 'the cabinet'], { kind: 'last', of: ['government'] }],
  [['the alliance', 'the bloc', 'the organisation', 'the organization', 'the union'], { kind: 'last', of: ['igo'] }],
  [['the group', 'the hackers', 'the hacker group', 'the platform', 'the collective', 'the militia'], { kind: 'last', of: ['group'] }],
  [['the company', 'the firm', 'the group\'s parent', 'the conglomerate'], { kind: 'last', of: ['company'] }],
  [['the country', 'the nation'], { kind: 'last', of: ['state'] }],
  [['the army', 'the military', 'the armed forces'], { kind: 'last', of: ['military'] }],
  [['the two countries', 'both countries', 'the two nations', 'the two sides', 'both sides', 'the two neighbours', 'the two neighbors', 'the two powers', 'the two allies', 'the two states'], { kind: 'pair' }],
  [['the memo', 'the document', 'the report', 'the dossier', 'the leak', 'the leaked document', 'the leaked memo', 'the file', 'the letter', 'the cable'], { kind: 'document' }],
];

let trie: PhraseTrie | undefined;
const antecedents: Antecedent[] = [];

/** The trie of definite descriptions; an entry's target is an index into the antecedent table. */
export function descriptionTrie(): { trie: PhraseTrie; antecedents: Antecedent[] } {
  if (!trie) {
    trie = new PhraseTrie();
    for (const [phrases, antecedent] of DESCRIPTIONS) {
      antecedents.push(antecedent);
      for (const p of phrases) trie.add(p, 'description', String(antecedents.length - 1));
    }
  }
  return { trie, antecedents };
}

/**
 * Hook for "the memo", "the document": the provenance stage builds the actor of kind `document` for a
 * referenced text and can resolve these descriptions to it. Without a hook they stay unresolved.
 */
export type DocumentReferenceHook = (analysis: Analysis | undefined, span: Span, text: string) => Actor | undefined;
