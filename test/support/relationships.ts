import { encodeAnalysis, type DocumentToStore } from '../../src/store/index.js';
import { emptyAnalysis } from '../../src/pipeline/index.js';
import { documentId } from '../../src/ingest/index.js';
import type { AdmiraltyCode, Channel, Claim, Document, Event, Modality, PloverType, QuadClass } from '../../src/model/index.js';

// Documents with hand-made events and claims, for the relationships tests: each event's span is a
// sentence of its document's text, so evidence can be checked against the text.

const AT = '2025-06-10T00:00:00Z';

export interface FixtureEvent {
  sentence: string;
  sources: string[];
  targets: string[];
  type: PloverType;
  cameo: string;
  goldstein: number;
  quad: QuadClass;
  channel?: Channel;
  certainty?: number;
  /** The claim's Admiralty grade, as the credibility stage gives it. */
  admiralty?: AdmiraltyCode;
  modality?: Modality;
  time?: { from: string; to: string; basis?: 'event' | 'report' };
  speaker?: string;
}

export function fixtureDocument(
  name: string,
  events: FixtureEvent[],
  meta: { publishedAt?: string; dateSource?: 'published' | 'assumed'; outlet?: string } = {},
): DocumentToStore {
  const text = `${name}. ` + events.map((e) => e.sentence).join(' ');
  const id = documentId(text);
  const day = meta.publishedAt?.slice(0, 10);
  const document: Document = {
    id, text, format: 'text', language: 'en', retrievedAt: AT, outlet: meta.outlet ?? `${name.toLowerCase().replace(/\W+/g, '-')}.example`,
    publishedAt: meta.dateSource === 'assumed' ? undefined : meta.publishedAt,
    // Undated reports carry the retrieval day, as the document factory gives them.
    date: day ? { day, source: meta.dateSource ?? 'published' } : { day: AT.slice(0, 10), source: 'assumed' },
    title: name,
    source: { ref: `${name}.txt`, retrievedAt: AT },
  };
  const analysis = emptyAnalysis(document);
  analysis.stages = ['event-coder', 'claims'];
  analysis.versions = { 'event-coder': 'test', claims: 'test' };
  let offset = name.length + 2;
  events.forEach((f, i) => {
    const start = offset;
    const end = start + f.sentence.length;
    offset = end + 1;
    const event: Event = {
      id: `${id.slice(0, 10)}-e${i}`, evidence: { start, end }, sources: f.sources, targets: f.targets, ploverType: f.type, cameo: f.cameo,
      goldstein: f.goldstein, quadClass: f.quad, modality: f.modality ?? 'asserted', confidence: 0.8,
      time: f.time
        ? { from: f.time.from, to: f.time.to, precision: f.time.from === f.time.to ? 'day' : 'fuzzy', basis: f.time.basis ?? 'event' }
        : { from: document.date.day, to: document.date.day, precision: 'day', basis: 'report' },
    };
    const claim: Claim = {
      id: `${event.id}-c`, eventId: event.id, speaker: f.speaker ?? `outlet:${document.outlet}`, attributionChain: [], channel: f.channel ?? 'journalist',
      certainty: f.certainty ?? 0.9, icd: 'very likely', cues: [], evidence: { start, end },
      ...(f.admiralty && { admiralty: f.admiralty }),
    };
    analysis.events.push(event);
    analysis.claims.push(claim);
  });
  return { document, analysis: encodeAnalysis(analysis) };
}

/** Joint drills: the same group on both sides, so a public act whoever reports it. */
export const drills = (sentence: string, day: string, channel: Channel = 'journalist'): FixtureEvent => ({
  sentence, sources: ['RUSMIL', 'CHNMIL'], targets: ['RUSMIL', 'CHNMIL'], type: 'COOPERATE', cameo: '062', goldstein: 7.4, quad: 2,
  channel, time: { from: day, to: day },
});
