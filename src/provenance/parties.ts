// The other party of a provenance fact: the noun phrase after "by", "via", "to"… or the subject
// before an active verb, and the actor it names (or its own words when it names none).

import type { Span } from '../model/index.js';
import { AUXILIARIES, NEGATIONS, RELATIVE_WORDS } from './lexicon.js';
import type { TextWords } from './words.js';

export interface Party {
  span: Span;
  /** The actor the phrase names, when the resolver found one in it. */
  actor?: string;
  /** The phrase itself, when it names no actor the resolver knows ("a hacktivist group"). */
  value?: string;
}

const MAX_PHRASE = 10;
const POSSESSIVE = /^['’]s$/;
const PRONOUNS = new Set(['it', 'they', 'them', 'he', 'him', 'she', 'her', 'we', 'us', 'i', 'you', 'one', 'this', 'that', 'which', 'who', 'whom']);
/** Words inside a noun phrase that do not end it: "representatives of six agencies", "a unit within the FSB", "media including the Times". */
const PHRASE_PREPOSITIONS = new Set(['of', 'within', 'inside', 'including', 'at']);
/** Phrases after "by" that are no party: "by chance", "by mistake". */
const NOT_PARTIES = new Set(['chance', 'mistake', 'accident', 'hand', 'email', 'e-mail', 'post', 'mail', 'far', 'now', 'then', 'default', 'design']);
const QUANTIFIERS = new Set(['all', 'both', 'each', 'some', 'most', 'none', 'many', 'several', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

/** Straight and curly quotation marks, and guillemets. */
const QUOTES = new Set([34, 39, 0x201c, 0x201d, 0x2018, 0x2019, 0xab, 0xbb]);

function isNounTag(tag: string): boolean {
  return tag.startsWith('NN');
}

function isQuote(words: TextWords, i: number): boolean {
  return words.end(i) - words.start(i) === 1 && QUOTES.has(words.text.charCodeAt(words.start(i)));
}

/** Whether a word may continue a noun phrase (tags when the tagger ran, else the word's shape). */
function inPhrase(words: TextWords, i: number): boolean {
  const tag = words.tag(i);
  // a possessive, whatever the tagger made of it ("Russia’s" is sometimes read as "Russia is")
  if (POSSESSIVE.test(words.lower(i))) return true;
  if (!tag) return !words.punctuation(i) && !RELATIVE_WORDS.has(words.lower(i));
  return tag.startsWith('NN') || tag.startsWith('JJ') || tag === 'CD' || tag === 'DT' || tag === 'PDT' || tag === 'POS' || tag === 'PRP$' ||
    tag === 'VBN' || tag === 'VBG' || tag === 'PRP' || tag === 'FW' || tag === 'HYPH' || (tag === 'RB' && words.lower(i) === 'previously');
}

/** The noun phrase that begins at token i (before token `to`), or undefined when none does. */
export function phraseAfter(words: TextWords, i: number, to: number): Span | undefined {
  // quotes around a name: the “New York Times”
  while (i < to && isQuote(words, i)) i++;
  let last = -1;
  for (let j = i; j < to && j - i < MAX_PHRASE; j++) {
    const w = words.lower(j);
    if (isQuote(words, j)) continue;
    if (j > i && PHRASE_PREPOSITIONS.has(w) && j + 1 < to && !words.punctuation(j + 1)) continue;
    if (words.punctuation(j) || RELATIVE_WORDS.has(w) || w === 'and' || w === 'or' || w === 'but') break;
    // a finite verb or another preposition ends it: "obtained by hackers who posted it", "by the Times in June"
    if (!inPhrase(words, j)) break;
    last = j;
    // a pronoun is a whole phrase: "obtained by it detailed …"
    if (words.tag(j) === 'PRP') break;
  }
  if (last < 0) return undefined;
  // "by the Times last week" keeps its time words; they do no harm to the actor found in it
  return { start: words.start(i), end: words.end(last) };
}

/**
 * A phrase and the appositive after it, when the appositive names the actor and the phrase does not
 * (or names only a country): "Russia's powerful internal security agency, the FSB".
 */
export function withAppositive(words: TextWords, phrase: Span, to: number): Span {
  const own = words.actorIn(phrase);
  if (own && words.actor(own.actorId)?.kind !== 'state') return phrase;
  const comma = words.tokenAt(phrase.end);
  if (comma + 1 >= to || !words.isComma(comma)) return phrase;
  const next = phraseAfter(words, comma + 1, to);
  const named = next ? words.actorIn(next) : undefined;
  if (!next || !named || words.actor(named.actorId)?.kind === 'state' || next.end - next.start > 40) return phrase;
  // an appositive is closed by a comma or the sentence's end: "the agency, the FSB, describes", not "a group, the FSB is warning"
  const after = words.tokenAt(next.end);
  if (after < to && !words.punctuation(after)) return phrase;
  return { start: phrase.start, end: next.end };
}

/** The party a phrase names: its actor, or its own words. Undefined for pronouns and phrases that name no one. */
export function partyOf(words: TextWords, span: Span): Party | undefined {
  const resolution = words.actorIn(span);
  if (resolution) return { span, actor: resolution.actorId };
  // "published on Monday": a time is no party
  if (words.analysis.times.some((t) => t.start <= span.start && t.end >= span.end)) return undefined;
  const text = words.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  const lower = text.toLowerCase();
  if (PRONOUNS.has(lower) || NOT_PARTIES.has(lower.replace(/^(?:the|a|an)\s+/, ''))) return undefined;
  const named = actorByName(words, text);
  if (named) return { span, actor: named };
  // a party is a noun phrase: it holds a noun
  const from = words.tokenAt(span.start);
  let noun = false;
  for (let j = from; j < words.count && words.start(j) < span.end && !noun; j++) noun = isNounTag(words.tag(j)) || !words.tag(j);
  return noun ? { span, value: text } : undefined;
}

/**
 * A short name for an actor named in full elsewhere in the text: "the Times" for "The New York Times".
 * Every capitalized word of the short name must appear in the longer one, and the last ones must agree.
 */
function actorByName(words: TextWords, phrase: string): string | undefined {
  const capitalized = phrase.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w));
  if (!capitalized.length) return undefined;
  const lastWord = capitalized[capitalized.length - 1]!;
  let found: string | undefined;
  for (const r of words.resolutions) {
    const names = r.text.split(/\s+/);
    if (names[names.length - 1] !== lastWord || names.length <= capitalized.length) continue;
    if (capitalized.every((w) => names.includes(w)) && !words.actor(r.actorId)?.provisional) return r.actorId;
    found ??= capitalized.every((w) => names.includes(w)) ? r.actorId : undefined;
  }
  return found;
}

export interface Subject {
  span: Span;
  /** Whether a negation stands between the subject and the verb ("could not verify"). */
  negated: boolean;
}

/**
 * The subject of the verb at token i: the noun phrase before it, past auxiliaries and adverbs, an
 * appositive set off by commas ("Ares Leaks, a cybercrime group, obtained"), and a relative pronoun
 * ("agencies, all of which assessed"), within the sentence that starts at token `from`.
 */
export function subjectBefore(words: TextWords, i: number, from: number): Subject | undefined {
  let j = i - 1;
  let negated = false;
  while (j >= from && (AUXILIARIES.has(words.lower(j)) || words.tag(j) === 'MD' || (words.tag(j) === 'RB' && !words.punctuation(j)))) {
    if (NEGATIONS.has(words.lower(j))) negated = true;
    j--;
  }
  while (j >= from && isQuote(words, j)) j--;
  if (j < from) return undefined;
  if (RELATIVE_WORDS.has(words.lower(j))) {
    j--;
    if (j - 1 >= from && words.lower(j) === 'of' && QUANTIFIERS.has(words.lower(j - 1))) j -= 2;
    if (j >= from && words.isComma(j)) j--;
  } else if (words.isComma(j)) {
    // an appositive: the subject is the phrase before the comma that opens it
    let k = j - 1;
    while (k >= from && j - k <= 8 && !words.isComma(k)) k--;
    if (k < from || !words.isComma(k)) return undefined;
    j = k - 1;
  }
  const end = j;
  let start = -1;
  for (let k = end; k >= from && end - k < MAX_PHRASE; k--) {
    if (isQuote(words, k)) continue;
    if (words.punctuation(k) || !inPhrase(words, k)) break;
    start = k;
    const tag = words.tag(k);
    if (tag === 'DT' || tag === 'PRP$' || tag === 'PRP') break;
  }
  if (start < 0) return undefined;
  return { span: { start: words.start(start), end: words.end(end) }, negated };
}
