// Provenance facts of the documents a text refers to, read from general patterns over the layers
// before: the words of a document's own phrase ("a confidential FSB memo", "the eight-page
// document"), participles after it ("obtained by the Times", "dated late 2023"), active verbs before
// it ("Ares Leaks obtained the document"), judgements of it ("assessed it to be authentic") and
// doubts about it ("definitive authentication impossible").

import * as crypto from 'node:crypto';
import type { ProvenanceFact, ProvenanceRelation, Quantity, Span, TimeExpression, TimeInterval } from '../model/index.js';
import {
  AUTHENTIC_WORDS, AUTHENTICITY_NOUNS, AUXILIARIES, BASE_FORMS, FACT_VERBS, FAKE_WORDS, IMPOSSIBLE_WORDS, JUDGING_VERBS, NEGATIONS,
  PRESENT_FORMS, wordPattern, type Preposition, type VerbFrame,
} from './lexicon.js';
import type { DocumentMention } from './mentions.js';
import type { ReferencedDocument } from './documents.js';
import { partyOf, phraseAfter, subjectBefore, withAppositive, type Party } from './parties.js';
import type { FactSpeakers } from './speaker.js';
import type { TextWords } from './words.js';

/** A fact as a rule reads it, before its speaker, hedge and evidence are settled. */
interface Draft {
  document: ReferencedDocument;
  fact: ProvenanceRelation;
  /** The party; undefined when the speaker is the party ("could not be verified"). */
  party?: Party;
  value?: string;
  time?: TimeInterval;
  /** The document's mention or pronoun, when it stands in the clause. */
  slot?: Span;
  /** The word that states the fact: the verb, the adjective, the modifier. */
  anchor: Span;
  /** Other text the fact needs: its date, its length. */
  also?: Span;
  sentence: number;
}

interface Located {
  mention: DocumentMention;
  document: ReferencedDocument;
}

interface Slot {
  document: ReferencedDocument;
  span: Span;
  /** A negation between the slot and the verb: "has not been verified". */
  negated: boolean;
}

/** How many sentences back "it" and "the authentication" may look for their document. */
const POINTING_BACK = 3;
const MAX_GAP = 14;
/** Verbs that raise a subject: "it appears … to have been written". */
const RAISING = new Set(['appears', 'appeared', 'seems', 'seemed', 'is', 'was', 'are', 'were']);
/** Words a participle may have before its preposition: "obtained last week by", "shared online by", "confirmed as authentic by". */
const BEFORE_PREPOSITION = new Set(['online', 'independently', 'separately', 'exclusively', 'first', 'later', 'also', 'recently', 'as', 'authentic', 'genuine', 'publicly']);
/** Words of a judged document's predicate: "assessed it to be authentic", "dismissed it as a fake". */
const PREDICATE = new Set(['to', 'be', 'is', 'was', 'are', 'were', 'been', 'being', 'as', 'a', 'an', 'not', 'entirely', 'fully', 'largely', 'likely', 'probably', 'clearly']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);
const HEDGE_WORDS = new Set([
  'reportedly', 'allegedly', 'apparently', 'likely', 'probably', 'possibly', 'perhaps', 'purportedly', 'supposedly', 'presumably',
  'appears', 'appeared', 'seems', 'seemed', 'may', 'might', 'believed', 'thought', 'suspected', 'seemingly',
]);
/** Every word a fact rule starts from. */
const TRIGGERS = wordPattern([
  ...FACT_VERBS.keys(), ...PRESENT_FORMS.keys(), ...BASE_FORMS.keys(), ...AUTHENTIC_WORDS, ...FAKE_WORDS, ...IMPOSSIBLE_WORDS,
]);
/** Words between a document and its page count: "ran to", "is some", "runs to more than". */
const LENGTH_WORDS = new Set([
  'runs', 'ran', 'run', 'spans', 'spanned', 'totals', 'totalled', 'totaled', 'contains', 'contained', 'has', 'had', 'is', 'was',
  'consists', 'consisted', 'to', 'of', 'some', 'about', 'nearly', 'almost', 'around', 'roughly', 'more', 'than', 'over', 'just', 'under',
]);
const COPY_WORDS = new Set(['copy', 'copies', 'version', 'draft', 'excerpt', 'excerpts', 'part', 'parts', 'portions']);
const VERIFY_WORDS = new Set(['verify', 'verified', 'confirm', 'confirmed', 'authenticate', 'authenticated', 'validate', 'validated']);

