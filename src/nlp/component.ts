import { ENGLISH, type Component } from '../pipeline/component.js';
import { tokenize } from './tokenizer.js';
import { splitSentences } from './sentences.js';
import { loadNlpModel, type NlpModel } from './nlp-model.js';
import { tagPartsOfSpeech, recognizeEntities } from './entities.js';
import { valuesComponent } from './values.js';

let shared: NlpModel | undefined;

/** The trained part-of-speech and entity models, read from models/ once per process. */
export function nlpModel(): NlpModel {
  shared ??= loadNlpModel();
  return shared;
}

/** The language stages: tokens, sentences, part of speech, named entities, numbers and times. */
export async function loadNlpComponents(): Promise<Component[]> {
  const model = nlpModel();
  return [
    {
      name: 'tokenizer',
      run(a) {
        a.tokens = tokenize(a.document.text);
      },
    },
    {
      name: 'sentences',
      run(a) {
        a.sentences = splitSentences(a.document.text, a.tokens);
      },
    },
    {
      name: 'pos',
      languages: ENGLISH,
      run(a) {
        tagPartsOfSpeech(model, a);
      },
    },
    {
      name: 'ner',
      languages: ENGLISH,
      run(a) {
        recognizeEntities(model, a);
      },
    },
    valuesComponent,
  ];
}
