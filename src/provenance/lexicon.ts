// Words that name documents and state their provenance. Lower-case; matched on whole tokens.

import type { Classification, DocumentType, ProvenanceRelation } from '../model/index.js';

/** Head nouns of a referenced document, with the type each names. */
export const DOCUMENT_HEADS: ReadonlyMap<string, DocumentType> = new Map<string, DocumentType>([
  ['memo', 'memo'], ['memos', 'memo'], ['memorandum', 'memo'], ['memoranda', 'memo'], ['memorandums', 'memo'],
  ['cable', 'cable'], ['cables', 'cable'],
  ['dossier', 'dossier'], ['dossiers', 'dossier'],
  ['letter', 'letter'], ['letters', 'letter'],
  ['email', 'email'], ['emails', 'email'], ['e-mail', 'email'], ['e-mails', 'email'],
  ['transcript', 'transcript'], ['transcripts', 'transcript'],
  ['report', 'report'], ['reports', 'report'],
  ['document', 'document'], ['documents', 'document'], ['paper', 'document'], ['papers', 'document'],
  ['file', 'document'], ['files', 'document'], ['leak', 'document'], ['leaks', 'document'],
]);

/** Heads that name a referenced document on their own ("a memo"); the others need a word that makes them one ("a leaked report"). */
export const STANDALONE_HEADS: ReadonlySet<string> = new Set(['memo', 'memos', 'memorandum', 'memoranda', 'memorandums', 'dossier', 'dossiers']);

/**
 * Heads that need a word of their own in the phrase ("leaked papers", "a classified file") to name a new
 * document: an author alone does not do ("Treasury paper" and "U.S. commercial paper" are securities).
 */
export const WEAK_HEADS: ReadonlySet<string> = new Set(['paper', 'papers', 'file', 'files']);

/** Types that any other type may be called by: a memo is also "the document", "the report", "the leak". */
export const LOOSE_TYPES: ReadonlySet<DocumentType> = new Set(['document', 'report']);

/** Marking words before a document's head noun. `top` is read with the word after it. */
export const CLASSIFICATION_WORDS: ReadonlyMap<string, Classification> = new Map<string, Classification>([
  ['top-secret', 'top secret'], ['secret', 'secret'], ['confidential', 'confidential'], ['classified', 'classified'],
  ['restricted', 'restricted'], ['internal', 'internal'], ['unclassified', 'unclassified'],
]);

/** Stricter markings first: when reports differ, the strictest one stated is kept in a signature. */
export const CLASSIFICATION_RANK: Readonly<Record<Classification, number>> = {
  'top secret': 6, secret: 5, confidential: 4, restricted: 3, classified: 2, internal: 1, unclassified: 0,
};

/** Words before a head noun that make it a referenced document rather than a news report or a sheet of paper. */
export const DOCUMENT_QUALIFIERS: ReadonlySet<string> = new Set([
  'leaked', 'stolen', 'hacked', 'intercepted', 'purloined',
  'intelligence', 'counterintelligence', 'planning', 'official', 'government', 'governmental', 'diplomatic', 'military',
  'security', 'policy', 'strategy', 'strategic', 'analytical', 'draft', 'undated', 'unpublished', 'undisclosed',
]);

/** Adverbs allowed inside a document's noun phrase: "a previously undisclosed memo", "a highly classified cable". */
export const PREMODIFIER_ADVERBS: ReadonlySet<string> = new Set(['previously', 'newly', 'recently', 'highly', 'hitherto', 'top', 'so-called']);

export type Preposition = 'by' | 'via' | 'through' | 'on' | 'onto' | 'to' | 'with' | 'from' | 'for' | 'among' | 'in' | 'at' | 'around' | 'during' | 'between' | 'as';

/** What a participle says with each preposition that introduces its party: "obtained by" X, "obtained through" X. */
export type VerbFrame = Partial<Record<Preposition, ProvenanceRelation>> & {
  /** The verb takes a date: "written in late 2023", "dated March 3". */
  dates?: boolean;
  /** The fact in the active voice, with the subject as party: "Ares Leaks obtained the document". */
  active?: ProvenanceRelation;
};

