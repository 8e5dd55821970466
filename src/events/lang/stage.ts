// The Russian and Chinese event stages: events with their modality, and a claim for each, in one pass
// (the English coder, modality and claims stages are built for English only).
import type { DocumentStageDefinition } from '../../pipeline/stage.js';
import type { Resource } from '../../pipeline/resources.js';
import { CameoTable } from '../cameo.js';
import { EVENT_DATA_DIR, readCameoData } from '../data-files.js';
import { LEXICON_FILES, readLexicon } from './lexicon.js';
import { readEvents, type Grammar } from './reader.js';
import { RussianGrammar } from './ru.js';
import { ChineseGrammar } from './zh.js';

/** The CAMEO table alone (labels, Goldstein scores, PLOVER types), without the English coder's dictionaries. */
export const CAMEO_TABLE: Resource<CameoTable> = { name: 'cameo-table', load: () => new CameoTable(readCameoData().codes) };

function eventStage(language: 'ru' | 'zh', grammar: (lexicon: ReturnType<typeof readLexicon>) => Grammar): DocumentStageDefinition {
  return {
    kind: 'document',
    name: `events-${language}`,
    languages: [language],
    standsFor: ['event-coder', 'modality', 'claims'],
    revision: 1,
    files: [LEXICON_FILES[language]!, EVENT_DATA_DIR + 'cameo.json'],
    requires: ['tokens', 'sentences'],
    uses: ['resolutions', 'actors', 'quantities', 'times'],
    adds: ['events', 'claims'],
    load(resources) {
      const tables = { cameo: resources.get(CAMEO_TABLE) };
      const g = grammar(readLexicon(language));
      return (analysis) => readEvents(analysis, g, tables);
    },
  };
}

export const russianEventsStage = eventStage('ru', (lexicon) => new RussianGrammar(lexicon));
export const chineseEventsStage = eventStage('zh', (lexicon) => new ChineseGrammar(lexicon));
