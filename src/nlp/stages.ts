import { ENGLISH, type DocumentStageDefinition } from '../pipeline/stage.js';
import type { Resource } from '../pipeline/resources.js';
import { tokenize } from './tokenizer.js';
import { splitSentences } from './sentences.js';
import { CLUSTERS_FILE, GAZETTEER_FILE, loadNlpModel, MODEL_FILE, MODELS_DIR, type NlpModel } from './nlp-model.js';
import { tagPartsOfSpeech, recognizeEntities } from './entities.js';

/** The trained part-of-speech and entity models with their word lists (models/), one load for both stages. */
export const NLP_MODEL: Resource<NlpModel> = { name: 'nlp-model', load: () => loadNlpModel() };

const NLP_MODEL_FILES = [MODEL_FILE, GAZETTEER_FILE, CLUSTERS_FILE].map((f) => MODELS_DIR + f);

export const tokenizerStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'tokenizer',
  revision: 2,
  files: [],
  requires: [],
  adds: ['tokens'],
  load: () => (a) => {
    a.tokens = tokenize(a.document.text);
  },
};

export const sentencesStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'sentences',
  revision: 2,
  files: [],
  requires: ['tokens'],
  adds: ['sentences'],
  load: () => (a) => {
    a.sentences = splitSentences(a.document.text, a.tokens);
  },
};

export const posStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'pos',
  languages: ENGLISH,
  revision: 1,
  files: NLP_MODEL_FILES,
  requires: ['tokens', 'sentences'],
  adds: ['pos'],
  load(resources) {
    const model = resources.get(NLP_MODEL);
    return (a, run) => tagPartsOfSpeech(model, a, run);
  },
};

export const nerStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'ner',
  languages: ENGLISH,
  revision: 2, // OntoNotes kinds; names without their article; sentence openers dropped
  files: NLP_MODEL_FILES,
  requires: ['tokens', 'sentences'],
  uses: ['pos'],
  adds: ['mentions'],
  load(resources) {
    const model = resources.get(NLP_MODEL);
    return (a, run) => recognizeEntities(model, a, run);
  },
};