export class FactReader {
  private readonly located: Located[] = [];
  private readonly drafts: Draft[] = [];
  /** The document each participle was said of: a participle coordinated with it shares it ("obtained through … and authenticated by …"). */
  private readonly participleSlots = new Map<number, Slot>();

  constructor(
    private readonly words: TextWords,
    documents: readonly ReferencedDocument[],
    private readonly speakers: FactSpeakers,
  ) {
    for (const document of documents) for (const mention of document.mentions) this.located.push({ mention, document });
    this.located.sort((a, b) => a.mention.start - b.mention.start);
  }

  read(): ProvenanceFact[] {
    for (const { mention, document } of this.located) this.fromPhrase(mention, document);
    const firstSentence = this.words.sentence(this.located[0]!.mention.head);
    const from = firstSentence >= 0 ? this.words.sentenceTokens(firstSentence).from : 0;
    for (const t of this.words.tokensMatching(TRIGGERS, from < this.words.count ? this.words.start(from) : 0)) this.fromWord(t);
    for (const q of this.words.analysis.quantities) if (q.unit === 'pages' || q.unit === 'page') this.length(q);
    return this.finish();
  }

  /** "The memo ran to 30 pages", "it is some 12 pages long": a page count said of a document. */
  private length(q: Quantity): void {
    const t = this.words.tokenAt(q.start);
    if (t >= this.words.count || this.mentionCovering(t)) return;
    const { from, sentence } = this.sentenceOf(t);
    let j = t - 1;
    while (j >= from && t - j <= 5 && LENGTH_WORDS.has(this.words.lower(j))) j--;
    if (j === t - 1 || j < from) return;
    // "The dossier, leaked last week, ran to …": past the clause set off by commas
    if (this.words.isComma(j)) {
      let k = j - 1;
      while (k >= from && j - k <= MAX_GAP && !this.words.isComma(k)) k--;
      j = k - 1;
    }
    const slot = j >= from ? this.slotEndingAt(j) : undefined;
    if (!slot) return;
    const anchor = { start: q.start, end: q.end };
    this.drafts.push({ document: slot.document, fact: 'length', value: `${q.value} pages`, slot: slot.span, anchor, sentence });
  }

  // ---- the document's own phrase -------------------------------------------------------------

  private fromPhrase(m: DocumentMention, document: ReferencedDocument): void {
    const sentence = this.words.sentence(m.head);
    const slot = { start: m.start, end: m.end };
    for (const author of m.authors) {
      this.drafts.push({ document, fact: 'authored-by', party: author, slot, anchor: author.span, sentence });
    }
    if (m.classification) this.drafts.push({ document, fact: 'classification', value: m.classification.value, slot, anchor: m.classification.span, sentence });
    if (m.pages) this.drafts.push({ document, fact: 'length', value: `${m.pages.value} pages`, slot, anchor: m.pages.span, sentence });
    if (m.dated) this.drafts.push({ document, fact: 'dated', ...dateOf(m.dated), slot, anchor: m.dated, sentence });
    if (m.addressee) this.drafts.push({ document, fact: 'addressed-to', party: m.addressee, slot, anchor: m.addressee.span, sentence });
  }

  // ---- words that state a fact ---------------------------------------------------------------

