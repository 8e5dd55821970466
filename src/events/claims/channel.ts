// The channel a claim came through: an explicit phrase near the event ("told reporters",
// "a leaked memo"), else what its speaker is (a document, an intelligence body, an unnamed
// source, a named speaker on the record), else the journalist's own reporting.

import type { Channel, Span } from '../../model/index.js';
import type { ChannelCue } from '../../nlp/cues/scan.js';
import { firstAtOrAfter } from '../../nlp/cues/scan.js';
import type { Speaker } from './speaker.js';

export interface ChannelReading {
  channel: Channel;
  cue?: Span;
}

/**
 * The channel phrase inside `sentence` nearest to `anchor` (0 when it overlaps it). With `text`,
 * phrases in another clause count only before the anchor, and only when nothing nearer does.
 */
const CLAUSE_PENALTY = 1000;

function hasClauseMark(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 59 || c === 58 || c === 0x2014 || c === 0x2013 || c === 40 || c === 41) return true;
  }
  return false;
}

export function nearestChannelCue(channels: readonly ChannelCue[], sentence: Span, anchor: Span, text?: string): ChannelCue | undefined {
  let best: ChannelCue | undefined;
  let bestDistance = Infinity;
  for (let i = firstAtOrAfter(channels, sentence.start); i < channels.length && channels[i].start < sentence.end; i++) {
    const c = channels[i];
    let distance = c.end <= anchor.start ? anchor.start - c.end : c.start >= anchor.end ? c.start - anchor.end : 0;
    if (distance > 0 && text !== undefined) {
      const crosses = c.end <= anchor.start ? hasClauseMark(text, c.end, anchor.start) : hasClauseMark(text, anchor.end, c.start);
      // A phrase in another clause: behind the event it may still frame it ("At a press conference, …"); after it, it does not.
      if (crosses) {
        if (c.start >= anchor.end) continue;
        distance += CLAUSE_PENALTY;
      }
    }
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

export interface ChannelContext {
  /** The innermost speaker, when someone other than the journalist speaks. */
  speaker?: Speaker;
  /** The nearest channel phrase in the event's sentence, and in the sentence the attribution came from. */
  near?: ChannelCue;
  nearAttribution?: ChannelCue;
  /** Whether the document says anywhere that a document was leaked. */
  documentMentionsLeak: boolean;
}

export function chooseChannel(ctx: ChannelContext): ChannelReading {
  const { speaker } = ctx;
  const phrase = ctx.near ?? ctx.nearAttribution;
  if (speaker?.kind === 'document') {
    if (phrase && (phrase.channel === 'leaked-document' || phrase.channel === 'private-document')) return { channel: phrase.channel, cue: phrase };
    return { channel: ctx.documentMentionsLeak ? 'leaked-document' : 'private-document', cue: phrase };
  }
  if (speaker?.kind === 'intelligence') return { channel: 'intelligence-assessment', cue: phrase };
  if (speaker?.kind === 'anonymous') return { channel: 'anonymous-source', cue: phrase };
  if (phrase) return { channel: phrase.channel, cue: phrase };
  if (speaker) return { channel: 'public-statement', cue: undefined };
  return { channel: 'journalist', cue: undefined };
}
