// Russian: words are the tokenizer's tokens; a clause ends at ; : and opens at что, который, где…;
// who acts is read from the prepositions before the actors' names ("в ФСБ называют Пекин врагом": the
// FSB speaks; "против Китая": China is the target) and from the passive participle ("Китай назван врагом").

import type { Analysis, Sentence, Span } from '../../model/index.js';
import { lowerCode } from '../../nlp/chars.js';
import type { TriggerPattern } from './lexicon.js';
import type { Lexicon } from './lexicon.js';
import { objectOfEarlier, type Grammar, type Hit, type Roles, type SentenceActor, type SentenceParts } from './reader.js';

/** Prepositions after which a name is neither who acts nor whom it is done to. */
const OBLIQUE = new Set(['о', 'об', 'обо', 'для', 'от', 'у', 'из', 'изо', 'по', 'про', 'без', 'при', 'над', 'под', 'через', 'после', 'до', 'около', 'среди', 'вокруг', 'ради', 'кроме', 'вместо', 'из-за', 'несмотря', 'вопреки', 'благодаря']);
/** Prepositions that mark a target: against, toward, on, with (a partner). */
const TOWARD = new Set(['против', 'за', 'к', 'ко', 'на', 'с', 'со', 'адрес', 'между', 'и']);
const IN = new Set(['в', 'во']);
const PARTNER = new Set(['с', 'со', 'и', 'между']);
const NOMINAL_LINK = new Set(['и', ',']);

function isLetterCode(c: number): boolean {
  return lowerCode(c) !== c || (c >= 0x0430 && c <= 0x045f) || (c >= 0x61 && c <= 0x7a) || c === 0x2d;
}

function isClauseMark(c: number): boolean {
  return c === 0x3b || c === 0x3a; // ; :
}

/** The word right before `pos` (lower case), or ',' when a comma comes first, or '' at none. */
function wordBefore(text: string, pos: number, floor: number): string {
  let j = pos - 1;
  while (j >= floor) {
    const c = text.charCodeAt(j);
    if (c === 0x20 || c === 0x0a || c === 0xa0 || c === 0x09 || c === 0xab || c === 0x22 || c === 0x201c || c === 0x201e || c === 0x28) j--;
    else break;
  }
  if (j < floor) return '';
  if (text.charCodeAt(j) === 0x2c) return ',';
  const end = j + 1;
  while (j >= floor && isLetterCode(text.charCodeAt(j))) j--;
  return end - j > 1 ? text.slice(j + 1, end).toLowerCase() : '';
}

