import type { Actor, Analysis, Event } from '../model/index.js';
import type { NewClaimRow, NewEventActorRow, NewEventRow, NewMentionRow } from './schema.js';
import type { StoredAnalysis } from './ports.js';

/**
 * An analysis in the form the store writes it: the stored layers as one JSON text, the stage versions,
 * and the rows of the tables that are queried directly. It is made where the analysis was made (a worker
 * thread), so the thread that writes copies a string and flat rows instead of receiving the object graph,
 * rebuilding it and serializing it again.
 */
export interface EncodedAnalysis {
  docId: string;
  layers: string;
  /** The versions of the stages that made it (JSON: stage name → version), kept apart for staleness queries. */
  versions: string;
  mentions: NewMentionRow[];
  events: NewEventRow[];
  eventActors: NewEventActorRow[];
  claims: NewClaimRow[];
}

export function encodeAnalysis(a: Analysis): EncodedAnalysis {
  const docId = a.document.id;
  const { versions } = a;
  const layers: StoredAnalysis = {
    stages: a.stages,
    versions,
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
  const countries = countryTable(a.actors);
  const eventActors: NewEventActorRow[] = [];
  for (const e of a.events) {
    for (const code of e.sources) eventActors.push(eventActorRow(docId, e, code, 'source', countries));
    for (const code of e.targets) eventActors.push(eventActorRow(docId, e, code, 'target', countries));
  }
  return {
    docId,
    layers: JSON.stringify(layers),
    versions: JSON.stringify(versions),
    mentions: a.mentions.map((m) => ({
      doc_id: docId, start: m.start, end: m.end, kind: m.kind, text: m.text, actor_id: m.actorId ?? null, confidence: m.confidence,
    })),
    events: a.events.map((e) => ({
      id: e.id,
      doc_id: docId,
      start: e.evidence.start,
      end: e.evidence.end,
      sources: JSON.stringify(e.sources),
      targets: JSON.stringify(e.targets),
      plover_type: e.ploverType,
      plover_mode: e.ploverMode ?? null,
      cameo: e.cameo,
      goldstein: e.goldstein,
      quad_class: e.quadClass,
      modality: e.modality,
      time_from: e.time?.from ?? null,
      time_to: e.time?.to ?? null,
      time_precision: e.time?.precision ?? null,
      time_basis: e.time?.basis ?? null,
      confidence: e.confidence,
    })),
    eventActors: dedupeEventActors(eventActors),
    claims: a.claims.map((c) => ({
      id: c.id, event_id: c.eventId, doc_id: docId, speaker: c.speaker, channel: c.channel,
      certainty: c.certainty, icd: c.icd, start: c.evidence.start, end: c.evidence.end, admiralty: c.admiralty ?? null,
    })),
  };
}

function eventActorRow(docId: string, e: Event, code: string, role: 'source' | 'target', countries: Map<string, string>): NewEventActorRow {
  return {
    event_id: e.id, doc_id: docId, actor_id: code, country: countries.get(code) ?? countryOfCode(code), role,
    time_from: e.time?.from ?? null, time_to: e.time?.to ?? null,
  };
}

/** An actor listed twice on one side of an event ("Russia and Russia's FSB" both coded RUS) is one row. */
function dedupeEventActors(rows: NewEventActorRow[]): NewEventActorRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.event_id}\u0000${r.role}\u0000${r.actor_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function countryTable(actors: readonly Actor[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const actor of actors) {
    if (actor.country) table.set(actor.id, actor.country);
  }
  return table;
}

/** The country a CAMEO-shaped code starts with (RUSSPY → RUS); none for other ids (IGOs, slugs). */
export function countryOfCode(code: string): string | null {
  return /^[A-Z]{3}(?:[A-Z]{3})*$/.test(code) && !NOT_COUNTRIES.has(code.slice(0, 3)) ? code.slice(0, 3) : null;
}

/** CAMEO's three-letter codes that are not countries. */
const NOT_COUNTRIES = new Set(['IGO', 'NGO', 'MNC', 'IMG', 'UIS', 'REB', 'INS', 'OPP', 'GOV', 'MIL', 'SPY', 'BUS', 'CVL', 'MED', 'EDU']);
