import type { DyadEvidence, QuadClass, IcdWord } from '../model/index.js';
import type { DyadEventRecord, Store } from '../store/index.js';

/** Longest quotation evidence carries: the event's span is a sentence, never a paragraph. */
const MAX_QUOTE = 400;

/**
 * The first `limit` records that are different events: a joint act counts in both directions, and the same
 * act rolls up to several pairs, but evidence quotes it once.
 */
export function distinctEvents(records: readonly DyadEventRecord[], limit: number): DyadEventRecord[] {
  const seen = new Set<string>();
  const out: DyadEventRecord[] = [];
  for (const r of records) {
    if (seen.has(r.eventId)) continue;
    seen.add(r.eventId);
    out.push(r);
    if (out.length >= limit) break;
  }
  return out;
}

/** Counted events as evidence: each with its document, its span, the text of the span and its claim. */
export async function toEvidence(store: Store, events: readonly DyadEventRecord[]): Promise<DyadEvidence[]> {
  if (!events.length) return [];
  const documents = new Map((await store.relationships.evidenceDocuments(events.map((e) => e.docId))).map((d) => [d.id, d]));
  return events.map((e) => {
    const doc = documents.get(e.docId);
    const span = doc ? doc.text.slice(e.start, e.end).replace(/\s+/g, ' ').trim() : '';
    return {
      documentId: e.docId,
      start: e.start,
      end: e.end,
      text: span.length > MAX_QUOTE ? `${span.slice(0, MAX_QUOTE - 1)}…` : span,
      eventId: e.eventId,
      source: e.source,
      target: e.target,
      channel: e.channel,
      ploverType: e.ploverType,
      cameo: e.cameo,
      quadClass: e.quadClass as QuadClass,
      goldstein: e.goldstein,
      weight: Math.round(e.weight * 1000) / 1000,
      time: { from: e.timeFrom, to: e.timeTo, basis: e.basis },
      reported: e.reportDay,
      documents: e.documents,
      claim: e.claim && {
        id: e.claim.id, speaker: e.claim.speaker, channel: e.claim.channel, certainty: e.claim.certainty,
        icd: (e.claim.icd || undefined) as IcdWord | undefined,
      },
      outlet: doc?.outlet,
      title: doc?.title,
    };
  });
}