/** Whether text at pos begins with `word` (lower case), letter case ignored, ё read as е. */
function startsWithFold(text: string, pos: number, word: string): boolean {
  if (pos + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = lowerCode(text.charCodeAt(pos + k));
    if (c === 0x0451) c = 0x0435;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Passive participles, short or long: назван, названа, обвинены, подписано, арестованный. */
function isPassive(text: string, hit: Span): boolean {
  const w = text.slice(hit.start, hit.end).toLowerCase();
  return /(?:[ое]н|ан|ян|ен|нн)(?:а|о|ы)?$/.test(w) || /нн(?:ый|ая|ое|ые|ого|ой)$/.test(w);
}

/**
 * Whether a name is in an oblique case, so not the subject: an adjective before it in the genitive, dative,
 * instrumental or prepositional ("российских агентов", "Федеральной службы"), or a one-word name with such
 * an ending ("Китаем", "Китаю", "России", "Кремлю"). Indeclinable names (ФСБ, КНР) never are.
 */
function looksOblique(text: string, a: Span): boolean {
  const name = text.slice(a.start, a.end);
  const space = name.indexOf(' ');
  const word = (space > 0 ? name.slice(0, space) : name).toLowerCase();
  if (space > 0) return /(?:их|ых|ого|его|ому|ему|ым|ими|ыми|ую|юю|ой|ей)$/.test(word);
  return /[а-яё](?:ом|ем|ём|ой|ей|ию|ии|ю|у)$/.test(word);
}

/** Whether a preposition of the target (за, против, к…) stands before the name, or before the word before it ("за действиями армии"). */
function markedBy(text: string, a: Span, floor: number): boolean {
  const p = wordBefore(text, a.start, floor);
  if (TOWARD.has(p) && p !== 'и') return true;
  if (p === '' || p === ',') return false;
  let j = a.start - 1;
  while (j >= floor && !isLetterCode(text.charCodeAt(j))) j--;
  while (j >= floor && isLetterCode(text.charCodeAt(j))) j--;
  const q = wordBefore(text, j + 1, floor);
  return TOWARD.has(q) && q !== 'и';
}

export class RussianGrammar implements Grammar {
  readonly language = 'ru';
  constructor(readonly lexicon: Lexicon) {}

  scan(analysis: Analysis, sentence: Sentence, actors: readonly SentenceActor[], into: Hit[]): void {
    const text = analysis.document.text;
    const { starts, ends } = analysis.tokens;
    let a = 0;
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      const start = starts[t]!;
      while (a < actors.length && actors[a]!.end <= start) a++;
      if (a < actors.length && actors[a]!.start <= start) continue; // inside a name
      if (!isLetterCode(text.charCodeAt(start))) continue;
      const found = this.lexicon.longestAt(text, start, sentence.end);
      if (!found) continue;
      const entry = found.entry;
      if (entry.triggers.length === 0 && !entry.cue) continue;
      let u = t;
      while (u + 1 < sentence.tokenEnd && ends[u]! < found.end) u++;
      into.push({ start, end: ends[u]!, entry });
      t = u;
    }
  }

  clause(parts: SentenceParts, trigger: Hit): Span {
    const { text, sentence, hits } = parts;
    let start = sentence.start;
    let end = sentence.end;
    for (const h of hits) {
      if (h.entry.cue !== 'clause') continue;
      if (h.end <= trigger.start) start = Math.max(start, h.end);
      else if (h.start >= trigger.end) {
        end = Math.min(end, h.start);
        break;
      }
    }
    for (let i = trigger.start - 1; i >= start; i--) if (isClauseMark(text.charCodeAt(i))) {
      start = i + 1;
      break;
    }
    for (let i = trigger.end; i < end; i++) if (isClauseMark(text.charCodeAt(i))) {
      end = i;
      break;
    }
    return { start, end };
  }

  contextHolds(text: string, from: number, to: number, words: readonly string[], direction: 'before' | 'after'): boolean {
    const reach = direction === 'after' ? 6 : 3;
    // word starts, counted from the near end
    let count = 0;
    if (direction === 'after') {
      for (let i = from; i < to && count < reach; i++) {
        if (!isLetterCode(text.charCodeAt(i)) || (i > 0 && isLetterCode(text.charCodeAt(i - 1)))) continue;
        count++;
        for (const w of words) if (startsWithFold(text, i, w)) return true;
      }
    } else {
      for (let i = to - 1; i >= from && count < reach; i--) {
        if (!isLetterCode(text.charCodeAt(i)) || (i > 0 && isLetterCode(text.charCodeAt(i - 1)))) continue;
        count++;
        for (const w of words) if (startsWithFold(text, i, w)) return true;
      }
    }
    return false;
  }

  adjacent(text: string, from: number, to: number, reach = 1): boolean {
    let words = 0;
    let inWord = false;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x2014) return false;
      const letter = isLetterCode(c);
      if (letter && !inWord) words++;
      inWord = letter;
    }
    return words <= reach;
  }

  roles(parts: SentenceParts, trigger: Hit, pattern: TriggerPattern, clause: Span): Roles {
    const { text, actors } = parts;
    const before: SentenceActor[] = [];
    const after: SentenceActor[] = [];
    for (const a of actors) {
      if (a.start >= clause.start && a.end <= trigger.start) before.push(a);
      else if (a.start >= trigger.end && a.end <= clause.end) after.push(a);
    }
    const prep = (a: SentenceActor): string => wordBefore(text, a.start, clause.start);
    let locative: SentenceActor | undefined;
    let subject: SentenceActor | undefined;
    for (let k = before.length - 1; k >= 0; k--) {
      const a = before[k]!;
      const p = prep(a);
      if (IN.has(p)) locative ??= a.code.length > 3 ? a : undefined;
      else if (!OBLIQUE.has(p) && !TOWARD.has(p) && !looksOblique(text, a) && !objectOfEarlier(parts, a, trigger)) subject ??= a;
    }
    if (pattern.reciprocal) {
      const members: SentenceActor[] = [];
      for (const a of before) if (!OBLIQUE.has(prep(a)) && !IN.has(prep(a))) members.push(a);
      for (const a of after) {
        const p = prep(a);
        // "переговоры Путина и Си", "товарооборот между Россией и Китаем", "встретился с Си"
        if (PARTNER.has(p) || NOMINAL_LINK.has(p) || /^\s*$/.test(text.slice(trigger.end, a.start))) members.push(a);
      }
      const distinct = new Set(members.map((m) => m.code));
      if (distinct.size >= 2) return { sources: members, targets: members, reciprocal: true };
    }
    const objectAfter = (not?: SentenceActor): SentenceActor | undefined => {
      for (const a of after) {
        const p = prep(a);
        if (OBLIQUE.has(p) || IN.has(p) || (not && a.code === not.code)) continue;
        if (pattern.markedTarget && !markedBy(text, a, trigger.end)) continue;
        return a;
      }
      return undefined;
    };
    if (pattern.passiveOk && isPassive(text, trigger)) {
      const target = subject ?? objectAfter(locative);
      let source = locative;
      if (!source) for (let k = before.length - 1; k >= 0; k--) {
        const a = before[k]!;
        if (a !== target && !OBLIQUE.has(prep(a)) && a.start < (target?.start ?? trigger.start)) {
          source = a;
          break;
        }
      }
      return { sources: source ? [source] : [], targets: target && target.code !== source?.code ? [target] : [], reciprocal: false };
    }
    const source = locative ?? subject;
    const target = objectAfter(source);
    return { sources: source ? [source] : [], targets: target ? [target] : [], reciprocal: false };
  }

  adjunct(parts: SentenceParts, trigger: Hit): boolean {
    const p = wordBefore(parts.text, trigger.start, parts.sentence.start);
    return OBLIQUE.has(p) || IN.has(p);
  }

  speakerOf(parts: SentenceParts, cue: Hit): SentenceActor | undefined {
    const { text, actors, hits, sentence } = parts;
    if (cue.entry.cue === 'according') {
      // "по данным X, …": X before the comma that closes the phrase
      for (const a of actors) if (a.start >= cue.end && a.start - cue.end <= 40 && !/[,;:]/.test(text.slice(cue.end, a.start))) return a;
      return undefined;
    }
    // ", заявил Лавров", "— пишет NYT": a tag after what is said names its speaker after the verb
    const after = (): SentenceActor | undefined => {
      for (const a of actors) {
        if (a.start < cue.end) continue;
        if (a.start - cue.end > 30 || /[,.;:]/.test(text.slice(cue.end, a.start))) return undefined;
        return a;
      }
      return undefined;
    };
    if (/[,—–]\s*$/.test(text.slice(Math.max(sentence.start, cue.start - 3), cue.start))) {
      const speaker = after();
      if (speaker) return speaker;
    }
    let floor = sentence.start;
    for (const h of hits) if (h.entry.cue === 'clause' && h.end <= cue.start) floor = Math.max(floor, h.end);
    for (let i = cue.start - 1; i >= floor; i--) if (isClauseMark(text.charCodeAt(i))) {
      floor = i + 1;
      break;
    }
    for (let k = actors.length - 1; k >= 0; k--) {
      const a = actors[k]!;
      if (a.end > cue.start || a.start < floor) continue;
      const p = wordBefore(text, a.start, floor);
      if (IN.has(p) || (!OBLIQUE.has(p) && !TOWARD.has(p))) return a;
    }
    // "заявил Песков", "пишет NYT": the speaker right after the verb
    return after();
  }
}
