// Noun phrases that name a referenced document: "a leaked FSB intelligence memo", "the eight-page
// document", "this leak". A head noun and the words before it, read with the tagger's tags.

import type { Actor, ActorResolution, Classification, DocumentType, Span, TimeExpression } from '../model/index.js';
import {
  CLASSIFICATION_WORDS, DEFINITE_WORDS, DOCUMENT_HEADS, DOCUMENT_QUALIFIERS, FACT_VERBS, PREMODIFIER_ADVERBS, STANDALONE_HEADS, WEAK_HEADS,
  wordPattern,
} from './lexicon.js';
import { partyOf, phraseAfter, withAppositive, type Party } from './parties.js';
import type { TextWords } from './words.js';

export interface DocumentMention extends Span {
  /** Token indexes of the phrase's first word and of its head noun. */
  first: number;
  head: number;
  type: DocumentType;
  /** The head noun names a document on its own ("memo"), without a word that makes it one. */
  standalone: boolean;
  /** "the", "this", "its", a possessive: it points back at a document named before. */
  definite: boolean;
  /** Words in or right after the phrase make it a referenced document, not a news report or a sheet of paper. */
  qualified: boolean;
  /** Authors the phrase names: "FSB" in "a leaked FSB memo", "Russia's" in "Russia's memo", "from the FSB" after it. */
  authors: Party[];
  classification?: { value: Classification; span: Span };
  pages?: { value: number; span: Span };
  dated?: TimeExpression;
  /** "a memo to senior officers", "a letter to Xi". */
  addressee?: Party;
}

// Every head noun, found by one regex scan of the text: most texts have none, and their tokens are never read.
const HEADS = wordPattern(DOCUMENT_HEADS.keys());
const MAX_PREMODIFIERS = 8;
/** Nouns after which a document noun is a modifier: "report card", "paper trail", "file sharing". */
const COMPOUND_TAILS = new Set([
  'card', 'cards', 'trail', 'trails', 'shredder', 'shredders', 'clip', 'clips', 'towel', 'towels', 'mill', 'mills', 'plane', 'planes',
  'sharing', 'format', 'formats', 'system', 'systems', 'management', 'storage', 'size', 'sizes', 'path', 'extension',
  'server', 'servers', 'box', 'boxes', 'writer', 'writers', 'money', 'currency', 'profits', 'losses', 'gains', 'industry', 'cup',
  'company', 'companies', 'maker', 'makers', 'production', 'pulp', 'bag', 'bags', 'cabinet', 'cabinets', 'tv', 'television', 'network',
  'networks', 'operator', 'operators', 'news', 'channel', 'channels', 'line', 'lines', 'car', 'cars', 'detection', 'test', 'tests',
  'photo', 'photos', 'photograph', 'image', 'images', 'picture', 'pictures', 'footage', 'video', 'videos',
]);
/** Heads that are also verbs in the third person: "the Sunday Times reports that …". */
const VERB_LIKE_HEADS = new Set(['reports', 'files', 'leaks', 'documents', 'papers']);
const CLAUSE_OPENERS = new Set(['that', 'the', 'a', 'an', 'this', 'its', 'his', 'her', 'their', 'it', 'he', 'she', 'they', 'on', 'in']);

/** Whether token i may stand before a head noun inside its phrase. */
function premodifier(words: TextWords, i: number): boolean {
  const w = words.lower(i);
  if (CLASSIFICATION_WORDS.has(w) || DOCUMENT_QUALIFIERS.has(w) || PREMODIFIER_ADVERBS.has(w)) return true;
  const tag = words.tag(i);
  if (!tag) return words.capitalized(i) || /^\d/.test(w) || w.endsWith('-page');
  if (tag.startsWith('NN') || tag.startsWith('JJ') || tag === 'CD') return true;
  // a participle only after a word of the phrase: "the FSB planning document", not "has been leaking documents"
  if ((tag === 'VBN' || tag === 'VBG') && i > 0) {
    const before = words.tag(i - 1);
    return before === 'DT' || before.startsWith('JJ') || before.startsWith('NN') || before === 'PRP$' || before === 'POS';
  }
  return false;
}