  private fromWord(t: number): void {
    const w = this.words.lower(t);
    const frame = FACT_VERBS.get(w);
    if (frame) {
      if (!this.participle(t, w, frame)) this.active(t, frame);
      return;
    }
    const present = PRESENT_FORMS.get(w) ?? (BASE_FORMS.has(w) ? BASE_FORMS.get(w) : undefined);
    if (present) {
      const tag = this.words.tag(t);
      if (!tag || tag.startsWith('VB')) this.active(t, FACT_VERBS.get(present)!, w);
      return;
    }
    if (AUTHENTIC_WORDS.has(w) || FAKE_WORDS.has(w)) this.judged(t, w);
    else if (IMPOSSIBLE_WORDS.has(w)) this.unverifiable(t, w);
  }

  /** "the document, obtained by the Times", "it was written in late 2023", "Allegedly authored by X, the memo …". */
  private participle(t: number, w: string, frame: VerbFrame): boolean {
    const tag = this.words.tag(t);
    if (tag && tag !== 'VBN' && tag !== 'VBD' && tag !== 'JJ') return false;
    const { from, to, sentence } = this.sentenceOf(t);
    let slot = this.slotBefore(t, from);
    const after = this.prepositionAfter(t, to, frame);
    if (!slot && after) slot = this.frontedSlot(t, from, after.party?.span.end ?? this.words.end(after.at), to);
    if (!slot) return false;
    this.participleSlots.set(t, slot);
    const anchor = { start: this.words.start(t), end: this.words.end(t) };
    let stated = false;
    if (after?.party) {
      let fact = after.fact;
      if (slot.negated) {
        if (fact !== 'authenticated-by') return true;
        fact = 'disputed-by';
      }
      this.drafts.push({ document: slot.document, fact, party: after.party, slot: slot.span, anchor, sentence });
      stated = true;
    }
    if (!stated && slot.negated && VERIFY_WORDS.has(w)) {
      this.drafts.push({ document: slot.document, fact: 'disputed-by', slot: slot.span, anchor, sentence });
      stated = true;
    }
    if (frame.dates && !slot.negated) {
      const time = this.timeAfter(t, to);
      if (time) {
        this.drafts.push({ document: slot.document, fact: 'dated', ...dateOf(time), slot: slot.span, anchor, also: time, sentence });
        stated = true;
      }
    }
    return stated;
  }

  /** "Ares Leaks, a cybercrime group, obtained the document", "Reuters could not verify its authenticity". */
  private active(t: number, frame: VerbFrame, asWritten?: string): void {
    let fact = frame.active;
    if (!fact) return;
    const { from, to, sentence } = this.sentenceOf(t);
    const slot = this.slotAfter(t, to);
    if (!slot) return;
    // "China denied it": "it" is as likely what the memo says as the memo; denying a document takes its name
    if ((fact === 'denied-by' || fact === 'disputed-by') && this.words.lower(this.words.tokenAt(slot.span.start)) === 'it') return;
    const subject = subjectBefore(this.words, t, from);
    const anchor = { start: this.words.start(t), end: this.words.end(t) };
    const negated = subject?.negated ?? false;
    if (negated) {
      if (fact !== 'authenticated-by') return;
      fact = 'disputed-by';
    }
    // a base form states a fact only negated ("could not verify"); "will verify", "to obtain" state none
    if (asWritten && BASE_FORMS.has(asWritten) && !negated) return;
    const party = subject ? partyOf(this.words, subject.span) : undefined;
    if (!party && fact !== 'disputed-by') return;
    this.drafts.push({ document: slot.document, fact, party, slot: slot.span, anchor, sentence });
  }

