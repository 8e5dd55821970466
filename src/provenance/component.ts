import type { Analysis, ProvenanceFact } from '../model/index.js';
import { ENGLISH, type DocumentStageDefinition } from '../pipeline/stage.js';
import { documentCues, type DocumentCues } from '../nlp/cues/document-cues.js';
import { HEDGE_DETECTOR } from '../nlp/cues/hedges.js';
import { DEFAULT_HEDGE_MODEL_PATH } from '../nlp/cues/hedge-model.js';
import { authorOf, documentActor, documentResolutions, groupMentions, type ReferencedDocument } from './documents.js';
import { FactReader } from './facts.js';
import { findMentions } from './mentions.js';
import { mergeSignature } from './signature.js';
import { FactSpeakers } from './speaker.js';
import { TextWords } from './words.js';

/**
 * Referenced documents and their provenance: each document the text speaks of becomes an actor of kind
 * `document` (its mentions resolve to it), and what the text says of where it came from becomes facts.
 */
export function readProvenance(analysis: Analysis, cues: () => DocumentCues): void {
  const words = new TextWords(analysis);
  const mentions = findMentions(words);
  if (!mentions.length) return;
  const documents = groupMentions(words, mentions);
  if (!documents.length) return;
  const actors = documents.map((d) => documentActor(words, d));
  analysis.actors.push(...actors);
  const resolutions = analysis.resolutions.concat(documents.flatMap((d) => documentResolutions(words, d)));
  analysis.resolutions = resolutions.sort((a, b) => a.start - b.start || b.end - a.end);
  const facts = new FactReader(words, documents, new FactSpeakers(analysis, cues, words, new Set(documents.map((d) => d.id)))).read();
  for (const fact of facts) analysis.provenance.push(fact);
  completeSignatures(words, documents, facts);
  for (let k = 0; k < documents.length; k++) {
    if (documents[k]!.signature.country) actors[k]!.country = documents[k]!.signature.country;
  }
}

/** What the facts add to each document's signature: authors, a date, a length, a marking the phrases did not give. */
function completeSignatures(words: TextWords, documents: readonly ReferencedDocument[], facts: readonly ProvenanceFact[]): void {
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const f of facts) {
    const d = byId.get(f.document)!;
    if (f.fact === 'authored-by' && f.actor) {
      const author = authorOf(words, { span: f.evidence, actor: f.actor });
      if (author) mergeSignature(d.signature, { authors: [author] });
    } else if (f.fact === 'dated' && f.time) mergeSignature(d.signature, { dated: f.time });
    else if (f.fact === 'length' && f.value) mergeSignature(d.signature, { pages: parseInt(f.value, 10) });
  }
}

/** Runs after actor resolution and before the event coder (which leaves documents out of its parties). */
export const provenanceStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'provenance',
  languages: ENGLISH,
  revision: 1,
  // Speakers are found with the claims stage's cues, hedges included.
  files: [DEFAULT_HEDGE_MODEL_PATH],
  requires: ['tokens', 'sentences', 'resolutions', 'actors'],
  uses: ['pos', 'quantities', 'times'],
  adds: ['actors', 'resolutions', 'provenance'],
  load(resources) {
    const hedges = resources.get(HEDGE_DETECTOR);
    return (analysis, run) => readProvenance(analysis, () => documentCues(analysis, hedges, run));
  },
};
