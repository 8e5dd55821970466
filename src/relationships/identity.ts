import type { DyadMention } from '../store/index.js';

/**
 * What makes two reports the same event, so that it counts once. The stories stage will answer this better
 * (copies of one story, facts fused across outlets); until then reports are one event when they share
 * the pair, channel, kind of act (CAMEO's three-digit code) and time. Pass another identity to the stage
 * to replace it (decision 1200).
 */
export interface EventIdentity {
  readonly name: string;
  fingerprint(report: Omit<DyadMention, 'fingerprint'>): string;
}

export const fingerprintIdentity: EventIdentity = {
  name: 'pair-channel-cameo-time',
  fingerprint: (r) => `${r.source}>${r.target}|${r.channel}|${r.cameo.slice(0, 3)}|${r.timeFrom}|${r.timeTo}`,
};
