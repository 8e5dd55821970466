import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { VerbDictionaryData } from './dictionaries/verb-data.js';
import type { ActorLexiconData } from './dictionaries/actor-data.js';

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

/** The files the coder's tables are read from (absolute paths): the event-coder stage's version hashes them. */
export const EVENT_DATA_FILES: readonly string[] = ['cameo.json', 'verbs.json', 'fallback-actors.json', 'rift-patterns.txt'].map((f) => EVENT_DATA_DIR + f);

export const readCameoData = (): { codes: Record<string, CameoRow> } => readJson('cameo.json');
export const readVerbData = (): VerbDictionaryData => readJson('verbs.json');
export const readFallbackActors = (): ActorLexiconData => readJson('fallback-actors.json');
export const readRiftPatterns = (): string => readFileSync(EVENT_DATA_DIR + 'rift-patterns.txt', 'utf8');
