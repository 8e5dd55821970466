import type { Actor, ActorKind, ActorResolution, Alias, Analysis, Mention } from '../model/index.js';
import { ENTITY_KINDS } from '../model/index.js';
import { ActorDictionary, codeOn, heldOfficeOn, roleOn } from './dictionary.js';
import type { LanguageNames } from './dictionary.js';
import { caseRules } from './phrase-trie.js';
import type { Entry, PhraseTrie } from './phrase-trie.js';
import { descriptionTrie } from './coreference.js';
import type { DocumentReferenceHook } from './coreference.js';
import { caseMatches, foldCodes, scanKeyedWords, WordSpace } from './words.js';
import type { KeyedWords, StemmingFor } from './words.js';
import { sharedKeys } from './key-table.js';
import { aliasLanguage, locativeWords } from './languages.js';

export interface ResolveOptions {
  /** The document's day (YYYY-MM-DD): roles are read as of it. */
  date: string;
  /** Entity mentions from the NER, if it ran: their actorId is set, and names the dictionary lacks become provisional actors. */
  mentions?: Mention[];
  /** Resolves "the memo", "the document" to the referenced document's actor (the provenance stage). */
  documentReference?: DocumentReferenceHook;
  analysis?: Analysis;
  /**
   * The document's language (ISO 639-1): its own names (Pechino in Italian) and case endings (Путина,
   * Chinami) are matched beside the names every document matches. Unknown: Russian, Ukrainian and
   * Gujarati endings still come off words in those scripts.
   */
  language?: string;
}

export interface ResolveResult {
  resolutions: ActorResolution[];
  /** Actors referred to, in order of first mention, provisional ones included. */
  actors: Actor[];
  /** The NER mentions with actorId set, plus a mention for each dictionary name the NER did not mark. */
  mentions: Mention[];
}