/** Every mention of a referenced document in the text, in order. */
export function findMentions(words: TextWords): DocumentMention[] {
  const found: DocumentMention[] = [];
  for (const head of words.tokensMatching(HEADS)) {
    const type = DOCUMENT_HEADS.get(words.lower(head));
    if (type === undefined) continue;
    // a verb ("reports that", "files suit") is no head; the tagger's JJ for "this memo reveals" is no verb
    if (words.tag(head).startsWith('VB')) continue;
    // "report card", "file sharing": the head is itself a modifier. Only known compounds: taggers read the
    // verb after a document noun as a plural noun ("the memo warns"), so a noun tag there proves nothing.
    if (head + 1 < words.count && COMPOUND_TAILS.has(words.lower(head + 1))) continue;
    if (verbAfterName(words, head)) continue;
    // "Ares Leaks", "the Panama Papers": a name the resolver knows
    if (words.insideResolution(words.start(head), words.end(head))) continue;
    const mention = mentionAt(words, head, type);
    // "a New York Times report", "the Reuters report": an outlet's reporting is the outlet's voice (a claim's
    // channel), not a document the text refers to
    if (type === 'report' && mention.authors.length && mention.authors.every((a) => a.actor !== undefined && isNewsOutlet(words.actor(a.actor)))) continue;
    found.push(mention);
  }
  return found;
}

function isNewsOutlet(actor: Actor | undefined): boolean {
  return actor !== undefined && (actor.sector === 'MED' || (actor.roles.length > 0 && actor.roles.every((r) => r.code.endsWith('MED'))));
}

/** "the Sunday Times reports that", "Reuters files the": a name, then the plural read as a verb opening its object. */
function verbAfterName(words: TextWords, head: number): boolean {
  if (!VERB_LIKE_HEADS.has(words.lower(head)) || head === 0 || head + 1 >= words.count) return false;
  if (!words.capitalized(head - 1) || !words.tag(head - 1).startsWith('NNP')) return false;
  if (CLAUSE_OPENERS.has(words.lower(head + 1)) || (words.capitalized(head + 1) && words.tag(head + 1).startsWith('NNP'))) return true;
  // a closing tag: "…, the Sunday Times reports."
  if (words.lower(head + 1) !== '.') return false;
  for (let i = head - 2; i >= 0 && head - i <= 5; i--) if (words.isComma(i)) return true;
  return false;
}

function mentionAt(words: TextWords, head: number, type: DocumentType): DocumentMention {
  const sentence = words.sentence(head);
  const from = sentence >= 0 ? words.sentenceTokens(sentence).from : 0;
  let first = head;
  let definite = false;
  for (let i = head - 1; i >= from && head - i <= MAX_PREMODIFIERS; i--) {
    // a line break ends a phrase even where the sentence splitter saw none (a headline under a logo)
    if (words.text.slice(words.end(i), words.start(i + 1)).includes('\n')) break;
    const w = words.lower(i);
    const tag = words.tag(i);
    if (DEFINITE_WORDS.has(w) && (!tag || tag === 'DT' || tag === 'PRP$' || tag === 'PDT' || tag === 'JJ')) {
      first = i;
      definite = true;
      break;
    }
    if (w === 'a' || w === 'an') {
      first = i;
      break;
    }
    if (tag === 'POS' || w === "'s" || w === '’s') {
      first = i;
      definite = true;
      continue;
    }
    if (words.punctuation(i) || !premodifier(words, i)) break;
    first = i;
  }
  const headWord = words.lower(head);
  const mention: DocumentMention = {
    start: words.start(first), end: words.end(head), first, head, type, standalone: STANDALONE_HEADS.has(headWord), definite, qualified: false, authors: [],
  };
  readPremodifiers(words, mention);
  const followedByFact = readPostmodifiers(words, mention, sentence);
  if (WEAK_HEADS.has(headWord)) {
    mention.qualified = mention.classification !== undefined || mention.pages !== undefined || followedByFact || hasQualifier(words, mention);
  }
  return mention;
}

/** The quantities layer's unit for "eight-page" is "page", for "eight pages" "pages". */
function isPages(unit: string | undefined): boolean {
  return unit === 'page' || unit === 'pages';
}

function hasQualifier(words: TextWords, m: DocumentMention): boolean {
  for (let i = m.first; i < m.head; i++) if (DOCUMENT_QUALIFIERS.has(words.lower(i))) return true;
  return false;
}