  /** "who deemed it authentic", "assessed it to be authentic", "dismissed the memo as a fake", "the memo is genuine". */
  private judged(t: number, w: string): void {
    const { from, sentence } = this.sentenceOf(t);
    let j = t - 1;
    let negated = false;
    let copula = false;
    while (j >= from && t - j <= 5 && PREDICATE.has(this.words.lower(j))) {
      if (NEGATIONS.has(this.words.lower(j))) negated = true;
      if (COPULAS.has(this.words.lower(j))) copula = true;
      j--;
    }
    if (j < from) return;
    const slot = this.slotEndingAt(j);
    if (!slot) return;
    const fake = FAKE_WORDS.has(w);
    if (fake && negated) return;
    const fact: ProvenanceRelation = fake ? 'denied-by' : negated ? 'disputed-by' : 'authenticated-by';
    const anchor = { start: this.words.start(t), end: this.words.end(t) };
    const verb = this.words.tokenAt(slot.span.start) - 1;
    if (verb >= from && JUDGING_VERBS.has(this.words.lower(verb))) {
      const subject = subjectBefore(this.words, verb, from);
      const party = subject ? partyOf(this.words, subject.span) : undefined;
      if (!party) return;
      const judging = { start: this.words.start(verb), end: this.words.end(verb) };
      this.drafts.push({ document: slot.document, fact: subject!.negated ? 'disputed-by' : fact, party, slot: slot.span, anchor: judging, also: anchor, sentence });
      return;
    }
    // "the memo is genuine": the speaker judges it
    if (copula && w !== 'real') this.drafts.push({ document: slot.document, fact, slot: slot.span, anchor, sentence });
  }

  /** "an unverified memo", "the memo is unconfirmed", "definitive authentication impossible", "impossible to verify". */
  private unverifiable(t: number, w: string): void {
    const { from, to, sentence } = this.sentenceOf(t);
    const anchor = { start: this.words.start(t), end: this.words.end(t) };
    if (w !== 'impossible') {
      const inside = this.mentionCovering(t);
      const slot = inside ? { document: inside.document, span: { start: inside.mention.start, end: inside.mention.end }, negated: false } : this.slotBefore(t, from);
      if (slot) this.drafts.push({ document: slot.document, fact: 'disputed-by', slot: slot.span, anchor, sentence });
      return;
    }
    // "definitive authentication impossible", "impossible to verify": an authenticity word within three words
    let about: Span | undefined;
    for (let j = Math.max(from, t - 3); j < Math.min(to, t + 4) && !about; j++) {
      const near = this.words.lower(j);
      if (j === t || !(AUTHENTICITY_NOUNS.has(near) || VERIFY_WORDS.has(near))) continue;
      const adjective = j > from && this.words.tag(j - 1).startsWith('JJ') ? j - 1 : j;
      about = { start: this.words.start(adjective), end: this.words.end(j) };
    }
    if (!about) return;
    const slot = this.slotInSentence(t, from, t) ?? this.documentBefore(this.words.start(t));
    if (!slot) return;
    this.drafts.push({ document: slot.document, fact: 'disputed-by', slot: slot.span, anchor: about, also: anchor, sentence });
  }

  // ---- where the document stands -------------------------------------------------------------

  /** The document a verb at t is said of, looking back in its clause: a mention, "it", "its authenticity". */
  private slotBefore(t: number, from: number): Slot | undefined {
    let negated = false;
    for (let j = t - 1; j >= from && t - j <= MAX_GAP; j--) {
      const w = this.words.lower(j);
      if (NEGATIONS.has(w)) negated = true;
      const found = this.slotEndingAt(j);
      if (found) return { ...found, negated };
      const coordinated = this.participleSlots.get(j);
      if (coordinated) return { ...coordinated, negated: negated || coordinated.negated };
      if (this.blocks(j, w)) return undefined;
    }
    return undefined;
  }

