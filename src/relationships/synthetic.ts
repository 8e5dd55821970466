import type { Channel, Document } from '../model/index.js';
import type { DocumentToStore, EncodedAnalysis } from '../store/index.js';
import type { NewClaimRow, NewEventActorRow, NewEventRow } from '../store/schema.js';
import { documentId } from '../ingest/index.js';
import { readCameoData, type CameoRow } from '../events/data-files.js';
import { isoDay } from './periods.js';

// Synthetic documents with coded events, written straight into the store's tables, for the dyad
// benchmark: a skewed mix of countries (so that a few pairs are dense, as RUS–CHN is in the news), every
// channel, modality and time precision the stage handles, from a seeded generator (the same every run).

/** Countries by how often they act: the first ones far more than the last. */
const COUNTRIES = [
  'RUS', 'CHN', 'USA', 'UKR', 'GBR', 'FRA', 'DEU', 'IND', 'JPN', 'TUR', 'IRN', 'ISR', 'SAU', 'BRA', 'KOR',
  'PRK', 'POL', 'ITA', 'ESP', 'CAN', 'AUS', 'EGY', 'SYR', 'PAK', 'KAZ', 'BLR', 'VNM', 'IDN', 'MEX', 'ZAF',
];
const SECTORS: [string, number][] = [['', 0.4], ['GOV', 0.3], ['BUS', 0.15], ['MIL', 0.1], ['SPY', 0.05]];
const CHANNELS: [Channel, number][] = [
  ['journalist', 0.45], ['public-statement', 0.35], ['anonymous-source', 0.06], ['leaked-document', 0.05],
  ['private-document', 0.04], ['intelligence-assessment', 0.05],
];
/** Admiralty grades as the credibility stage hands them out: mostly B2 and C3, a few confirmed or improbable. */
const GRADES: [string, number][] = [['B2', 0.4], ['C3', 0.3], ['A1', 0.1], ['B3', 0.1], ['D4', 0.05], ['F6', 0.05]];
const MODALITIES: [string, number][] = [['asserted', 0.7], ['reported', 0.1], ['alleged', 0.1], ['hypothetical', 0.05], ['negated', 0.03], ['future', 0.02]];

/** Mulberry32: a small seeded generator, so the benchmark's store is the same every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: () => number, weighted: readonly [T, number][]): T {
  let r = rng();
  for (const [value, p] of weighted) {
    if ((r -= p) < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

export interface SyntheticOptions {
  /** First and last day (day numbers) events and documents fall on. */
  firstDay: number;
  lastDay: number;
  eventsPerDocument: number;
}

/** Generates documents in order; `next(n)` gives the next n, each with its events, event actors and claims. */
export class SyntheticCorpus {
  private readonly rng: () => number;
  private readonly codes: [string, CameoRow][];
  private readonly countryWeights: [string, number][];
  private produced = 0;

  constructor(private readonly options: SyntheticOptions, seed = 12) {
    this.rng = seededRandom(seed);
    this.codes = Object.entries(readCameoData().codes);
    const zipf = COUNTRIES.map((_, i) => 1 / (i + 1));
    const total = zipf.reduce((a, b) => a + b, 0);
    this.countryWeights = COUNTRIES.map((c, i) => [c, zipf[i] / total]);
  }

  next(documents: number): DocumentToStore[] {
    const out: DocumentToStore[] = [];
    for (let d = 0; d < documents; d++) out.push(this.document(this.produced++));
    return out;
  }

  private actor(country: string): { code: string; country: string } {
    return { code: country + pick(this.rng, SECTORS), country };
  }

  private document(n: number): DocumentToStore {
    const { firstDay, lastDay, eventsPerDocument } = this.options;
    const rng = this.rng;
    const day = firstDay + Math.floor(rng() * (lastDay - firstDay + 1));
    const text = `Synthetic report ${n}: ${eventsPerDocument} coded events between states, for the dyad benchmark.`;
    const id = documentId(text);
    const published = isoDay(day);
    const document: Document = {
      id, text, format: 'text', language: 'en', publishedAt: published, date: { day: published, source: 'published' },
      retrievedAt: '2026-01-01T00:00:00Z', outlet: `outlet${n % 97}.example`, source: { ref: `synthetic#${n}`, retrievedAt: '2026-01-01T00:00:00Z' },
    };
    const events: NewEventRow[] = [];
    const eventActors: NewEventActorRow[] = [];
    const claims: NewClaimRow[] = [];
    for (let i = 0; i < eventsPerDocument; i++) {
      const a = pick(rng, this.countryWeights);
      let b = pick(rng, this.countryWeights);
      while (b === a) b = pick(rng, this.countryWeights);
      const [code, row] = this.codes[Math.floor(rng() * this.codes.length)];
      const joint = rng() < 0.05;
      const source = this.actor(a);
      const target = this.actor(b);
      const sources = joint ? [source, target] : [source];
      const targets = joint ? [source, target] : [target];
      const time = this.time(day);
      const eventId = `${id.slice(0, 16)}-e${i}`;
      events.push({
        id: eventId, doc_id: id, start: 0, end: text.length, sources: JSON.stringify(sources.map((x) => x.code)),
        targets: JSON.stringify(targets.map((x) => x.code)), plover_type: row[3] || 'CONSULT', plover_mode: null, cameo: code,
        goldstein: row[1], quad_class: row[2], modality: pick(rng, MODALITIES), time_from: time?.from ?? null, time_to: time?.to ?? null,
        time_precision: time?.precision ?? null, time_basis: time ? 'event' : null, confidence: 0.8,
      });
      const seen = new Set<string>();
      for (const [role, list] of [['source', sources], ['target', targets]] as const) {
        for (const x of list) {
          if (seen.has(role + x.code)) continue;
          seen.add(role + x.code);
          eventActors.push({ event_id: eventId, doc_id: id, actor_id: x.code, country: x.country, role, time_from: time?.from ?? null, time_to: time?.to ?? null });
        }
      }
      claims.push({
        id: `${eventId}-c`, event_id: eventId, doc_id: id, speaker: `outlet:${document.outlet}`, channel: pick(rng, CHANNELS),
        certainty: 0.5 + rng() * 0.45, icd: 'likely', start: 0, end: text.length, admiralty: pick(rng, GRADES),
      });
    }
    const analysis: EncodedAnalysis = {
      docId: id, layers: '{"stages":["synthetic"]}', versions: '{"synthetic":"1"}', mentions: [], events, eventActors, claims,
    };
    return { document, analysis };
  }

  /** Most events dated to a day shortly before the report, some to a month or a fuzzy season, some not at all. */
  private time(reportDay: number): { from: string; to: string; precision: string } | undefined {
    const r = this.rng();
    const day = reportDay - Math.floor(this.rng() * 30);
    if (r < 0.7) return { from: isoDay(day), to: isoDay(day), precision: 'day' };
    if (r < 0.85) {
      const d = new Date(day * 86_400_000);
      const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
      const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 86_400_000 - 1;
      return { from: isoDay(first), to: isoDay(last), precision: 'month' };
    }
    if (r < 0.9) return { from: isoDay(day - 120), to: isoDay(day), precision: 'fuzzy' };
    return undefined;
  }
}
