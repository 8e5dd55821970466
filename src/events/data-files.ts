import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDictionaryDir } from '../actors/dictionary.js';
import type { VerbDictionaryData } from './dictionaries/verb-data.js';

/** data/events in the checkout (this file compiles to dist/src/events/). */
export const EVENT_DATA_DIR = fileURLToPath(new URL('../../../data/events/', import.meta.url));

export type CameoRow = [label: string, goldstein: number, quadClass: 1 | 2 | 3 | 4, ploverType: string, ploverMode: string, ploverContext: string];

function readJson<T>(name: string): T {
  const path = EVENT_DATA_DIR + name;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw new Error(`event coder: cannot read ${path} (${(err as Error).message}); run \`npm run train -- 30-events\``);
  }
}

/**
 * The files the coder's tables are read from (absolute paths): the event-coder stage's version hashes them. The
 * actor lexicon is one: its agent nouns are compiled into the coder's.
 */
export const EVENT_DATA_FILES: readonly string[] = [
  ...['cameo.json', 'verbs.json', 'rift-patterns.txt'].map((f) => EVENT_DATA_DIR + f),
  join(defaultDictionaryDir(), 'lexicon.json'),
];

export const readCameoData = (): { codes: Record<string, CameoRow> } => readJson('cameo.json');
export const readVerbData = (): VerbDictionaryData => readJson('verbs.json');
export const readRiftPatterns = (): string => readFileSync(EVENT_DATA_DIR + 'rift-patterns.txt', 'utf8');
