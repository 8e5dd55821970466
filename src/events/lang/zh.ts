// Chinese (simplified and traditional): words by longest match against the lexicon, with the actors'
// names as words of their own; a clause runs to the next comma and back to the last statement cue
// (称, 表示); who acts is read from the word order and its markers: 将/把 put the target before the verb
// (俄情报部门将中国称为敌人), 被 the source (中国被…指责), 对/向 mark a target.

import type { Analysis, Sentence, Span } from '../../model/index.js';
import type { Lexicon, TriggerPattern } from './lexicon.js';
import { objectOfEarlier, type Grammar, type Hit, type Roles, type SentenceActor, type SentenceParts } from './reader.js';

const COMMAS = '，,、';
const CLAUSE_ENDS = '，,；;：:。！？!?';
const HARD_ENDS = '；;：:';
const TOWARD = '对對向給给在从從于於';
const JOINERS = '与與和同及跟、';
const OBJECT_MARKERS = '将將把';

function isAsciiWord(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/**
 * The end of the word starting at `pos`: a lexicon word (longest), a run of Latin letters or digits, or one
 * character. `limit` is where the next actor's name starts (a name is a word of its own).
 */
export function chineseWordEnd(text: string, pos: number, limit: number, lexicon: Lexicon): number {
  const c = text.charCodeAt(pos);
  if (isAsciiWord(c)) {
    let j = pos + 1;
    while (j < limit && isAsciiWord(text.charCodeAt(j))) j++;
    return j;
  }
  const found = lexicon.longestAt(text, pos, limit);
  if (found) return found.end;
  return c >= 0xd800 && c <= 0xdbff && pos + 1 < limit ? pos + 2 : pos + 1;
}

/** Word spans of text[from, to), the actors' names kept whole: for tools and tests; the reader walks the same way. */
export function segmentChinese(text: string, from: number, to: number, lexicon: Lexicon, names: readonly Span[] = []): Span[] {
  const out: Span[] = [];
  let a = 0;
  let pos = from;
  while (pos < to) {
    while (a < names.length && names[a]!.end <= pos) a++;
    if (a < names.length && names[a]!.start === pos) {
      out.push({ start: pos, end: names[a]!.end });
      pos = names[a]!.end;
      continue;
    }
    const c = text.charCodeAt(pos);
    if (c === 0x20 || c === 0x0a || c === 0x3000) {
      pos++;
      continue;
    }
    const limit = a < names.length && names[a]!.start < to ? names[a]!.start : to;
    const end = chineseWordEnd(text, pos, limit, lexicon);
    out.push({ start: pos, end });
    pos = end;
  }
  return out;
}

function charIn(set: string, c: string | undefined): boolean {
  return c !== undefined && c !== '' && set.includes(c);
}

export class ChineseGrammar implements Grammar {
  readonly language = 'zh';
  constructor(readonly lexicon: Lexicon) {}

  scan(analysis: Analysis, sentence: Sentence, actors: readonly SentenceActor[], into: Hit[]): void {
    const text = analysis.document.text;
    let a = 0;
    let pos = sentence.start;
    const to = sentence.end;
    while (pos < to) {
      while (a < actors.length && actors[a]!.end <= pos) a++;
      if (a < actors.length && actors[a]!.start <= pos) {
        pos = actors[a]!.end;
        continue;
      }
      const limit = a < actors.length && actors[a]!.start < to ? actors[a]!.start : to;
      const found = isAsciiWord(text.charCodeAt(pos)) ? undefined : this.lexicon.longestAt(text, pos, limit);
      if (found) {
        const entry = found.entry;
        if (entry.triggers.length || entry.cue) into.push({ start: pos, end: found.end, entry });
        pos = found.end;
      } else pos = chineseWordEnd(text, pos, limit, this.lexicon);
    }
  }

  clause(parts: SentenceParts, trigger: Hit): Span {
    const { text, sentence, hits } = parts;
    let start = sentence.start;
    for (const h of hits) {
      if ((h.entry.cue === 'report' || h.entry.cue === 'according') && h.end <= trigger.start) start = Math.max(start, h.end);
    }
    for (let i = trigger.start - 1; i >= start; i--) if (charIn(HARD_ENDS, text[i])) {
      start = i + 1;
      break;
    }
    let end = sentence.end;
    for (let i = trigger.end; i < end; i++) if (charIn(CLAUSE_ENDS, text[i])) {
      end = i;
      break;
    }
    return { start, end };
  }

  contextHolds(text: string, from: number, to: number, words: readonly string[], direction: 'before' | 'after'): boolean {
    const lo = direction === 'after' ? from : Math.max(from, to - 10);
    const hi = direction === 'after' ? Math.min(to, from + 15) : to;
    for (let i = lo; i < hi; i++) for (const w of words) if (i + w.length <= hi && text.startsWith(w, i)) return true;
    return false;
  }

  adjacent(text: string, from: number, to: number, reach = 1): boolean {
    if (to - from > 4 * reach) return false;
    for (let i = from; i < to; i++) if (charIn(CLAUSE_ENDS, text[i])) return false;
    return true;
  }

  marksObject(parts: SentenceParts, cue: Hit): boolean {
    return parts.actors.some((a) => a.start === cue.end);
  }

  roles(parts: SentenceParts, trigger: Hit, pattern: TriggerPattern, clause: Span): Roles {
    const { text, actors } = parts;
    const before: SentenceActor[] = [];
    const after: SentenceActor[] = [];
    let afterEnd = trigger.end;
    for (let i = trigger.end; i < clause.end && !charIn(COMMAS, text[i]); i++) afterEnd = i + 1;
    for (const a of actors) {
      if (a.start >= clause.start && a.end <= trigger.start) before.push(a);
      else if (a.start >= trigger.end && a.end <= afterEnd) after.push(a);
    }
    const markerBefore = (a: SentenceActor): string => text[a.start - 1] ?? '';
    // 将/把 X … verb: X is the target; 被 X … verb: X is the source
    let objectMarked: SentenceActor | undefined;
    let agentMarked: SentenceActor | undefined;
    for (const a of before) {
      const m = markerBefore(a);
      if (charIn(OBJECT_MARKERS, m)) objectMarked = a;
      else if (m === '被') agentMarked = a;
    }
    const free = (a: SentenceActor): boolean => !charIn(TOWARD, markerBefore(a)) && !charIn(OBJECT_MARKERS, markerBefore(a)) && markerBefore(a) !== '被';
    if (pattern.reciprocal) {
      const members = before.filter((a) => free(a) || charIn(JOINERS, markerBefore(a)));
      for (const a of after) if (charIn(JOINERS, markerBefore(a))) members.push(a);
      if (new Set(members.map((m) => m.code)).size >= 2) return { sources: members, targets: members, reciprocal: true };
    }
    // X的…指责: a noun whose possessor is its source ("美方的无端指责")
    if (pattern.kind === 'noun' || text[trigger.start - 1] === '的' || text.lastIndexOf('的', trigger.start - 1) >= trigger.start - 4) {
      for (let k = before.length - 1; k >= 0; k--) {
        const a = before[k]!;
        const of = text.indexOf('的', a.end);
        if (of === a.end && trigger.start - of <= 4 && !charIn(CLAUSE_ENDS, text.slice(of, trigger.start))) {
          if (pattern.reciprocal) break;
          return { sources: [a], targets: [], reciprocal: false };
        }
      }
    }
    if (agentMarked) {
      let target: SentenceActor | undefined;
      for (const a of before) if (a.end <= agentMarked.start - 1 && free(a)) target = a;
      return { sources: [agentMarked], targets: target ? [target] : [], reciprocal: false };
    }
    let source: SentenceActor | undefined;
    const limit = objectMarked ? objectMarked.start - 1 : trigger.start;
    for (const a of before) if (a.end <= limit && free(a) && !objectOfEarlier(parts, a, trigger)) source = a;
    // A clause opening after a statement cue with no subject of its own: the last actor before the cue, unless it is the speaker.
    if (!source) {
      for (const a of actors) if (a.end <= clause.start && a.start >= parts.sentence.start && free(a)) source = a;
      if (source && this.reportBetween(parts, source.end, clause.start)) source = undefined;
    }
    let target = objectMarked;
    if (!target) for (const a of after) if (a.code !== source?.code) {
      target = a;
      break;
    }
    if (!target) for (const a of before) if (charIn(TOWARD, markerBefore(a)) && a.code !== source?.code) target = a;
    return { sources: source ? [source] : [], targets: target && target.code !== source?.code ? [target] : [], reciprocal: false };
  }

  /** Whether a statement cue lies in text[from, to): a subject before it is the speaker's, not the event's. */
  private reportBetween(parts: SentenceParts, from: number, to: number): boolean {
    for (const h of parts.hits) if ((h.entry.cue === 'report' || h.entry.cue === 'according') && h.start >= from && h.end <= to) return true;
    return false;
  }

  speakerOf(parts: SentenceParts, cue: Hit): SentenceActor | undefined {
    const { text, actors } = parts;
    if (cue.entry.cue === 'according') {
      for (const a of actors) {
        if (a.start < cue.end || a.start - cue.end > 15) continue;
        let comma = false;
        for (let i = cue.end; i < a.start; i++) if (charIn(CLAUSE_ENDS, text[i])) comma = true;
        return comma ? undefined : a;
      }
      return undefined;
    }
    let speaker: SentenceActor | undefined;
    for (const a of actors) {
      if (a.end > cue.start) break;
      let comma = false;
      for (let i = a.end; i < cue.start; i++) if (charIn(CLAUSE_ENDS, text[i])) comma = true;
      if (!comma && !charIn(TOWARD, text[a.start - 1])) speaker = a;
    }
    return speaker;
  }
}
