import type { Channel, RelationshipChannel } from '../model/index.js';

/**
 * The relationship channel of a claim's channel: who made the fact known. Anonymous sources are the
 * reporter's own sourcing, not a party's private record, so they stay with the journalist (decision 1200).
 */
const BY_CLAIM: Readonly<Record<Channel, RelationshipChannel>> = {
  'public-statement': 'public',
  'private-document': 'private',
  'leaked-document': 'private',
  'intelligence-assessment': 'assessment',
  journalist: 'journalist',
  'anonymous-source': 'journalist',
};

/**
 * CAMEO codes (by their first three digits) of acts that are public by nature whoever reports them:
 * visits and summits (042–044), formal agreements signed (057), trade and economic cooperation (061).
 * A memo that mentions last year's trade does not make the trade private.
 */
const OPEN_ACTS = new Set(['042', '043', '044', '057', '061']);

/** Acts that are public when both sides do them together: joint drills, joint military cooperation (062). */
const OPEN_WHEN_JOINT = new Set(['062']);

export interface ChannelInput {
  /** The claim's channel; absent when the event has no claim (the reporter's own account). */
  claimChannel?: Channel;
  cameo: string;
  /** The actors act toward each other (the same group on both sides): "Russia and China hold joint drills". */
  joint: boolean;
}

/** The channel a fact belongs to: the act's nature first (open acts are public), else who made it known. */
export function channelOf(input: ChannelInput): RelationshipChannel {
  const base = input.cameo.slice(0, 3);
  if (OPEN_ACTS.has(base) || (input.joint && OPEN_WHEN_JOINT.has(base))) return 'public';
  return input.claimChannel ? BY_CLAIM[input.claimChannel] ?? 'journalist' : 'journalist';
}
