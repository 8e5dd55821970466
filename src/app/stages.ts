import { StageRegistry } from '../pipeline/registry.js';
import type { CorpusStageDefinition, DocumentStageDefinition } from '../pipeline/stage.js';
import { nerStage, posStage, sentencesStage, tokenizerStage } from '../nlp/stages.js';
import { valuesStage } from '../nlp/values.js';
import { chineseValuesStage, russianValuesStage } from '../nlp/lang/values.js';
import { actorsStage } from '../actors/stage.js';
import { eventCoderStage } from '../events/coder-component.js';
import { modalityStage } from '../events/modality.js';
import { chineseEventsStage, russianEventsStage } from '../events/lang/stage.js';
import { claimsStage } from '../events/claims/index.js';
import { provenanceStage, credibilityStage } from '../provenance/index.js';
import { storiesStage } from '../stories/stage.js';
import { relationshipsStage } from '../relationships/corpus-stage.js';

/**
 * The document stages, in the order they run: language first (tokens, sentences, part of speech, entities,
 * numbers and times), then actors and the documents the text refers to with their provenance, then events
 * with their modality and claims, and each claim's Admiralty grade. Russian and Chinese documents get
 * values and events (with modality and claims) from stages of their own, which stand for the English ones.
 */
export const DOCUMENT_STAGES: readonly DocumentStageDefinition[] = [
  tokenizerStage,
  sentencesStage,
  posStage,
  nerStage,
  valuesStage,
  russianValuesStage,
  chineseValuesStage,
  actorsStage(),
  provenanceStage,
  eventCoderStage,
  russianEventsStage,
  chineseEventsStage,
  modalityStage,
  claimsStage,
  credibilityStage,
];

/**
 * Stages over the whole corpus, run after each batch of documents is stored or re-analysed, in this order:
 * stories (which reports tell one story, which are copies, what they corroborate and where they disagree),
 * then the dyad series and rift alerts.
 */
export const CORPUS_STAGES: readonly CorpusStageDefinition[] = [storiesStage, relationshipsStage];

/** Every stage Rift has, checked when this module loads. */
export const STAGES = new StageRegistry(DOCUMENT_STAGES, CORPUS_STAGES);
