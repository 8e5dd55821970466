import type { Channel, Span } from '../../model/index.js';
import { CUE_PATTERNS, type CueKind } from './lexicon.js';
import { CHANNEL_PATTERNS } from './channels.js';

/** One cue found in the text. */
export interface Cue extends Span {
  kind: CueKind;
}

export interface ChannelCue extends Span {
  channel: Channel;
}

const CUE_KINDS = Object.keys(CUE_PATTERNS) as CueKind[];

// One pass over the text per family: every kind is a capturing group of one alternation (the patterns themselves
// capture nothing, so group i + 1 is kind i). Where two kinds could match at the same place, the one listed first
// in CUE_PATTERNS wins. Numbered groups, not named ones: a match then builds no `groups` object.
// The word boundaries stand outside the alternation: zero-width, they hold or fail alike for every kind, and the
// engine tries the kinds in the same order; but a position inside a word is ruled out by one test, not one per kind.
const CUE_REGEX = new RegExp(`\\b(?:${CUE_KINDS.map((k) => `(${CUE_PATTERNS[k]})`).join('|')})\\b`, 'gi');
const CHANNEL_REGEX = new RegExp(`\\b(?:${CHANNEL_PATTERNS.map(([, p]) => `(${p})`).join('|')})\\b`, 'gi');

/** Index of the alternative (group) that matched. */
function whichGroup(m: RegExpExecArray, count: number): number {
  for (let i = 0; i < count; i++) if (m[i + 1] !== undefined) return i;
  return -1;
}

/** Modality, attribution and certainty cues in `text`, in order of position. */
export function scanCues(text: string): Cue[] {
  const cues: Cue[] = [];
  CUE_REGEX.lastIndex = 0;
  for (let m = CUE_REGEX.exec(text); m !== null; m = CUE_REGEX.exec(text)) {
    const i = whichGroup(m, CUE_KINDS.length);
    const start = m.index;
    const end = start + m[0].length;
    const kind = CUE_KINDS[i];
    // "May 2024" is a month; "the will of" is a noun.
    if (kind === 'modal' && text.charCodeAt(start) === 77 /* M */ && /^\s+\d/.test(text.slice(end, end + 3))) continue;
    cues.push({ start, end, kind });
  }
  return cues;
}

/** Channel phrases in `text`, in order of position. */
export function scanChannels(text: string): ChannelCue[] {
  const found: ChannelCue[] = [];
  CHANNEL_REGEX.lastIndex = 0;
  for (let m = CHANNEL_REGEX.exec(text); m !== null; m = CHANNEL_REGEX.exec(text)) {
    const i = whichGroup(m, CHANNEL_PATTERNS.length);
    found.push({ start: m.index, end: m.index + m[0].length, channel: CHANNEL_PATTERNS[i][0] });
  }
  return found;
}

/** Index of the first item whose start is ≥ pos (items sorted by start). */
export function firstAtOrAfter(items: readonly Span[], pos: number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
