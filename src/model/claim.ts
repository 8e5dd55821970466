import type { Span } from './span.js';
import type { AdmiraltyCode } from './credibility.js';

export type Channel =
  | 'public-statement'
  | 'private-document'
  | 'leaked-document'
  | 'intelligence-assessment'
  | 'journalist'
  | 'anonymous-source';

/** ICD 203 expressions of likelihood, from least to most likely. */
export type IcdWord =
  | 'almost no chance'
  | 'very unlikely'
  | 'unlikely'
  | 'roughly even chance'
  | 'likely'
  | 'very likely'
  | 'almost certain';

/** Who asserts an event, through which channel, how sure. */
export interface Claim {
  id: string;
  eventId: string;
  /** An actor id, or `outlet:<name>` when the journalist speaks in their own voice. */
  speaker: string;
  /** From the outermost speaker inward: outlet → memo → "Chinese operatives allegedly…". */
  attributionChain: string[];
  channel: Channel;
  /** 0..1 */
  certainty: number;
  icd: IcdWord;
  cues: Span[];
  evidence: Span;
  /** Admiralty grade (source reliability A–F, information credibility 1–6), set by the credibility stage. */
  admiralty?: AdmiraltyCode;
  /** The reasons for the grade, in words. */
  why?: string[];
}