// Prepositions after which a capital is a place, not an actor: "talks in Moscow".
const LOCATIVE = new Set(['in', 'at', 'to', 'from', 'near', 'outside', 'around', 'across', 'via', 'into', 'inside', 'through', 'toward', 'towards', 'visit', 'visited', 'visiting', 'arrived', 'based', 'en', 'в', 'во', 'из', 'под', 'на', 'у', '在', '到', '赴', '抵达']);
// Words that end the short gap allowed between a country word and its agent noun.
const GAP_BREAK = new Set(['of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'by', 'from', 'as', 'at', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'that', 'which', 'who', 'the', 'a', 'an', 'than', 'but', 'its', 'their', 'his', 'her', 'this', 'these', 'those', 'will', 'would', 'could', 'may', 'can', 'said', 'says']);
// The same words as key ids: every one is interned, so a text word that spells one always finds its id.
const LOCATIVE_IDS = new Set([...LOCATIVE].map((w) => sharedKeys.internString(w)));
const localLocatives = new Map<string, Set<number>>();

/** The key ids of the words after which a capital is a place, in a document's language beside the shared ones. */
function locativesOf(language: string | undefined): Set<number> {
  const key = aliasLanguage(language) ?? '';
  let ids = localLocatives.get(key);
  if (!ids) {
    ids = new Set(LOCATIVE_IDS);
    // each word folded as the scanner folds it ("à" is "a"), one phrase of one word
    for (const word of locativeWords(key)) ids.add(sharedKeys.intern(foldCodes(word), 0, word.length));
    localLocatives.set(key, ids);
  }
  return ids;
}
const GAP_BREAK_IDS = new Set([...GAP_BREAK].map((w) => sharedKeys.internString(w)));
const KEY_S = sharedKeys.internString('s');
const KEY_OF = sharedKeys.internString('of');
const KEY_THE = sharedKeys.internString('the');
const KIND_PRIORITY: Partial<Record<ActorKind, number>> = { state: 9, igo: 8, agency: 7, government: 7, military: 7, company: 6, leader: 5, group: 4, person: 3 };
/** Endings of demonyms for one person ("Libyan", "Sudanese", "Iraqi", "Turk", "Swede"), not of place names ("Athen", "Jersey"). */
const PEOPLE_SHAPE = /(?:an|ese|ish|i|k|e|ch)$/;
const DEMONYM_SHAPE = /(ian|ians|ese|ish|ean|eans|can|cans|ch|i|man|mans|et|ets)$/i;

interface Hit {
  end: number;
  entries: Entry[];
}

function longestMatch(trie: PhraseTrie, words: KeyedWords, text: string, i: number, ids: Int32Array = words.ids): Hit | undefined {
  let node = -1;
  let best: Hit | undefined;
  for (let j = i; j < words.count; j++) {
    if (j > i && !words.joined[j - 1]) break;
    node = j === i ? trie.first(ids[j]!) : trie.next(node, ids[j]!);
    if (node < 0) break;
    const entries = trie.entries(node);
    if (entries) {
      const ok = entriesMatchingCase(entries, words, text, i);
      if (ok) best = { end: j + 1, entries: ok };
    }
  }
  return best;
}

/** The words of a document with the language tries it matches and their key rows. */
interface DocumentWords {
  words: KeyedWords;
  locals: readonly LanguageNames[];
  /** Per local trie, the key ids of the words in it (a stem row, or the plain ids). */
  rows: Int32Array[];
  /** Per local trie, the words' other readings under its stemmer (-1 for none), or undefined without one. */
  others: (Int32Array | undefined)[];
}

/**
 * The longest dictionary name at word i: the shared names' hit (found by the caller, so that a document
 * without names of its own language costs nothing more), or a longer one of the document's language; hits of
 * equal spans join their entries. Japanese writes a katakana word without spaces, so a name in katakana must
 * not begin or end inside a longer run of katakana (タイ, Thailand, in タイムズ).
 */
function longestName(shared: Hit | undefined, doc: DocumentWords, text: string, i: number, agents = false): Hit | undefined {
  let best = shared;
  for (let k = 0; k < doc.locals.length; k++) {
    const local = doc.locals[k]!;
    const trie = agents ? local.agents : local.names;
    const other = doc.others[k];
    const hit = other ? longestReading(trie, doc.words, text, i, i, -1, doc.rows[k]!, other, undefined) : longestMatch(trie, doc.words, text, i, doc.rows[k]);
    if (!hit) continue;
    if (!best || hit.end > best.end) best = hit;
    else if (hit.end === best.end) best = { end: best.end, entries: best.entries.concat(hit.entries) };
  }
  if (!best) return best;
  const start = doc.words.starts[i]!;
  const end = doc.words.ends[best.end - 1]!;
  const inside = isKatakana(text.charCodeAt(start)) && ((start > 0 && isKatakana(text.charCodeAt(start - 1))) || (isKatakana(text.charCodeAt(end - 1)) && isKatakana(text.charCodeAt(end))));
  return inside ? undefined : best;
}

/** Katakana letters and the long-vowel mark, which write one word without spaces between them. */
function isKatakana(code: number): boolean {
  return code >= 0x30a1 && code <= 0x30fc && code !== 0x30fb;
}

/**
 * longestMatch where a word may have two readings (its stem, or the one a shorter ending leaves): the
 * longest phrase from word i through any choice of readings, walked from `node` at word j.
 */
function longestReading(trie: PhraseTrie, words: KeyedWords, text: string, i: number, j: number, node: number, ids: Int32Array, others: Int32Array, best: Hit | undefined): Hit | undefined {
  if (j > i && !words.joined[j - 1]) return best;
  for (let r = 0; r < 2; r++) {
    const id = r === 0 ? ids[j]! : others[j]!;
    if (id < 0 || (r === 1 && id === ids[j])) continue;
    const next = j === i ? trie.first(id) : trie.next(node, id);
    if (next < 0) continue;
    const entries = trie.entries(next);
    if (entries && (!best || j + 1 > best.end)) {
      const ok = entriesMatchingCase(entries, words, text, i);
      if (ok) best = { end: j + 1, entries: ok };
    }
    if (j + 1 < words.count) best = longestReading(trie, words, text, i, j + 1, next, ids, others, best);
  }
  return best;
}

/** The entries whose case rules the text's words at i… satisfy, or undefined for none. */
function entriesMatchingCase(entries: Entry[], words: KeyedWords, text: string, i: number): Entry[] | undefined {
  let ok: Entry[] | undefined;
  for (let n = 0; n < entries.length; n++) {
    const e = entries[n]!;
    let matches = true;
    const rules = caseRules(e);
    for (let k = 0; k < rules.length && matches; k++) matches = caseMatches(text, words.starts[i + k]!, words.ends[i + k]!, rules[k]!);
    // ok stays undefined while every entry so far matched; the first that does not starts a list of those that do
    if (matches) {
      if (ok) ok.push(e);
    } else if (!ok) ok = entries.slice(0, n);
  }
  // when every entry matches, the trie's own list serves (nothing changes the lists it hands out)
  return ok ? (ok.length ? ok : undefined) : entries.length ? entries : undefined;
}

function isUpperWord(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  return word.length >= 2 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Whether word i sits in a run of capitals (a wire headline), where case tells nothing. */
/**
 * One-character Chinese abbreviations of countries and regions (中 China, 俄 Russia, 美 America): each is
 * also a common character (其中, 中心, 美丽), so it names its country only beside another (中俄, 美中) or
 * before a word of its own (中方, 美媒, 俄军).
 */
const HAN_ABBREVIATIONS = '中俄露美米日英法仏德独獨乌烏朝韩韓印欧歐台港澳越蒙伊以巴土加豪';
const HAN_ABBREVIATION_SUFFIXES = '方媒军軍籍企资資裔关關两兩';

function boundHanAbbreviation(text: string, start: number, end: number): boolean {
  if (end - start !== 1 || !HAN_ABBREVIATIONS.includes(text[start]!)) return true;
  const before = text[start - 1];
  const after = text[end];
  return (before !== undefined && HAN_ABBREVIATIONS.includes(before)) ||
    (after !== undefined && (HAN_ABBREVIATIONS.includes(after) || HAN_ABBREVIATION_SUFFIXES.includes(after)));
}

function shouting(words: KeyedWords, text: string, i: number): boolean {
  if (!isUpperWord(text, words.starts[i]!, words.ends[i]!)) return false;
  const before = i > 0 && isUpperWord(text, words.starts[i - 1]!, words.ends[i - 1]!);
  const after = i + 1 < words.count && isUpperWord(text, words.starts[i + 1]!, words.ends[i + 1]!);
  return before || after;
}

const ASCII = /^[\x00-\x7f]*$/;

function slugOf(text: string): string {
  // ASCII needs no accent stripping, and its letters and digits are the ASCII ones
  if (ASCII.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

/** Actors' codes and offices on one date. */
interface FactsOnDate {
  date: string;
  codes: WeakMap<Actor, string>;
  held: WeakMap<Actor, boolean>;
}

/**
 * Memos a resolver keeps across documents, of pure functions only: an actor's code and office on a date
 * (kept until another date is asked for: documents often share one), and the slug of a provisional name
 * ("Reuters", "Commerce Department" recur). Dropping them changes nothing but speed.
 */
class ResolverMemo {
  private facts: FactsOnDate = { date: '', codes: new WeakMap(), held: new WeakMap() };
  private readonly slugs = new Map<string, string>();

  factsOn(date: string): FactsOnDate {
    if (this.facts.date !== date) this.facts = { date, codes: new WeakMap(), held: new WeakMap() };
    return this.facts;
  }

  heldOffice(actor: Actor, date: string): boolean {
    const facts = this.factsOn(date);
    let held = facts.held.get(actor);
    if (held === undefined) facts.held.set(actor, (held = heldOfficeOn(actor, date)));
    return held;
  }

  slug(text: string): string {
    let made = this.slugs.get(text);
    if (made === undefined) {
      if (this.slugs.size >= 50_000) this.slugs.clear();
      this.slugs.set(text, (made = slugOf(text)));
    }
    return made;
  }
}

/** One document's resolution: the state that coreference reads (what was named, in order). */
class DocumentResolution {
  readonly resolutions: ActorResolution[] = [];
  readonly order: Actor[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly dict: ActorDictionary,
    readonly memo: ResolverMemo,
    readonly text: string,
    readonly date: string,
    private readonly words: KeyedWords,
  ) {}

  private readonly lowerAnswers = new Map<string, boolean>();

  /** Whether the text writes this word in lower case somewhere (a few names ask; most words are never sliced). */
  readonly writesInLowerCase = (lower: string): boolean => {
    let answer = this.lowerAnswers.get(lower);
    if (answer === undefined) {
      answer = false;
      const { starts, ends, count } = this.words;
      const first = lower.charCodeAt(0);
      for (let i = 0; i < count && !answer; i++) {
        if (ends[i]! - starts[i]! !== lower.length || this.text.charCodeAt(starts[i]!) !== first) continue;
        const word = this.text.slice(starts[i]!, ends[i]!);
        answer = word === lower && word === word.toLowerCase() && word !== word.toUpperCase();
      }
      this.lowerAnswers.set(lower, answer);
    }
    return answer;
  };

  private readonly plausible = new Map<string, boolean>();

  /** plausibleName, once per name and document (NER spans repeat a name). */
  plausibleName(name: string): boolean {
    let answer = this.plausible.get(name);
    if (answer === undefined) this.plausible.set(name, (answer = plausibleName(name, this.writesInLowerCase)));
    return answer;
  }

  has(id: string): boolean {
    return this.seen.has(id);
  }

  /** The actor's code on the document's date, worked out once per actor and date (leaders carry long role histories). */
  codeOf(actor: Actor): string {
    const facts = this.memo.factsOn(this.date);
    let code = facts.codes.get(actor);
    if (code === undefined) facts.codes.set(actor, (code = codeOn(actor, this.date)));
    return code;
  }

  add(start: number, end: number, actor: Actor, method: string, confidence: number, code = this.codeOf(actor)): void {
    this.resolutions.push({ start, end, text: this.text.slice(start, end), actorId: actor.id, code, method, confidence });
    if (!this.seen.has(actor.id)) {
      this.seen.add(actor.id);
      this.order.push(actor);
    }
    this.recent.push(actor);
  }

  /** Drops the last resolution: a country word that turned out to open a longer phrase ("Chinese operatives"). */
  replaceLast(): void {
    this.resolutions.pop();
    this.recent.pop();
  }

  /** Actors in order of their latest mention, most recent last. */
  readonly recent: Actor[] = [];

  lastOf(kinds: readonly ActorKind[]): Actor | undefined {
    for (let i = this.recent.length - 1; i >= 0; i--) if (kinds.includes(this.recent[i]!.kind)) return this.recent[i];
    return undefined;
  }

  /** The last two distinct countries named (a state or one of its sector actors). */
  lastTwoCountries(): Actor[] {
    const out: Actor[] = [];
    for (let i = this.recent.length - 1; i >= 0 && out.length < 2; i--) {
      const a = this.recent[i]!;
      const country = a.kind === 'state' ? a.id : a.kind === 'leader' || a.kind === 'person' ? undefined : a.country;
      const state = country ? this.dict.get(country) : undefined;
      if (state && state.kind === 'state' && !out.includes(state)) out.push(state);
    }
    return out.reverse();
  }
}

function pickStrong(doc: DocumentResolution, candidates: Actor[]): Actor {
  let best = candidates[0]!;
  let bestScore = -1;
  for (const a of candidates) {
    const score =
      (doc.has(a.id) ? 100 : 0) +
      ((a.kind === 'leader' || a.kind === 'person') && doc.memo.heldOffice(a, doc.date) ? 20 : 0) +
      (KIND_PRIORITY[a.kind] ?? 0) + (a.id.length <= 3 ? 1 : 0);
    if (score > bestScore) (best = a), (bestScore = score);
  }
  return best;
}

/** Surnames: the person named in full earlier in the document, else the one in office on the date. */
function pickWeak(doc: DocumentResolution, candidates: Actor[]): { actor: Actor; method: string; confidence: number } | undefined {
  const named = candidates.filter((a) => doc.has(a.id));
  if (named.length) return { actor: named[named.length - 1]!, method: 'coreference', confidence: 0.85 };
  let best: Actor | undefined;
  let bestRank = -1;
  for (const a of candidates) {
    if (!doc.memo.heldOffice(a, doc.date)) continue;
    const role = roleOn(a, doc.date)!;
    if (/(ELI|OPP|BUS)$/.test(role.code)) continue;
    const rank = /GOV$/.test(role.code) ? 1 : 0;
    if (rank > bestRank || (rank === bestRank && (role.from ?? '') > (roleOn(best!, doc.date)?.from ?? ''))) (best = a), (bestRank = rank);
  }
  return best ? { actor: best, method: 'surname+date', confidence: 0.7 } : undefined;
}

/**
 * Whether a bare surname the document names nobody by in full is more likely a word of the text's own
 * language than the name: the text also writes it in lower case (Italian "guerra"), or writes it with
 * marks the name lacks (Icelandic "Rússa" is not "Russa"). Short foreign words would otherwise pass for
 * any office-holder's surname.
 */
function notTheName(doc: DocumentResolution, start: number, end: number, entries: readonly Entry[]): boolean {
  const written = doc.text.slice(start, end);
  let most = 0;
  for (const e of entries) most = Math.max(most, marks(e.phrase));
  if (marks(written) > most) return true;
  const lower = written.toLowerCase();
  return lower !== written && !/\s/.test(written) && doc.writesInLowerCase(lower);
}

/** How many combining marks a text has once decomposed (é is e and an accent). */
function marks(text: string): number {
  let n = 0;
  for (const ch of text.normalize('NFD')) if (/\p{M}/u.test(ch)) n++;
  return n;
}

/**
 * Whether the period between word [start, end) and the word at `next` ends a sentence ("… к Кремлю.
 * Спецслужбы считают"), rather than an abbreviation ("U.S. intelligence"): the word is no initialism
 * (not all capitals, three letters or more) and the next one is capitalized.
 */
function endsSentence(text: string, start: number, end: number, next: number): boolean {
  if (text.indexOf('.', end) < 0 || text.indexOf('.', end) >= next) return false;
  const word = text.slice(start, end);
  const following = text[next]!;
  return word.length >= 3 && word !== word.toUpperCase() && following !== following.toLowerCase();
}

/** After a country word (or a capital's possessive), an agent noun names one of its sectors. */
function agentAfter(dict: ActorDictionary, doc: DocumentWords, text: string, end: number): { sector: string; end: number } | undefined {
  const words = doc.words;
  let j = end;
  if (j < words.count && words.ids[j] === KEY_S && words.joined[j - 1] && /['’]/.test(text.slice(words.ends[j - 1]!, words.starts[j]!))) j++;
  for (let skipped = 0; skipped <= 1 && j < words.count; skipped++) {
    if (!words.joined[j - 1] || endsSentence(text, words.starts[j - 1]!, words.ends[j - 1]!, words.starts[j]!)) return undefined;
    const hit = longestName(longestMatch(dict.agents, words, text, j), doc, text, j, true);
    if (hit) return { sector: hit.entries[0]!.target, end: hit.end };
    const first = text[words.starts[j]!]!;
    if (GAP_BREAK_IDS.has(words.ids[j]!) || first !== first.toLowerCase() || words.digits[j] === 1) return undefined;
    if (looksFinite(text, words.starts[j]!, words.ends[j]!)) return undefined;
    j++;
  }
  return undefined;
}

/** Adjectives in -ed that stand between a country and its forces ("Russian armed forces", "US allied troops"). */
const ED_ADJECTIVES = new Set(['armed', 'allied', 'combined', 'united', 'unidentified', 'unnamed', 'masked', 'advanced', 'elected', 'detained']);

/**
 * Whether a gap word reads as the verb of a clause ("Russia mobilized troops", "Britain sends forces"): then the
 * agent noun after it is the verb's object, not the country's sector.
 */
function looksFinite(text: string, start: number, end: number): boolean {
  if (end - start < 4) return false;
  const word = text.slice(start, end).toLowerCase();
  if (word.endsWith('ed')) return !ED_ADJECTIVES.has(word);
  return word.endsWith('s') && !/(?:ss|us|is)$/.test(word);
}

const KEY_FROM = sharedKeys.internString('from');
const KEY_AND = sharedKeys.internString('and');

/** An office before "of" / "of the" / "from" right before word i ("the mayor of", "leaders from"): where it starts and its sector. */
function officeBefore(dict: ActorDictionary, words: KeyedWords, text: string, i: number): { start: number; sector: string; last: number } | undefined {
  let of = i - 1;
  if (of >= 0 && words.ids[of] === KEY_THE) of--;
  if (of < 1 || (words.ids[of] !== KEY_OF && words.ids[of] !== KEY_FROM)) return undefined;
  for (let s = Math.max(0, of - 3); s < of; s++) {
    const hit = longestMatch(dict.agents, words, text, s);
    if (hit && hit.end === of) return { start: s, sector: hit.entries[0]!.target, last: i };
  }
  return undefined;
}

/** Whether word i follows the previous place of an office only through "," and "and" ("leaders of Russia, China and India"). */
function listedAfterPrevious(words: KeyedWords, text: string, previousEnd: number, i: number): boolean {
  if (previousEnd < 1 || i < previousEnd || i - previousEnd > 1) return false;
  if (i > previousEnd && words.ids[previousEnd] !== KEY_AND) return false;
  return /^[\s,]*(?:and)?[\s,]*$/.test(text.slice(words.ends[previousEnd - 1]!, words.starts[i]!)) && text.slice(words.ends[previousEnd - 1]!, words.starts[i]!).trim() !== '';
}

/** "Albanians", "Libyans", "Turks": a capitalized plural of a state's demonym names its people, coded as the state. */
function pluralDemonym(dict: ActorDictionary, text: string, start: number, end: number): Actor | undefined {
  if (end - start < 5 || text.charCodeAt(end - 1) !== 115 /* s */) return undefined;
  const first = text.charCodeAt(start);
  if (first < 65 || first > 90) return undefined;
  const singular = text.slice(start, end - 1);
  if (!PEOPLE_SHAPE.test(singular)) return undefined;
  for (const actor of dict.lookup(singular)) if (actor.kind === 'state' && actor.name !== singular) return actor;
  return undefined;
}

/**
 * Resolves texts against one dictionary. What it keeps between texts is memoization (ResolverMemo) and the
 * space the words of the text being resolved are scanned into, reused so that a document costs no allocation.
 */
export class ActorResolver {
  private readonly memo = new ResolverMemo();
  private readonly words = new WordSpace();
  // A nested resolution (through a hook) scans into arrays of its own.
  private wordsBusy = false;

  constructor(readonly dict: ActorDictionary) {
    descriptionTrie(); // built before any text is scanned: it interns its words
  }

  resolve(text: string, options: ResolveOptions): ResolveResult {
    if (this.wordsBusy) return resolveWith(this.dict, this.memo, text, options, undefined);
    this.wordsBusy = true;
    try {
      return resolveWith(this.dict, this.memo, text, options, this.words);
    } finally {
      this.wordsBusy = false;
    }
  }

  /** Fills an analysis's resolutions, actors and mentions, as of the document's date. */
  resolveAnalysis(analysis: Analysis, hook?: DocumentReferenceHook): void {
    const result = this.resolve(analysis.document.text, {
      date: analysis.document.date.day,
      mentions: analysis.mentions,
      documentReference: hook,
      analysis,
      language: analysis.document.language,
    });
    analysis.resolutions = result.resolutions;
    const known = new Set(analysis.actors.map((a) => a.id));
    const names = namesUsed(result.resolutions);
    for (const a of result.actors) if (!known.has(a.id)) analysis.actors.push({ ...a, aliases: names.get(a.id) ?? [] });
    analysis.mentions = result.mentions;
  }
}

/** One text, resolved by a resolver of its own (one that resolves many keeps its memos: see ActorResolver). */
export function resolveActors(dict: ActorDictionary, text: string, options: ResolveOptions): ResolveResult {
  return new ActorResolver(dict).resolve(text, options);
}

function resolveWith(dict: ActorDictionary, memo: ResolverMemo, text: string, options: ResolveOptions, space: WordSpace | undefined): ResolveResult {
  const date = options.date;
  const descriptions = descriptionTrie(); // before the scan: it interns its words
  const locatives = locativesOf(options.language); // before the scan: it interns its words
  const locals = dict.localNames(options.language);
  const stemmings: StemmingFor[] = [];
  for (const l of locals) if (l.stemming) stemmings.push(l.stemming);
  const words = scanKeyedWords(text, sharedKeys, space, stemmings);
  const rows: Int32Array[] = [];
  const others: (Int32Array | undefined)[] = [];
  for (let k = 0, row = 0; k < locals.length; k++) {
    const stemmed = locals[k]!.stemming !== undefined;
    rows.push(stemmed ? words.stems[row++]! : words.ids);
    others.push(stemmed ? words.stems[row++]! : undefined);
  }
  const docWords: DocumentWords = { words, locals, rows, others };
  const doc = new DocumentResolution(dict, memo, text, date, words);
  const dictionaryHits: { start: number; end: number; actor: Actor; method: string }[] = [];
  const nationalities = nationalityStarts(options.mentions);

  // acronyms a text defines for a name it just used: "the Main Intelligence Directorate (GUR)"
  const localAcronyms = new Map<string, Actor>();
  const learnAcronym = (end: number, actor: Actor) => {
    const m = /^\s*\(([\p{Lu}]{2,8})\)/u.exec(text.slice(end, end + 12));
    if (m && !localAcronyms.has(m[1]!)) localAcronyms.set(m[1]!, actor);
  };

  // An office named before "of": its sector, and the word after the last place it was given to (for "of A and B").
  let office: { start: number; sector: string; last: number } | undefined;
  for (let i = 0; i < words.count; ) {
    const start = words.starts[i]!;
    const local = localAcronyms.size ? localAcronyms.get(text.slice(start, words.ends[i]!)) : undefined;
    if (local && !(i > 0 && text[start - 1] === '(')) {
      doc.add(start, words.ends[i]!, local, 'coreference', 0.8);
      dictionaryHits.push({ start, end: words.ends[i]!, actor: local, method: 'coreference' });
      i++;
      continue;
    }
    const shared = longestMatch(dict.names, words, text, i);
    const hit = shared || docWords.locals.length ? longestName(shared, docWords, text, i) : undefined;
    if (!hit) {
      const people = pluralDemonym(dict, text, start, words.ends[i]!);
      if (people) {
        doc.add(start, words.ends[i]!, people, 'alias', 0.8);
        i++;
        continue;
      }
      const described = longestMatch(descriptions.trie, words, text, i);
      // "the Ministry of State Security" is a name, not "the ministry"
      const name = described && i + 1 < words.count ? longestName(longestMatch(dict.names, words, text, i + 1), docWords, text, i + 1) : undefined;
      const ofName = described && described.end + 1 < words.count && words.ids[described.end] === KEY_OF && /\p{Lu}/u.test(text[words.starts[described.end + 1]!]!);
      if (described && !ofName && !(name && name.end > described.end)) {
        resolveDescription(doc, descriptions.antecedents[Number(described.entries[0]!.target)]!, start, words.ends[described.end - 1]!, options);
        i = described.end;
      } else i++;
      continue;
    }
    const end = words.ends[hit.end - 1]!;
    if (hit.end - i === 1 && !boundHanAbbreviation(text, start, end)) {
      i++;
      continue;
    }
    if (hit.end - i === 1 && shouting(words, text, i)) {
      // in an all-capitals headline only country names and capitals count as one-word names
      hit.entries = hit.entries.filter((e) => e.kind === 'metonym' || (e.kind === 'alias' && dict.get(e.target)?.kind === 'state'));
      if (!hit.entries.length) {
        i++;
        continue;
      }
    }
    const strong: Actor[] = [];
    for (const e of hit.entries) {
      const actor = e.kind === 'alias' ? dict.get(e.target) : undefined;
      if (actor) strong.push(actor);
    }
    const metonym = hit.entries.find((e) => e.kind === 'metonym');
    let actor: Actor | undefined;
    let country: string | undefined;
    if (strong.length) {
      actor = pickStrong(doc, strong);
      // a nationality the recognizer marks in the plural names the people, not the state ("Russians protested")
      if (actor.kind === 'state' && isPeople(dict, actor, nationalities, start, end, text)) actor = dict.sectorActor(actor.id, 'CVL');
      const kind = actor.kind;
      const multiword = hit.end - i > 1;
      doc.add(start, end, actor, 'alias', multiword ? 0.9 : 0.85);
      dictionaryHits.push({ start, end, actor, method: 'alias' });
      if (multiword) learnAcronym(end, actor);
      if (kind === 'state') country = actor.id;
    } else if (metonym) {
      const before = i > 0 && words.ids[i - 1] === KEY_THE ? i - 2 : i - 1;
      const place = dict.get(metonym.place!);
      // a capital after "in", or inside a longer name the recognizer found ("Moscow State University"), is a place
      if (((before >= 0 && locatives.has(words.ids[before]!)) || insideLongerName(options.mentions, start, end)) && place) {
        doc.add(start, end, place, 'place', 0.6);
        dictionaryHits.push({ start, end, actor: place, method: 'place' });
      } else {
        actor = dict.get(metonym.target) ?? dict.sectorActor(metonym.place!, metonym.target.slice(3) || 'GOV');
        doc.add(start, end, actor, 'metonym', 0.8);
        dictionaryHits.push({ start, end, actor, method: 'metonym' });
        country = metonym.place;
      }
    } else {
      const candidates: Actor[] = [];
      for (const e of hit.entries) {
        const candidate = dict.get(e.target);
        if (candidate) candidates.push(candidate);
      }
      const chosen = pickWeak(doc, candidates);
      if (chosen && !(chosen.method === 'surname+date' && notTheName(doc, start, end, hit.entries))) {
        doc.add(start, end, chosen.actor, chosen.method, chosen.confidence);
        dictionaryHits.push({ start, end, actor: chosen.actor, method: chosen.method });
      }
    }
    if (country) {
      const agent = agentAfter(dict, docWords, text, hit.end);
      if (agent) {
        const sectorActor = dict.sectorActor(country, agent.sector);
        doc.replaceLast();
        doc.add(start, words.ends[agent.end - 1]!, sectorActor, metonym && !strong.length ? 'metonym+agent' : 'demonym+agent', 0.75);
        office = undefined;
        i = agent.end;
        continue;
      }
    }
    // "the mayor of Kyiv", "leaders of Russia and China": an office of a place is its government (or other sector).
    const state = country ?? (metonym ? metonym.place : undefined);
    if (state && dict.get(state)?.kind === 'state') {
      const before = officeBefore(dict, words, text, i);
      if (before) office = before;
      else if (office && !listedAfterPrevious(words, text, office.last, i)) office = undefined;
      if (office) {
        const at = office.start < 0 ? start : words.starts[office.start]!;
        doc.replaceLast();
        doc.add(office.start >= 0 && before ? at : start, end, dict.sectorActor(state, office.sector), 'office-of', 0.75);
        office = { start: -1, sector: office.sector, last: hit.end };
      }
    } else office = undefined;
    i = hit.end;
  }

  const mentions = linkMentions(dict, doc, options.mentions ?? [], dictionaryHits, options.language);
  doc.resolutions.sort((a, b) => a.start - b.start || b.end - a.end);
  return { resolutions: doc.resolutions, actors: doc.order, mentions };
}

function resolveDescription(
  doc: DocumentResolution,
  antecedent: ReturnType<typeof descriptionTrie>['antecedents'][number],
  start: number,
  end: number,
  options: ResolveOptions,
): void {
  if (antecedent.kind === 'document') {
    const actor = options.documentReference?.(options.analysis, { start, end }, doc.text.slice(start, end));
    if (actor) doc.add(start, end, actor, 'coreference', 0.6, actor.id);
    return;
  }
  if (antecedent.kind === 'pair') {
    for (const state of doc.lastTwoCountries()) doc.add(start, end, state, 'coreference', 0.6);
    return;
  }
  const actor = doc.lastOf(antecedent.of);
  if (actor) doc.add(start, end, actor, 'coreference', 0.6);
}

/** Whether a code unit is white space as \s and trim() read it. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** The runs of non-space characters: text.trim().split(/\s+/) without its empty strings. */
function spaceSeparated(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpace(text.charCodeAt(i));
    if (space && start >= 0) {
      words.push(text.slice(start, i));
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  return words;
}

/** The last element of text.trim().split(/\s+/). */
function lastWord(text: string): string {
  const trimmed = text.trim();
  let k = trimmed.length;
  while (k > 0 && !isSpace(trimmed.charCodeAt(k - 1))) k--;
  return trimmed.slice(k);
}

/** /^(the|a|an)$/i: only ASCII letters match these without the u flag. */
function isArticle(word: string): boolean {
  if (word.length > 3) return false;
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) >= 128) return false;
  const lower = word.toLowerCase();
  return lower === 'the' || lower === 'a' || lower === 'an';
}

/** Kinds of name that become actors when the dictionary lacks them: people, organizations, places. */
const ACTOR_KINDS: ReadonlySet<string> = new Set(['PER', 'ORG', 'GPE', 'LOC', 'FAC']);

/** Whether a name the recognizer found (not a place or nationality) reaches past [start, end) on either side. */
function insideLongerName(mentions: readonly Mention[] | undefined, start: number, end: number): boolean {
  if (!mentions) return false;
  for (const m of mentions) {
    if (m.start > start) break;
    if (m.end >= end && (m.start < start || m.end > end) && ENTITY_KINDS.has(m.kind) && m.kind !== 'GPE' && m.kind !== 'LOC' && m.kind !== 'NORP') return true;
  }
  return false;
}

/** Where the recognizer marks a nationality (NORP): mention start → end. */
function nationalityStarts(mentions: readonly Mention[] | undefined): Map<number, number> | undefined {
  let out: Map<number, number> | undefined;
  if (mentions) for (const m of mentions) if (m.kind === 'NORP') (out ??= new Map()).set(m.start, m.end);
  return out;
}

/** A nationality in the plural ("Russians"): its singular names the same state ("Russian"). */
function isPeople(dict: ActorDictionary, state: Actor, nationalities: Map<number, number> | undefined, start: number, end: number, text: string): boolean {
  if (!nationalities || nationalities.get(start) !== end || end - start < 4) return false;
  const c = text.charCodeAt(end - 1);
  if (c !== 0x73 && c !== 0x53) return false; // s, S
  return dict.lookup(text.slice(start, end - 1)).includes(state);
}

/** Whether text[from, to) is an article and the space after it ("The " before "New York Times"). */
function articleBefore(text: string, from: number, to: number): boolean {
  const words = spaceSeparated(text.slice(from, to));
  return words.length === 1 && isArticle(words[0]!) && isSpace(text.charCodeAt(to - 1));
}

const NAME_JOINERS = new Set(['of', 'and', 'the', 'de', 'du', 'da', 'del', 'der', 'van', 'von', 'al', 'bin', 'for', 'on', 'la', 'le', '&']);

/**
 * Whether an NER span looks like a name worth an actor: at most six words, every content word
 * capitalized (or not in a cased script), and not one word the text also uses in lower case.
 */
function plausibleName(name: string, writesInLowerCase: (lower: string) => boolean): boolean {
  const words = spaceSeparated(name);
  while (words.length && isArticle(words[0]!)) words.shift();
  if (!words.length || words.length > 6) return false;
  for (const w of words) {
    if (NAME_JOINERS.has(w.toLowerCase())) continue;
    const first = w[0]!;
    if (first === first.toLowerCase() && first !== first.toUpperCase()) return false;
  }
  if (words.length === 1) {
    const word = words[0]!;
    if (word.length < 2) return false;
    if (word !== word.toLowerCase() && writesInLowerCase(word.toLowerCase())) return false;
  }
  return true;
}

/** Spans sorted by start, with the longest span's length: overlap queries by binary search. */
class SpanIndex<T extends { start: number; end: number }> {
  private readonly sorted: T[];
  private readonly longest: number;

  constructor(spans: T[]) {
    this.sorted = [...spans].sort((a, b) => a.start - b.start);
    this.longest = this.sorted.reduce((m, s) => Math.max(m, s.end - s.start), 0);
  }

  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    for (let i = this.firstCandidate(start); i < this.sorted.length && this.sorted[i]!.start < end; i++) {
      const s = this.sorted[i]!;
      if (s.end > start) out.push(s);
    }
    return out;
  }

  overlaps(start: number, end: number): boolean {
    for (let i = this.firstCandidate(start); i < this.sorted.length && this.sorted[i]!.start < end; i++) {
      if (this.sorted[i]!.end > start) return true;
    }
    return false;
  }

  /** The first span that can reach past start: none before it starts late enough. */
  private firstCandidate(start: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    const from = start - this.longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]!.start < from) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function linkMentions(
  dict: ActorDictionary,
  doc: DocumentResolution,
  nerMentions: Mention[],
  hits: { start: number; end: number; actor: Actor; method: string }[],
  language: string | undefined,
): Mention[] {
  const provisionalBySurname = new Map<string, Actor>();
  const provisionalByText = new Map<string, Actor>();
  // names only: values (dates, amounts, numbers) never become actors
  const entities = nerMentions.filter((m) => ENTITY_KINDS.has(m.kind)).sort((a, b) => a.start - b.start);
  // dictionary hits never share a start (the scan moves past each), so the start alone finds one
  const hitAt = new Map<number, (typeof hits)[number]>();
  for (const h of hits) hitAt.set(h.start, h);
  const resolved = new SpanIndex(doc.resolutions.filter((r) => r.method !== 'coreference'));
  for (const m of entities) {
    // the name the dictionary matched on exactly this span ("Russia" in "Russia's military")
    const exact = hitAt.get(m.start);
    if (exact && exact.end === m.end) {
      m.actorId = exact.actor.id;
      continue;
    }
    // a demonym or place inside a longer phrase names its state ("Russian" in "Russian President Putin")
    if (m.kind === 'GPE' || m.kind === 'LOC' || m.kind === 'NORP' || m.kind === 'MISC') {
      const state = dict.lookup(m.text, language).find((a) => a.kind === 'state');
      if (state) {
        m.actorId = state.id;
        continue;
      }
    }
    const overlapping = resolved
      .overlapping(m.start, m.end)
      .sort((a, b) => Math.min(b.end, m.end) - Math.max(b.start, m.start) - (Math.min(a.end, m.end) - Math.max(a.start, m.start)));
    // "The New York Times" is the name the dictionary knows as "New York Times"
    const covering = overlapping.find((r) => r.start <= m.start && r.end >= m.end) ?? overlapping.find((r) => r.end === m.end && articleBefore(doc.text, m.start, r.start));
    // a name inside a longer name ("Kazan" in "Kazan Drone Bureau") does not make the longer one
    if (covering || (overlapping.length && (!ACTOR_KINDS.has(m.kind) || m.kind === 'LOC' || m.kind === 'GPE' || !doc.plausibleName(m.text)))) {
      m.actorId = (covering ?? overlapping[0]!).actorId;
      continue;
    }
    // nationalities, works, laws, events, products, languages: names, but not of actors
    if (!ACTOR_KINDS.has(m.kind)) continue;
    // a name the dictionary knows in another case or as a weak alias, now backed by the NER
    const known = dict.lookup(m.text, language).filter((a) => a.kind === (m.kind === 'PER' ? 'leader' : a.kind) || (m.kind === 'PER' && a.kind === 'person'));
    if (known.length) {
      const actor = pickStrong(doc, known);
      doc.add(m.start, m.end, actor, 'ner+alias', 0.6);
      m.actorId = actor.id;
      continue;
    }
    if (!doc.plausibleName(m.text)) continue; // left in the mentions without an actor, for review
    const surname = lastWord(m.text);
    let actor = provisionalByText.get(m.text) ?? (m.kind === 'PER' ? provisionalBySurname.get(surname) : undefined);
    if (!actor) {
      const kind: ActorKind = m.kind === 'PER' ? 'person' : m.kind === 'ORG' ? 'group' : 'place';
      // the dictionary's actors' fields, in their order, so that all of them share one hidden class
      actor = {
        id: `x-${m.kind.toLowerCase()}-${doc.memo.slug(m.text)}`,
        name: m.text,
        kind,
        aliases: [{ name: m.text }],
        roles: [],
        country: undefined,
        sector: undefined,
        parent: undefined,
        provisional: true,
      };
      provisionalByText.set(m.text, actor);
      if (m.kind === 'PER') provisionalBySurname.set(surname, actor);
    }
    doc.add(m.start, m.end, actor, 'provisional', 0.5, 'UNK');
    m.actorId = actor.id;
  }
  const added: Mention[] = [];
  const marked = new SpanIndex(entities);
  for (const h of hits) {
    if (marked.overlaps(h.start, h.end)) continue;
    const text = doc.text.slice(h.start, h.end);
    const kind = h.actor.kind === 'leader' || h.actor.kind === 'person' ? 'PER' : h.actor.kind === 'state' || h.method === 'metonym' || h.method === 'place' ? 'GPE' : 'ORG';
    if (h.actor.kind === 'state' && text !== h.actor.name && DEMONYM_SHAPE.test(text)) continue;
    added.push({ start: h.start, end: h.end, text, kind, actorId: h.actor.id, confidence: h.method === 'alias' ? 0.8 : 0.6 });
  }
  // concat rather than a spread: an empty list of mentions can be an array of another elements kind
  return nerMentions.concat(added).sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The names a document calls each actor by. A document's actors carry these instead of the dictionary's
 * whole list of aliases (Brazil has fifty), which is dictionary data, not something the document says.
 */
function namesUsed(resolutions: readonly ActorResolution[]): Map<string, Alias[]> {
  const names = new Map<string, Alias[]>();
  for (const r of resolutions) {
    const list = names.get(r.actorId);
    if (!list) names.set(r.actorId, [{ name: r.text }]);
    else if (!list.some((alias) => alias.name === r.text)) list.push({ name: r.text });
  }
  return names;
}
