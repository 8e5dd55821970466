import type { Analysis } from '../model/index.js';
import type { StoredAnalysis } from './store.js';

/** A mention row: start, end, kind, text, actor id, confidence. */
export type MentionRow = [number, number, string, string, string | null, number];

/** An event row: id, start, end, sources (JSON), targets (JSON), PLOVER type and mode, CAMEO, Goldstein, quad class, modality, time from and to, confidence. */
export type EventRow = [string, number, number, string, string, string, string | null, string, number, number, string, string | null, string | null, number];

/** A claim row: id, event id, speaker, channel, certainty, ICD word, start, end. */
export type ClaimRow = [string, string, string, string, number, string, number, number];

/**
 * An analysis in the form the store writes it: the stored layers as one JSON text, and the rows of the
 * tables that are queried directly. It is made where the analysis was made (a worker thread), so the
 * thread that writes copies a string and a few flat rows instead of receiving the object graph,
 * rebuilding it and serializing it again.
 */
export interface EncodedAnalysis {
  layers: string;
  /** The versions of the stages that made it (JSON: stage name → version), kept apart for staleness queries. */
  versions: string;
  mentions: MentionRow[];
  events: EventRow[];
  claims: ClaimRow[];
}

export function encodeAnalysis(a: Omit<Analysis, 'document'>): EncodedAnalysis {
  const layers: StoredAnalysis = {
    stages: a.stages,
    versions: a.versions,
    sentences: a.sentences,
    mentions: a.mentions,
    quantities: a.quantities,
    times: a.times,
    resolutions: a.resolutions,
    actors: a.actors,
    events: a.events,
    claims: a.claims,
    provenance: a.provenance,
  };
  return {
    layers: JSON.stringify(layers),
    versions: JSON.stringify(a.versions),
    mentions: a.mentions.map((m): MentionRow => [m.start, m.end, m.kind, m.text, m.actorId ?? null, m.confidence]),
    events: a.events.map((e): EventRow => [
      e.id, e.evidence.start, e.evidence.end, JSON.stringify(e.sources), JSON.stringify(e.targets),
      e.ploverType, e.ploverMode ?? null, e.cameo, e.goldstein, e.quadClass, e.modality,
      e.time?.from ?? null, e.time?.to ?? null, e.confidence,
    ]),
    claims: a.claims.map((c): ClaimRow => [c.id, c.eventId, c.speaker, c.channel, c.certainty, c.icd, c.evidence.start, c.evidence.end]),
  };
}
