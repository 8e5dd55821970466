// Numbers and times: the two value extractors the pipeline runs on every document.
import { ENGLISH, type DocumentStageDefinition } from '../pipeline/stage.js';
import { extractQuantities } from './quantities/index.js';
import { extractTimes } from './time/index.js';

export { extractQuantities } from './quantities/index.js';
export { extractTimes } from './time/index.js';

/**
 * Fills analysis.quantities and analysis.times, times resolved against the document's date. The two
 * share one lexing of the text.
 */
export const valuesStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'values',
  languages: ENGLISH,
  revision: 1,
  files: [],
  requires: [],
  adds: ['quantities', 'times'],
  load: () => (a) => {
    a.times = extractTimes(a.document.text, a.document.date.day);
    a.quantities = extractQuantities(a.document.text);
  },
};
