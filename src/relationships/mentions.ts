import type { QuadClass, RelationshipChannel, TimeBasis } from '../model/index.js';
import type { DyadMention, DyadSourceClaim, DyadSourceDocument, DyadSourceEvent, DyadSources, EventActorRef } from '../store/index.js';
import { countryOfCode } from '../store/index.js';
import { channelOf } from './channels.js';
import { counts, eventWeight } from './weight.js';
import { dayNumber, isoDay, parseDateBound } from './periods.js';
import type { EventIdentity } from './identity.js';

/** Why an event gave no report for any pair, for the stage's summary. */
export interface MentionTally {
  events: number;
  /** Hypothetical, negated, denied or future. */
  notCounted: number;
  /** Neither the text nor the document dates it (or only the retrieval day does). */
  undated: number;
  /** No two actors on opposite sides (one-sided events, unknown actors, an actor acting on itself). */
  noPair: number;
  /** Counted events by channel. */
  byChannel: Record<RelationshipChannel, number>;
}

export const emptyTally = (): MentionTally => ({
  events: 0, notCounted: 0, undated: 0, noPair: 0, byChannel: { public: 0, private: 0, assessment: 0, journalist: 0 },
});

/** A level a key is at: the actor's own code, its sector (country + first role) or its country. */
type Level = 'actor' | 'sector' | 'country';

interface Key {
  key: string;
  level: Level;
  country?: string;
}

const CAMEO_SHAPED = /^[A-Z]{3}(?:[A-Z]{3})+$/;

/** Codes that say the actor is not known ("UNK", "UNKGOV"): no relationship to chart. */
const isUnknown = (code: string, country?: string) => code.startsWith('UNK') || country === 'UNK';

/** The keys an actor is counted under: RUSSPY → RUSSPY and RUS; CHNBUSLEG → CHNBUSLEG, CHNBUS and CHN. */
export function keysOf(actor: EventActorRef): Key[] {
  const country = actor.country ?? countryOfCode(actor.code) ?? undefined;
  if (isUnknown(actor.code, country)) return [];
  const keys: Key[] = [{ key: actor.code, level: actor.code === country ? 'country' : 'actor', country }];
  if (country && CAMEO_SHAPED.test(actor.code) && actor.code.startsWith(country) && actor.code.length > 6) {
    keys.push({ key: actor.code.slice(0, 6), level: 'sector', country });
  }
  if (country && country !== actor.code) keys.push({ key: country, level: 'country', country });
  return keys;
}

/**
 * The ordered pairs of keys an event is counted under. Across countries every combination counts
 * (RUSSPY→CHNGOV also counts for RUS→CHN, RUSSPY→CHN and RUS→CHNGOV); within one country only keys of
 * the same level pair up (RUSGOV→RUSOPP, not RUS→RUSOPP), and a key never pairs with itself.
 */
export function keyPairs(sources: readonly EventActorRef[], targets: readonly EventActorRef[]): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const s of sources) {
    const sourceKeys = keysOf(s);
    for (const t of targets) {
      if (s.code === t.code) continue;
      for (const ks of sourceKeys) {
        for (const kt of keysOf(t)) {
          if (ks.key === kt.key) continue;
          const domestic = ks.country !== undefined && ks.country === kt.country;
          if (domestic && ks.level !== kt.level) continue;
          pairs.set(`${ks.key}\u0000${kt.key}`, [ks.key, kt.key]);
        }
      }
    }
  }
  return [...pairs.values()];
}

/** The claim an event is weighed by: the most certain one (an event reported through several chains). */
function mainClaim(claims: readonly DyadSourceClaim[]): DyadSourceClaim | undefined {
  let best: DyadSourceClaim | undefined;
  for (const c of claims) if (!best || c.certainty > best.certainty || (c.certainty === best.certainty && c.id < best.id)) best = c;
  return best;
}

/** The same set of actors on both sides: the actors act together or toward each other. */
function isJoint(e: DyadSourceEvent): boolean {
  if (e.sources.length < 2 || e.sources.length !== e.targets.length) return false;
  const codes = new Set(e.sources.map((a) => a.code));
  return e.targets.every((a) => codes.has(a.code));
}

/**
 * When an event happened, as inclusive ISO days, and on what basis: its own time when the text gives one,
 * else its document's date (report time). A date assumed from the retrieval day dates nothing.
 */
export function timeOf(e: DyadSourceEvent, doc?: DyadSourceDocument): { from: string; to: string; basis: TimeBasis; precision?: string } | undefined {
  // A report time taken from an assumed document date (the event coder gives every event a time) dates nothing either.
  const ownTime = e.time && !(e.time.basis === 'report' && doc?.daySource === 'assumed');
  if (ownTime && e.time && !Number.isNaN(dayNumber(e.time.from)) && !Number.isNaN(dayNumber(e.time.to))) {
    return {
      from: e.time.from.slice(0, 10),
      to: e.time.to.slice(0, 10),
      basis: e.time.basis === 'report' ? 'report' : 'event',
      precision: e.time.precision,
    };
  }
  if (doc?.day && doc.daySource !== 'assumed') {
    // A document date may name only a month or a year ("2025-06"): the report covers that interval.
    const day = doc.day.slice(0, 10);
    const [from, to] = [parseDateBound(day, 'start'), parseDateBound(day, 'end')];
    if (from !== undefined && to !== undefined) {
      return { from: isoDay(from), to: isoDay(to), basis: 'report', precision: day.length === 10 ? 'day' : day.length === 7 ? 'month' : 'year' };
    }
  }
  return undefined;
}

/** Every report a batch of documents makes, one per event and ordered pair of keys, with the events left out tallied. */
export function mentionsOf(sources: DyadSources, identity: EventIdentity, tally?: MentionTally): DyadMention[] {
  const documents = new Map(sources.documents.map((d) => [d.id, d]));
  const out: DyadMention[] = [];
  for (const e of sources.events) {
    if (tally) tally.events++;
    if (!counts(e.modality)) {
      if (tally) tally.notCounted++;
      continue;
    }
    const doc = documents.get(e.docId);
    const time = timeOf(e, doc);
    if (!time) {
      if (tally) tally.undated++;
      continue;
    }
    const pairs = keyPairs(e.sources, e.targets);
    if (!pairs.length) {
      if (tally) tally.noPair++;
      continue;
    }
    const claim = mainClaim(e.claims);
    const channel = channelOf({ claimChannel: claim?.channel, cameo: e.cameo, joint: isJoint(e) });
    const weight = eventWeight(claim?.certainty ?? e.confidence, claim?.admiralty);
    if (tally) tally.byChannel[channel]++;
    for (const [source, target] of pairs) {
      const report: Omit<DyadMention, 'fingerprint'> = {
        source,
        target,
        channel,
        ploverType: e.ploverType,
        cameo: e.cameo,
        quadClass: e.quadClass as QuadClass,
        goldstein: e.goldstein,
        weight,
        timeFrom: time.from <= time.to ? time.from : time.to,
        timeTo: time.from <= time.to ? time.to : time.from,
        basis: time.basis,
        precision: time.precision,
        reportDay: doc?.day,
        eventId: e.id,
        docId: e.docId,
        start: e.start,
        end: e.end,
        claim: claim && { id: claim.id, speaker: claim.speaker, channel: claim.channel, certainty: claim.certainty, icd: claim.icd },
      };
      out.push({ fingerprint: identity.fingerprint(report), ...report });
    }
  }
  return out;
}
