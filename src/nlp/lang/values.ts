// The value stages for Russian and Chinese: numbers, amounts and times, read by rules of each language.
import type { DocumentStageDefinition } from '../../pipeline/stage.js';
import { extractRussianQuantities, extractRussianTimes } from './ru/values.js';
import { extractChineseQuantities, extractChineseTimes } from './zh/values.js';

export const RUSSIAN: readonly string[] = ['ru'];
/** Chinese in either script: language detection reports zh for both (zh-TW, zh-HK reduce to zh). */
export const CHINESE: readonly string[] = ['zh'];

export const russianValuesStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'values-ru',
  languages: RUSSIAN,
  standsFor: ['values'],
  revision: 1,
  files: [],
  requires: [],
  adds: ['quantities', 'times'],
  load: () => (a) => {
    a.times = extractRussianTimes(a.document.text, a.document.date.day);
    a.quantities = extractRussianQuantities(a.document.text, a.times);
  },
};

export const chineseValuesStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'values-zh',
  languages: CHINESE,
  standsFor: ['values'],
  revision: 1,
  files: [],
  requires: [],
  adds: ['quantities', 'times'],
  load: () => (a) => {
    a.times = extractChineseTimes(a.document.text, a.document.date.day);
    a.quantities = extractChineseQuantities(a.document.text, a.times);
  },
};
