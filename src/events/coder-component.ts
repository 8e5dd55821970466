import type { Analysis } from '../model/index.js';
import { ENGLISH, type DocumentStageDefinition } from '../pipeline/stage.js';
import { EventCoder, type DocumentMemory } from './coder.js';
import { NO_RESOLVED, type ResolvedActor } from './actor-units.js';
import { EVENT_TABLES, type ShippedResources } from './resources.js';
import { EVENT_DATA_FILES } from './data-files.js';
import { toEvent } from './to-event.js';
import { wordFactsFor } from './word-facts.js';

export interface CodeOptions {
  /** Drop dictionary-coded events that lack a source or a target (default true, as PETRARCH does). */
  requireDyad?: boolean;
}

/** Codes every sentence of the document into analysis.events, modality 'asserted' (the modality stage revises it). */
export function codeDocument(analysis: Analysis, resources: ShippedResources, options: CodeOptions = {}): void {
  const coder = new EventCoder(resources);
  const { document } = analysis;
  const date = document.date.day;
  const resolved = analysis.resolutions.length ? sortedActors(analysis) : NO_RESOLVED;
  const memory: DocumentMemory = { recentCodes: [] };
  const seen = new Set<string>();
  let r = 0;
  for (const sentence of analysis.sentences) {
    while (r < resolved.length && resolved[r].end <= sentence.start) r++;
    let rEnd = r;
    while (rEnd < resolved.length && resolved[rEnd].start < sentence.end) rEnd++;
    const view = coder.view(document.text, analysis.tokens, sentence, analysis.pos);
    const coded = coder.codeSentence({ view, date, resolved: resolved.slice(r, rEnd), memory });
    for (const c of coded) {
      const event = toEvent(document.id, view, c, resources.cameo, options.requireDyad ?? true);
      if (event && !seen.has(event.id)) {
        seen.add(event.id);
        analysis.events.push(event);
      }
    }
  }
}

function sortedActors(analysis: Analysis): ResolvedActor[] {
  // A loop rather than map: map's result here reached the sort (and findItems) with an array map of its own.
  const actors: ResolvedActor[] = [];
  // Referenced documents (the provenance stage) are channels, not parties: "the FSB memo warns" is the FSB's act.
  let documents: Set<string> | undefined;
  for (const a of analysis.actors) if (a.kind === 'document') (documents ??= new Set()).add(a.id);
  for (const r of analysis.resolutions) if (!documents?.has(r.actorId)) actors.push({ start: r.start, end: r.end, code: r.code });
  return actors.sort((a, b) => a.start - b.start);
}

export const eventCoderStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'event-coder',
  languages: ENGLISH,
  revision: 1,
  files: EVENT_DATA_FILES,
  requires: ['tokens', 'sentences'],
  uses: ['pos', 'resolutions'],
  adds: ['events'],
  load(resources) {
    const tables = resources.get(EVENT_TABLES);
    wordFactsFor(tables); // built with the tables, not on the first document
    return (analysis) => codeDocument(analysis, tables);
  },
};
