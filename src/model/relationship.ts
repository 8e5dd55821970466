import type { Channel, IcdWord } from './claim.js';
import type { PloverType, QuadClass } from './event.js';

/**
 * The face of a relationship a fact shows: what governments do and say openly (public), what they write or
 * say behind closed doors (private), what intelligence services and analysts judge (assessment), and what
 * the reporter states in their own voice (journalist). See docs/decisions/1200.
 */
export type RelationshipChannel = 'public' | 'private' | 'assessment' | 'journalist';

export const RELATIONSHIP_CHANNELS: readonly RelationshipChannel[] = ['public', 'private', 'assessment', 'journalist'];

/** Resolutions of a dyad series. */
export type PeriodKind = 'day' | 'week' | 'month' | 'quarter' | 'year';

export const PERIOD_KINDS: readonly PeriodKind[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Where an event's place in time came from: the text dates the event, or the document's date stands in for it. */
export type TimeBasis = 'event' | 'report';

/** Events by QuadClass, as GDELT groups CAMEO's roots. Fractional where an event's interval is spread over periods. */
export interface QuadCounts {
  verbalCooperation: number;
  materialCooperation: number;
  verbalConflict: number;
  materialConflict: number;
}

/** One point of a dyad series: one direction of a pair, one channel, one period. */
export interface DyadPoint {
  period: string;
  /** `SOURCE->TARGET`. */
  direction: string;
  channel: RelationshipChannel;
  /** Distinct events (copies count once); an event dated to an interval counts in each period it covers by its share of days. */
  events: number;
  quad: QuadCounts;
  /** Mean Goldstein score of the events, unweighted. */
  goldsteinMean: number;
  /** Mean Goldstein score weighted by each event's weight (claim certainty × credibility). */
  goldsteinWeighted: number;
  /** Sum of the events' weights. */
  weight: number;
  /** How much of `events` is placed by the document's date because the text does not date the event. */
  byReportTime: number;
}

/** The gap between a pair's public and private channels in one period (docs/decisions/1201). */
export interface RiftPoint {
  period: string;
  /** Shrunk public mean minus shrunk private mean, in Goldstein points (−20…20): positive when the public face is the warmer one. */
  score: number;
  /** 90% interval of the score. */
  low: number;
  high: number;
  /** Probability that the public face is warmer than the private one (score > 0). */
  probability: number;
  public: RiftSide;
  private: RiftSide;
}

export interface RiftSide {
  /** Distinct events (fractional where spread). */
  events: number;
  /** Sum of weights. */
  weight: number;
  /** Weighted mean Goldstein, unshrunk. */
  mean: number;
  /** The mean shrunk toward zero by the prior. */
  shrunk: number;
}

/** Who asserts an event, as evidence carries it. */
export interface EvidenceClaim {
  id?: string;
  speaker: string;
  channel: Channel;
  certainty: number;
  icd?: IcdWord;
}

/** One event behind a series point or an alert, with the span of text it came from. */
export interface DyadEvidence {
  documentId: string;
  start: number;
  end: number;
  text: string;
  eventId: string;
  source: string;
  target: string;
  channel: RelationshipChannel;
  ploverType: PloverType | string;
  cameo: string;
  quadClass: QuadClass;
  goldstein: number;
  weight: number;
  /** When the event happened (or the document's date, when basis is 'report'). */
  time: { from: string; to: string; basis: TimeBasis };
  /** The document date of the first report. */
  reported?: string;
  /** Documents that report the same event (copies count once). */
  documents: number;
  claim?: EvidenceClaim;
  outlet?: string;
  title?: string;
}

/** A pair whose public and private faces diverge in a period, with the evidence on each side. */
export interface RiftAlert {
  id: string;
  pair: [string, string];
  by: PeriodKind;
  period: string;
  score: number;
  low: number;
  high: number;
  probability: number;
  publicSide: RiftSide;
  privateSide: RiftSide;
  public: DyadEvidence[];
  private: DyadEvidence[];
  createdAt: string;
  updatedAt: string;
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  /** Set when later evidence took the pair back under the threshold; the alert is kept for the record. */
  withdrawnAt?: string;
}