  /** A document that ends at token j: its mention's head, "it", or an authenticity noun ("its authenticity"). */
  private slotEndingAt(j: number): Slot | undefined {
    const w = this.words.lower(j);
    const covering = this.mentionCovering(j);
    if (covering && covering.mention.head === j) return { document: covering.document, span: { start: covering.mention.start, end: covering.mention.end }, negated: false };
    if (w === 'it') return this.documentBefore(this.words.start(j), { start: this.words.start(j), end: this.words.end(j) });
    if (AUTHENTICITY_NOUNS.has(w)) {
      // "the memo's authenticity", "the authenticity of the memo" (the mention after it), "its authenticity"
      const before = j >= 2 && (this.words.lower(j - 1) === "'s" || this.words.lower(j - 1) === '’s') ? this.mentionCovering(j - 2) : undefined;
      if (before) return { document: before.document, span: { start: before.mention.start, end: this.words.end(j) }, negated: false };
      const of = j + 2 < this.words.count && this.words.lower(j + 1) === 'of' ? this.mentionStartingAt(j + 2) : undefined;
      if (of) return { document: of.document, span: { start: this.words.start(j), end: of.mention.end }, negated: false };
      return this.documentBefore(this.words.start(j), { start: this.words.start(j), end: this.words.end(j) });
    }
    return undefined;
  }