const AUTHORING: VerbFrame = { by: 'authored-by', for: 'addressed-to', to: 'addressed-to', dates: true, active: 'authored-by' };
const OBTAINING: VerbFrame = { by: 'obtained-by', through: 'leaked-via', via: 'leaked-via', from: 'leaked-via', active: 'obtained-by' };
const LEAKING: VerbFrame = { by: 'leaked-via', via: 'leaked-via', through: 'leaked-via', on: 'leaked-via', onto: 'leaked-via', to: 'obtained-by', active: 'leaked-via' };
const POSTING: VerbFrame = { by: 'leaked-via', via: 'leaked-via', through: 'leaked-via', on: 'leaked-via', onto: 'leaked-via' };
const PUBLISHING: VerbFrame = { by: 'published-by', in: 'published-by', via: 'leaked-via', on: 'leaked-via', active: 'published-by' };
const SEEING: VerbFrame = { by: 'published-by', active: 'published-by' };
const AUTHENTICATING: VerbFrame = { by: 'authenticated-by', active: 'authenticated-by' };
const DISPUTING: VerbFrame = { by: 'disputed-by', active: 'disputed-by' };
const DENYING: VerbFrame = { by: 'denied-by', active: 'denied-by' };

/** Verbs (past forms, as participles and in the active voice) that state a provenance fact. */
export const FACT_VERBS: ReadonlyMap<string, VerbFrame> = new Map<string, VerbFrame>([
  ['written', AUTHORING], ['wrote', { active: 'authored-by' }], ['authored', AUTHORING], ['drafted', AUTHORING],
  ['prepared', AUTHORING], ['compiled', AUTHORING], ['produced', AUTHORING], ['composed', AUTHORING],
  ['issued', AUTHORING], ['penned', AUTHORING], ['signed', AUTHORING], ['created', AUTHORING],
  ['sent', { by: 'authored-by', to: 'addressed-to', dates: true, active: 'authored-by' }],
  ['addressed', { to: 'addressed-to' }], ['circulated', { to: 'addressed-to', among: 'addressed-to', on: 'leaked-via', via: 'leaked-via' }],
  ['distributed', { to: 'addressed-to', among: 'addressed-to' }], ['intended', { for: 'addressed-to' }],
  ['dated', { dates: true }],
  ['obtained', OBTAINING], ['acquired', OBTAINING], ['received', { by: 'obtained-by', from: 'leaked-via', active: 'obtained-by' }],
  ['leaked', LEAKING],
  ['posted', POSTING], ['uploaded', POSTING], ['dumped', POSTING], ['surfaced', POSTING], ['appeared', { on: 'leaked-via' }],
  ['shared', { by: 'leaked-via', on: 'leaked-via', via: 'leaked-via', with: 'published-by' }],
  ['published', PUBLISHING], ['released', PUBLISHING], ['disclosed', { by: 'published-by', active: 'published-by' }],
  ['revealed', { by: 'published-by' }], ['reported', { by: 'published-by' }], ['publicized', SEEING], ['publicised', SEEING],
  ['seen', SEEING], ['saw', { active: 'published-by' }], ['reviewed', SEEING], ['viewed', SEEING], ['examined', SEEING], ['shown', { to: 'published-by' }],
  ['provided', { to: 'obtained-by' }], ['given', { to: 'obtained-by' }], ['passed', { to: 'obtained-by' }], ['handed', { to: 'obtained-by' }],
  ['authenticated', AUTHENTICATING], ['verified', AUTHENTICATING], ['validated', AUTHENTICATING], ['confirmed', AUTHENTICATING],
  ['corroborated', { by: 'authenticated-by' }],
  ['disputed', DISPUTING], ['questioned', DISPUTING], ['challenged', DISPUTING], ['doubted', DISPUTING],
  ['denied', DENYING], ['dismissed', DENYING], ['rejected', DENYING], ['refuted', DENYING], ['debunked', DENYING], ['discredited', DENYING],
]);

