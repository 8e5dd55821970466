import type { Component } from '../pipeline/component.js';
import { tokenize } from './tokenizer.js';
import { splitSentences } from './sentences.js';

/** The language stages: tokens, sentences (then POS, entities, numbers and times as they land). */
export async function loadNlpComponents(): Promise<Component[]> {
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
  ];
}