  /** The object of an active verb at t: a mention, "it", "its authenticity", "the authenticity of the memo". */
  private slotAfter(t: number, to: number): Slot | undefined {
    let j = t + 1;
    while (j < to && j - t <= 2 && this.words.tag(j) === 'RB') j++;
    // "has seen a copy of the memo"
    if (j + 3 < to && COPY_WORDS.has(this.words.lower(j + 1)) && this.words.lower(j + 2) === 'of') j += 3;
    if (j >= to) return undefined;
    const starting = this.mentionStartingAt(j);
    if (starting) {
      const end = starting.mention.head;
      // "the memo's authenticity"
      if (end + 2 < to && /^['’]s$/.test(this.words.lower(end + 1)) && AUTHENTICITY_NOUNS.has(this.words.lower(end + 2))) {
        return { document: starting.document, span: { start: starting.mention.start, end: this.words.end(end + 2) }, negated: false };
      }
      return { document: starting.document, span: { start: starting.mention.start, end: starting.mention.end }, negated: false };
    }
    const w = this.words.lower(j);
    if (w === 'it') return this.documentBefore(this.words.start(j), { start: this.words.start(j), end: this.words.end(j) });
    // "its authenticity", "the authenticity of the memo"
    const k = w === 'its' || w === 'the' ? j + 1 : j;
    if (k < to && AUTHENTICITY_NOUNS.has(this.words.lower(k))) return this.slotEndingAt(k);
    return undefined;
  }

  /** "Allegedly authored by a unit within the FSB, the document warns": the mention after the fronted phrase. */
  private frontedSlot(t: number, from: number, partyEnd: number, to: number): Slot | undefined {
    for (let j = from; j < t; j++) if (!AUXILIARIES.has(this.words.lower(j)) && this.words.tag(j) !== 'RB') return undefined;
    let k = this.words.tokenAt(partyEnd);
    if (k >= to || !this.words.isComma(k)) return undefined;
    const after = this.mentionStartingAt(k + 1);
    return after ? { document: after.document, span: { start: after.mention.start, end: after.mention.end }, negated: false } : undefined;
  }

  private slotInSentence(t: number, from: number, to: number): Slot | undefined {
    let best: Located | undefined;
    for (const l of this.located) {
      if (l.mention.head < from || l.mention.head >= to) continue;
      if (!best || Math.abs(l.mention.head - t) < Math.abs(best.mention.head - t)) best = l;
    }
    return best ? { document: best.document, span: { start: best.mention.start, end: best.mention.end }, negated: false } : undefined;
  }

  /** The document last mentioned before `pos`, within a few sentences: what "it" and "the authentication" point at. */
  private documentBefore(pos: number, span?: Span): Slot | undefined {
    let found: Located | undefined;
    for (const l of this.located) {
      if (l.mention.start >= pos) break;
      found = l;
    }
    if (!found) return undefined;
    const here = this.words.sentence(this.words.tokenAt(pos));
    if (here - this.words.sentence(found.mention.head) > POINTING_BACK) return undefined;
    return { document: found.document, span: span ?? { start: pos, end: pos }, negated: false };
  }

  /** Whether token j stands between a document and a verb said of something else: another finite verb, "that". */
  private blocks(j: number, w: string): boolean {
    const tag = this.words.tag(j);
    if (w === 'that' && tag === 'IN') return true;
    if (tag !== 'VBZ' && tag !== 'VBP' && tag !== 'VBD' && tag !== 'MD') return false;
    return !AUXILIARIES.has(w) && !FACT_VERBS.has(w) && !RAISING.has(w);
  }

  private mentionCovering(j: number): Located | undefined {
    for (const l of this.located) {
      if (l.mention.first > j) break;
      if (l.mention.head >= j) return l;
    }
    return undefined;
  }

  private mentionStartingAt(j: number): Located | undefined {
    for (const l of this.located) {
      if (l.mention.first === j) return l;
      if (l.mention.first > j) break;
    }
    return undefined;
  }

  // ---- what follows a participle ---------------------------------------------------------------

  /** The preposition after a participle that introduces its party ("obtained last week by the Times"), and the party. */
  private prepositionAfter(t: number, to: number, frame: VerbFrame): { fact: ProvenanceRelation; at: number; party?: Party } | undefined {
    for (let j = t + 1, skipped = 0; j < to && skipped < 4; j++, skipped++) {
      if (this.insideTime(j)) continue;
      const w = this.words.lower(j);
      const fact = frame[w as Preposition];
      if (fact) {
        const found = phraseAfter(this.words, j + 1, to);
        const phrase = found ? withAppositive(this.words, found, to) : undefined;
        const party = phrase ? partyOf(this.words, phrase) : undefined;
        // "released on Monday by the ministry": a time, then the party
        if (!party && phrase && this.insideTime(this.words.tokenAt(phrase.start))) {
          j = this.words.tokenAt(phrase.end) - 1;
          continue;
        }
        // "obtained by it": the one the sentence quotes ("the Times said a document obtained by it …")
        return { fact, at: j, party: party ?? (phrase ? this.pronounParty(phrase) : undefined) };
      }
      // "posted it on a forum": the document itself, as an object pronoun
      const object = j === t + 1 && (w === 'it' || w === 'them');
      if (!object && !BEFORE_PREPOSITION.has(w) && this.words.tag(j) !== 'RB') return undefined;
    }
    return undefined;
  }

  private pronounParty(phrase: Span): Party | undefined {
    const text = this.words.text.slice(phrase.start, phrase.end).toLowerCase();
    return text === 'it' || text === 'them' ? { span: phrase, actor: '' } : undefined;
  }

  /** A time expression right after a date-taking verb: "dated late 2023", "written in late 2023 or early 2024", "created around the turn of 2023". */
  private timeAfter(t: number, to: number): TimeExpression | undefined {
    const end = this.words.end(t);
    const limit = t + 6 < to ? this.words.start(t + 6) : to < this.words.count ? this.words.start(to) : this.words.text.length;
    for (const time of this.words.analysis.times) {
      if (time.start < end) continue;
      if (time.start >= limit) break;
      // nothing but prepositions and filler between: no comma, no verb
      for (let j = t + 1; j < this.words.count && this.words.start(j) < time.start; j++) {
        const tag = this.words.tag(j);
        if (this.words.punctuation(j) || tag.startsWith('VB') || tag === 'MD') return undefined;
      }
      return time;
    }
    return undefined;
  }

  private insideTime(j: number): boolean {
    const pos = this.words.start(j);
    return this.words.analysis.times.some((t) => t.start <= pos && t.end > pos);
  }

  private sentenceOf(t: number): { from: number; to: number; sentence: number } {
    const sentence = this.words.sentence(t);
    if (sentence < 0) return { from: 0, to: this.words.count, sentence };
    return { ...this.words.sentenceTokens(sentence), sentence };
  }

  // ---- speaker, hedge, evidence, id ------------------------------------------------------------

  private finish(): ProvenanceFact[] {
    const facts: ProvenanceFact[] = [];
    const seen = new Set<string>();
    for (const d of this.drafts) {
      const spans: Span[] = [d.anchor];
      if (d.slot && this.sameSentence(d.slot, d.sentence)) spans.push(d.slot);
      if (d.party) spans.push(d.party.span);
      if (d.also) spans.push(d.also);
      const evidence = cover(spans);
      const speaker = this.speakers.speakerOf(d.sentence, d.anchor, spans, d.document.id);
      let actor = d.party?.actor;
      // "obtained by it" in what someone says: the one who says it; "could not be verified": the speaker
      if (actor === '' && speaker.startsWith('outlet:')) continue;
      if (actor === '' || (!d.party && !d.value && !d.time)) actor = speaker;
      if (!actor && !d.party?.value && !d.value && !d.time) continue;
      const fact: ProvenanceFact = { id: '', document: d.document.id, fact: d.fact, evidence, speaker };
      if (actor) fact.actor = actor;
      else if (d.party?.value) fact.value = d.party.value;
      if (d.value) fact.value = d.value;
      if (d.time) fact.time = d.time;
      const hedge = this.hedgeIn(evidence, d.sentence, d.fact);
      if (hedge) fact.hedge = hedge;
      const key = `${fact.document}|${fact.fact}|${fact.actor ?? fact.value ?? ''}|${evidence.start}-${evidence.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fact.id = 'pf_' + sha1Hex(`${this.words.analysis.document.id}|${key}`).slice(0, 16);
      facts.push(fact);
    }
    return withoutRepeats(facts).sort((a, b) => a.evidence.start - b.evidence.start || a.evidence.end - b.evidence.end || a.fact.localeCompare(b.fact));
  }

  private sameSentence(span: Span, sentence: number): boolean {
    return sentence < 0 || this.words.sentence(this.words.tokenAt(span.start)) === sentence;
  }

  /** A hedge word in the fact's evidence or just before it ("Allegedly authored by …"). */
  private hedgeIn(evidence: Span, sentence: number, fact: ProvenanceRelation): Span | undefined {
    if (fact === 'disputed-by') return undefined;
    let j = this.words.tokenAt(evidence.start);
    const from = sentence >= 0 ? this.words.sentenceTokens(sentence).from : 0;
    j = Math.max(from, j - 2);
    for (; j < this.words.count && this.words.start(j) < evidence.end; j++) {
      if (HEDGE_WORDS.has(this.words.lower(j))) return { start: this.words.start(j), end: this.words.end(j) };
    }
    return undefined;
  }
}

/**
 * One statement read by two rules ("dismissed the dossier", "dismissed the dossier as a fake") is one fact:
 * of the same fact with the same party, a fact whose evidence lies inside another's is dropped.
 */
function withoutRepeats(facts: ProvenanceFact[]): ProvenanceFact[] {
  const widest = [...facts].sort((a, b) => b.evidence.end - b.evidence.start - (a.evidence.end - a.evidence.start));
  const kept: ProvenanceFact[] = [];
  for (const f of widest) {
    const inside = kept.some((k) =>
      k.document === f.document && k.fact === f.fact && (k.actor ?? k.value) === (f.actor ?? f.value) &&
      k.evidence.start <= f.evidence.start && k.evidence.end >= f.evidence.end);
    if (!inside) kept.push(f);
  }
  return kept;
}

function dateOf(time: TimeInterval): { value: string; time: TimeInterval } {
  const interval = { from: time.from, to: time.to, precision: time.precision };
  return { value: time.from === time.to ? time.from : `${time.from}/${time.to}`, time: interval };
}

function cover(spans: readonly Span[]): Span {
  let start = Infinity;
  let end = -Infinity;
  for (const s of spans) {
    if (s.start < start) start = s.start;
    if (s.end > end) end = s.end;
  }
  return { start, end };
}

// The one-shot crypto.hash (Node 20.12+) is several times cheaper than a Hash object.
const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha1', text, 'hex')
    : (text) => crypto.createHash('sha1').update(text).digest('hex');