/** Present forms of the active verbs: "the Kremlin denies the memo", "Reuters confirms the cable". */
export const PRESENT_FORMS: ReadonlyMap<string, string> = new Map([
  ['obtains', 'obtained'], ['leaks', 'leaked'], ['publishes', 'published'], ['releases', 'released'],
  ['authenticates', 'authenticated'], ['verifies', 'verified'], ['confirms', 'confirmed'],
  ['disputes', 'disputed'], ['questions', 'questioned'], ['doubts', 'doubted'], ['challenges', 'challenged'],
  ['denies', 'denied'], ['dismisses', 'dismissed'], ['rejects', 'rejected'], ['refutes', 'refuted'],
  ['writes', 'wrote'], ['drafts', 'drafted'], ['sends', 'sent'], ['issues', 'issued'], ['reviews', 'reviewed'],
]);

/** Base forms after a modal or "did": "could not verify", "did not obtain". */
export const BASE_FORMS: ReadonlyMap<string, string> = new Map([
  ['verify', 'verified'], ['confirm', 'confirmed'], ['authenticate', 'authenticated'], ['validate', 'validated'],
  ['obtain', 'obtained'], ['deny', 'denied'], ['dispute', 'disputed'], ['publish', 'published'], ['leak', 'leaked'],
]);

/** Adjectives a party can give a document: "deemed it authentic", "dismissed it as a fake". */
export const AUTHENTIC_WORDS: ReadonlySet<string> = new Set(['authentic', 'genuine', 'real', 'legitimate']);
export const FAKE_WORDS: ReadonlySet<string> = new Set(['fake', 'forged', 'forgery', 'fabricated', 'fabrication', 'bogus', 'falsified', 'counterfeit', 'hoax', 'disinformation']);

/** Verbs of judging that take a document and an adjective: "assessed it to be authentic". */
export const JUDGING_VERBS: ReadonlySet<string> = new Set([
  'deemed', 'deem', 'deems', 'assessed', 'assess', 'assesses', 'judged', 'judge', 'judges', 'found', 'find', 'finds',
  'considered', 'consider', 'considers', 'believed', 'believe', 'believes', 'determined', 'concluded', 'called', 'calls',
  'declared', 'declares', 'described', 'describes', 'dismissed', 'dismisses', 'branded', 'brands', 'labelled', 'labeled',
  'said', 'says', 'say', 'confirmed', 'confirms', 'insisted', 'insists',
]);

/** Nouns of authenticity: "could not verify its authenticity", "definitive authentication impossible". */
export const AUTHENTICITY_NOUNS: ReadonlySet<string> = new Set(['authenticity', 'authentication', 'veracity', 'genuineness', 'provenance']);

/** Words that say authenticity could not be established. */
export const IMPOSSIBLE_WORDS: ReadonlySet<string> = new Set(['impossible', 'unverified', 'unconfirmed', 'unauthenticated', 'unverifiable']);

/** Auxiliaries and adverbs that may stand between a subject and its verb ("has not been independently …"). */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'having', 'did', 'does', 'do',
  'could', 'can', 'cannot', 'would', 'will', 'may', 'might', 'should', 'must', 'also', 'not', "n't", 'never', 'still',
  'since', 'already', 'later', 'first', 'then', 'reportedly', 'allegedly', 'apparently', 'independently', 'recently',
  'purportedly', 'supposedly', 'itself', 'themselves', 'subsequently', 'separately', 'ultimately', 'eventually', 'unable', 'able', 'to',
]);

export const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'unable', 'cannot', 'no']);

/** Words after which a clause's noun phrase ends: a new clause or a verb begins. */
export const RELATIVE_WORDS: ReadonlySet<string> = new Set(['who', 'which', 'that', 'whom', 'whose']);

/** Determiners that make a mention definite: it points back at a document named before. */
export const DEFINITE_WORDS: ReadonlySet<string> = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'such']);

/** A pattern that finds any of `words` as a whole word, case-insensitively (longer words first). */
export function wordPattern(words: Iterable<string>): RegExp {
  const sorted = [...words].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return new RegExp(`\\b(?:${sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})\\b`, 'gi');
}