/** Marking, length, date and author words before the head. */
function readPremodifiers(words: TextWords, m: DocumentMention): void {
  for (let i = m.first; i < m.head; i++) {
    const w = words.lower(i);
    if (w === 'top' && i + 1 < m.head && words.lower(i + 1) === 'secret') {
      m.classification = { value: 'top secret', span: { start: words.start(i), end: words.end(i + 1) } };
      m.qualified = true;
      i++;
      continue;
    }
    const marking = CLASSIFICATION_WORDS.get(w);
    if (marking && !m.classification) m.classification = { value: marking, span: { start: words.start(i), end: words.end(i) } };
    if (marking || DOCUMENT_QUALIFIERS.has(w)) m.qualified = true;
  }
  if (m.first === m.head) return;
  const inside = { start: m.start, end: words.start(m.head) };
  for (const q of words.analysis.quantities) {
    if (q.start >= inside.start && q.end <= inside.end && isPages(q.unit)) {
      m.pages = { value: q.value, span: { start: q.start, end: q.end } };
      m.qualified = true;
    }
  }
  for (const t of words.analysis.times) {
    if (t.start >= inside.start && t.end <= inside.end) {
      m.dated = t;
      m.qualified = true;
    }
  }
  const named = words.resolutionsIn(inside).filter((r) => authorFromModifier(words, r));
  for (const r of named) {
    // "Russian FSB document": the FSB is the author; "Russian" only says whose
    const actor = words.actor(r.actorId)!;
    if (actor.kind === 'state' && named.some((o) => o !== r && words.actor(o.actorId)?.country === actor.id)) continue;
    m.authors.push({ span: { start: r.start, end: r.end }, actor: r.actorId });
    m.qualified = true;
  }
}

/**
 * Whether a name before a document's head is its author: "FSB memo", "Russian document", "Russia's memo".
 * A country's own name is its topic instead ("a China memo"), and so is a place.
 */
function authorFromModifier(words: TextWords, r: ActorResolution): boolean {
  const actor = words.actor(r.actorId);
  if (!actor || actor.kind === 'place' || actor.kind === 'document') return false;
  if (actor.kind !== 'state') return true;
  const possessive = /^['’]s\b/.test(words.text.slice(r.end, r.end + 3));
  return possessive || r.text !== actor.name;
}

/** An author, addressee or fact verb right after the head: "files from the FSB", "a memo to officers", "a document obtained by". */
function readPostmodifiers(words: TextWords, m: DocumentMention, sentence: number): boolean {
  const to = sentence >= 0 ? words.sentenceTokens(sentence).to : words.count;
  let i = m.head + 1;
  if (i < to && (words.lower(i) === "'s" || words.lower(i) === '’s')) return false;
  const comma = i < to && words.isComma(i);
  if (comma) i++;
  // "The leak, allegedly from Russia's security agency"
  while (comma && i < to && words.tag(i) === 'RB') i++;
  if (i >= to) return false;
  const w = words.lower(i);
  if (w === 'from' || w === 'of' || w === 'by') {
    const found = phraseAfter(words, i + 1, to);
    if (!found) return false;
    const phrase = withAppositive(words, found, to);
    // "a memo of eight pages"
    const pages = words.analysis.quantities.find((q) => q.start === phrase.start && isPages(q.unit));
    if (pages && w === 'of') {
      m.pages ??= { value: pages.value, span: { start: pages.start, end: pages.end } };
      m.qualified = true;
      return false;
    }
    const time = words.analysis.times.find((t) => t.start >= phrase.start && t.end <= phrase.end && t.start === phrase.start);
    if (time && w !== 'by') {
      m.dated ??= time;
      m.qualified = true;
      return false;
    }
    const party = partyOf(words, phrase);
    const actor = party?.actor ? words.actor(party.actor) : undefined;
    // "of" takes only names the dictionary knows: "a Memorandum of Intent" is a title, not an author
    if (w === 'of' && actor?.provisional) return false;
    if (party && actor && actor.kind !== 'place' && (i === m.head + 1 || (comma && w === 'from'))) {
      m.authors.push(party);
      m.qualified = true;
    }
    return false;
  }
  // "a memo to senior officers"; not "showed the document to agencies", where "to" is the verb's
  const before = m.first > 0 ? words.tag(m.first - 1) : '';
  if (w === 'to' && i === m.head + 1 && !before.startsWith('VB')) {
    const phrase = phraseAfter(words, i + 1, to);
    const party = phrase ? partyOf(words, phrase) : undefined;
    if (party?.actor) {
      m.addressee = party;
      m.qualified = true;
    }
    return false;
  }
  // "the cable, which was leaked …": a relative clause with a fact verb
  if (comma && (w === 'which' || w === 'that')) {
    let j = i + 1;
    while (j < to && j - i <= 3 && (words.lower(j) === 'was' || words.lower(j) === 'were' || words.lower(j) === 'has' || words.lower(j) === 'had' || words.lower(j) === 'been' || words.tag(j) === 'RB')) j++;
    const fact = j < to && j > i + 1 && FACT_VERBS.has(words.lower(j));
    if (fact) m.qualified = true;
    return fact;
  }
  // "a document obtained by …", "a memo, dated …": the phrase is followed by what the text knows of it
  const fact = FACT_VERBS.has(w) && (words.tag(i) === 'VBN' || words.tag(i) === 'VBD' || !words.tag(i));
  if (fact) m.qualified = true;
  return fact;
}
