/**
 * The verb-pattern event coder: who did what to whom, sentence by sentence.
 *
 * For each token, one hash lookup finds whether it triggers an event (Rift's own patterns first,
 * then the CAMEO verb dictionary); the pattern words around it pick the CAMEO code. Actors come
 * from the resolver's spans or the lexicon, grouped by coordination. A verb's source is the actor
 * group that is its subject, its target the first group after it; passive voice ("was obtained by")
 * swaps them. Nouns code nominal events ("Chinese espionage", "joint military drills"), taking their
 * actors from modifiers, "of/against/between" phrases or the clause's subject.
 */
import type { SentenceView } from './sentence-view.js';
import type { AgentLexicon } from './agent-lexicon.js';
import type { ActorSlot, VerbDictionary, VerbMatch } from './verb-dictionary.js';
import { firstHolding, type RiftPattern, type RiftPatterns } from './rift-patterns.js';
import { wordFactsFor, type WordFactsIndex } from './word-facts.js';
import { sentenceViewWithFacts } from './sentence-view.js';
import type { Sentence, TokenTable } from '../model/index.js';
import { findActorUnits, groupUnits, NO_RESOLVED, type ActorGroup, type ActorUnit, type ResolvedActor } from './actor-units.js';
import { BE_FORMS, DETERMINERS, PREPOSITIONS } from './words.js';
import { intentCode, statesIntent } from './intent.js';
import { refusalBefore, rejectionCode } from './refusal.js';
import { ClauseScope, segmentClauses } from './clauses.js';
import { DOCUMENT_NOUNS } from '../nlp/cues/lexicon.js';

export interface CodedEvent {
  code: string;
  sources: ActorUnit[];
  targets: ActorUnit[];
  /** Token span of the trigger in the sentence view. */
  triggerStart: number;
  triggerEnd: number;
  /** True when the CAMEO verb dictionary coded it (rather than Rift's own patterns). */
  fromDictionary: boolean;
  /** Token span of the clause the event was read from. */
  clauseStart: number;
  clauseEnd: number;
  mode?: string;
  reciprocal: boolean;
  passive: boolean;
  nominal: boolean;
  confidence: number;
  /** The event involves an amount of money the sentence gives ("trade … $240 billion"): the coder's caller reads it from the quantities layer. */
  money: boolean;
}

export interface CoderResources {
  verbs: VerbDictionary;
  /**
   * Agent nouns to attach to the resolver's actors ("ambassadors of Arnor, Osgiliath and Gondor" → ARNGOV, OSGGOV, GONGOV),
   * compiled from the actor dictionary. Without them the coder's actors are exactly the resolver's.
   */
  agents?: AgentLexicon;
  patterns?: RiftPatterns;
  /**
   * Compose agents' sectors with their actors' codes and keep agents without an actor as `---SECTOR` (PETRARCH's
   * convention). Otherwise agents only widen the spans of the resolver's actors, whose codes stay as they are.
   */
  composeAgents?: boolean;
  /** How far after a verb its target may start, in tokens. */
  targetWindow?: number;
  /** Code stated intentions ("will send aid") with CAMEO's intent codes (03, 13); for CAMEO codes only. */
  intentCodes?: boolean;
  /** Leave verbs of saying to the claims stage: the dictionary's patterns on them reach into what is said. */
  skipSpeechVerbs?: boolean;
  /**
   * Code a dictionary verb by its block's default when none of its patterns matched (PETRARCH does). The CAMEO blocks
   * group loose synonyms under one code ("provide", "lead" and "monitor" under ACCORD, 060), so the pipeline does not.
   */
  blockDefaults?: boolean;
  /** Code refused cooperation ("would not provide support", "refused to meet") with CAMEO's rejection codes (12x). */
  refusalCodes?: boolean;
}

const SPEECH_VERBS = new Set(['say', 'says', 'said', 'saying', 'announce', 'announces', 'announced', 'announcing', 'state', 'states', 'stated', 'add', 'adds', 'added', 'tell', 'tells', 'told', 'report', 'reports', 'reported', 'claim', 'claims', 'claimed', 'declare', 'declares', 'declared', 'note', 'noted', 'confirm', 'confirms', 'confirmed', 'explain', 'explained', 'insist', 'reiterate', 'reiterated']);

/** What the coder remembers across the sentences of one document ("the two" → the last two countries named). */
export interface DocumentMemory {
  /** Codes of the latest actors named, one per state (most recent last, at most 8), and their states. */
  recentCodes: string[];
  recentCountries: string[];
}

export interface SentenceInput {
  view: SentenceView;
  /** The resolver's actors in the sentence, by start. */
  resolved?: readonly ResolvedActor[];
  memory?: DocumentMemory;
}

/**
 * The actors of an event with none on that side. An empty literal would have another array map than filled unit
 * lists, and the sites reading events' actors kept deoptimizing on the mix. Shared, so never to be mutated.
 */
const NO_UNITS: ActorUnit[] = [{ start: 0, end: 0, code: '', country: '' }].slice(1);

const ADVERBS = new Set(['not', "n't", 'now', 'also', 'reportedly', 'allegedly', 'already', 'recently', 'just', 'still', 'never', 'further', 'again', 'since', 'increasingly', 'quietly', 'publicly', 'secretly', 'repeatedly', 'formally', 'officially', 'strongly', 'sharply', 'then', 'later', 'jointly']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can', 'did', 'does', 'do', 'to', 'shall', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'continue', 'continues', 'continued']);
const IRREGULAR_PARTICIPLES = new Set(['held', 'made', 'taken', 'given', 'seen', 'sent', 'brought', 'met', 'told', 'kept', 'caught', 'found', 'stolen', 'shot', 'hit', 'put', 'set', 'beaten', 'driven', 'known', 'thrown', 'struck', 'won', 'led', 'left', 'built', 'bought', 'sold', 'paid', 'drawn', 'shown', 'written', 'hidden', 'broken', 'chosen', 'spoken', 'begun', 'done', 'run', 'cut', 'fought']);
const CLAIMING = new Set(['claim', 'claims', 'claimed', 'claiming', 'admit', 'admits', 'admitted', 'acknowledge', 'acknowledges', 'acknowledged']);
/** Pronouns that, opening what someone says, stand for the speaker ("X said it would …"). */
const PRONOUN_SUBJECTS = new Set(['it', 'they', 'we', 'he', 'she']);
const NOUN_TARGET_PREPS = new Set(['against', 'targeting', 'on', 'of', 'into', 'toward', 'towards', 'with', 'in']);

function isPunctWord(w: string): boolean {
  return w.length === 1 && !/[\p{L}\p{N}]/u.test(w);
}

export class EventCoder {
  private readonly facts: WordFactsIndex;
  /** The clauses of the sentence being coded, segmented when first asked for (reset by each codeSentence). */
  private clauseScope: ClauseScope | undefined;
  private clauseView: SentenceView | undefined;

  constructor(private readonly res: CoderResources) {
    this.facts = wordFactsFor(res);
  }

  private scope(view: SentenceView): ClauseScope {
    if (this.clauseView !== view || !this.clauseScope) {
      this.clauseScope = new ClauseScope(view, segmentClauses(view));
      this.clauseView = view;
    }
    return this.clauseScope;
  }

  /** The view of one sentence (as `sentenceView` builds it), with what this coder's tables know of each word. */
  view(text: string, tokens: TokenTable, sentence: Sentence, pos?: string[]): SentenceView {
    return sentenceViewWithFacts(this.facts, text, tokens, sentence, pos);
  }

  codeSentence(input: SentenceInput): CodedEvent[] {
    const { view } = input;
    const words = view.words;
    const n = words.length;
    const facts = view.facts && view.factsFrom === this.facts ? view.facts : this.facts.ofWords(words);
    const units = findActorUnits(view, input.resolved ?? NO_RESOLVED, this.res.agents, this.res.composeAgents, facts);
    const groups = groupUnits(view, units);
    const inActor = new Uint8Array(n);
    for (const u of units) for (let i = u.start; i < u.end; i++) inActor[i] = 1;
    const events: CodedEvent[] = [];
    for (let i = 0; i < n; i++) {
      if (inActor[i]) continue;
      const triggered = facts[i].riftPatterns;
      const rift = triggered && firstHolding(triggered, words, i, 0, n);
      // A veto ("according to", "a memo has surfaced"): the word is no event in this sense, whatever the dictionary says.
      if (rift?.code === '-') continue;
      if (rift) {
        const isVerb = rift.kind === 'verb';
        // Own patterns carry their own context words, so a weak tagger does not get a veto over them.
        if (isVerb ? this.looksLikeVerb(view, i, false) : true) {
          const ev = isVerb
            ? this.verbEvent(view, groups, i, i + 1, i, rift.code, events, rift)
            : this.nounEvent(view, groups, i, rift, events, input.memory);
          if (ev) events.push(ev);
          // "espionage targeting X": the participle belongs to the nominal event. (`next` rather than i++ in the
          // rarely taken branch, which the optimizing compiler would have no feedback for.)
          const next = i + 1;
          if (ev?.nominal && next < n && /(ing|ed)$/.test(words[next])) i = next;
          continue;
        }
      }
      if (facts[i].verbForms === undefined || !this.looksLikeVerb(view, i)) continue;
      if (this.res.skipSpeechVerbs && SPEECH_VERBS.has(words[i])) continue;
      const m = this.res.verbs.match(words, i, 0, clauseEnd(view, i), () => (this.subjectGroup(view, groups, i)?.units.length ?? 0) > 1, facts);
      // Codes without a digit ('---', '+++') are the dictionary's way of saying: no event.
      if (!m || !/\d/.test(m.code) || (m.blockDefault && this.res.blockDefaults === false)) continue;
      const ev = this.verbEvent(view, groups, m.verbStart, m.verbEnd, m.last, m.code, events, undefined, m);
      if (ev) events.push(ev);
      i = m.verbEnd - 1;
    }
    if (input.memory) remember(input.memory, units);
    if (this.res.intentCodes) {
      for (const e of events) if (!e.nominal && statesIntent(view, e.triggerStart, e.code)) e.code = intentCode(e.code.split(':')[0]);
    }
    return dedupe(withoutObjectNouns(view, this.res.refusalCodes ? refusals(view, events) : events));
  }

  private looksLikeVerb(view: SentenceView, i: number, trustTags = true): boolean {
    if (view.tags && attributive(view, i)) return false;
    if (trustTags && view.tags && view.tags[i]) return view.tags[i].startsWith('VB');
    if (i === 0) return true;
    const prev = view.words[i - 1];
    return !DETERMINERS.has(prev) && !view.possessive[i - 1];
  }

  private isPassive(view: SentenceView, verbStart: number): boolean {
    const w = view.words[verbStart];
    const tag = view.tags?.[verbStart];
    // The tag alone is not trusted: taggers often read "is now labeled" as VBD.
    const participle = tag === 'VBN' || /(ed|en)$/.test(w) || IRREGULAR_PARTICIPLES.has(w);
    if (!participle) return false;
    for (let k = verbStart - 1; k >= 0 && k >= verbStart - 4; k--) {
      const p = view.words[k];
      if (BE_FORMS.has(p)) return true;
      if (!isAdverb(view, k)) return false;
    }
    return false;
  }

  /** The group a verb at `at` has as its subject: the nearest one before it that is not a prepositional object. */
  private subjectGroup(view: SentenceView, groups: ActorGroup[], at: number): ActorGroup | undefined {
    let k = at - 1;
    // Skip auxiliaries, adverbs and time phrases: "the United Nations on Tuesday rejected".
    while (k >= 0 && (AUXILIARIES.has(view.words[k]) || isAdverb(view, k) || isTimeWord(view, k))) k--;
    const scope = this.scope(view);
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g];
      if (group.end > at || !scope.subject(at, group.start, group.end)) continue;
      // "crowds trashed": a noun subject that is no actor, after the group's clause ended. "Eriador's death toll has
      // risen", "FSB memo brands": the actor modifies the subject noun.
      if (view.tags && k >= 0 && group.end <= k && /^NN/.test(view.tags[k] ?? '') && clauseBreak(view, group.end, k)) return undefined;
      // Right before the verb ("after Calenardhon crowds burned"), the group is its subject whatever precedes it.
      if (group.end > k || !clauseBreak(view, group.end, k + 1)) return group;
      let b = group.start - 1;
      while (b > 0 && (view.words[b] === 'the' || view.words[b] === 'a')) b--;
      const before = b >= 0 ? view.words[b] : '';
      if (PREPOSITIONS.has(before) && before !== 'between') continue;
      return group;
    }
    // "Iraq's government announced that it is prepared to impose …": a pronoun opening what someone says is the speaker.
    const said = scope.saidBy(at);
    if (said && PRONOUN_SUBJECTS.has(view.words[said.start]) && said.start < at) return this.subjectGroup(view, groups, said.verb);
    return undefined;
  }

  private groupAfter(groups: ActorGroup[], from: number, exclude?: ActorGroup, within = Infinity): ActorGroup | undefined {
    for (const g of groups) {
      if (g.start >= from + within) return undefined;
      if (g.start >= from && g !== exclude) return g;
    }
    return undefined;
  }

  /** A verb's object: the first group after it, before another verb starts a clause, that is not that verb's subject. */
  private objectGroup(view: SentenceView, groups: ActorGroup[], from: number, exclude?: ActorGroup, verb = from - 1): ActorGroup | undefined {
    const within = this.res.targetWindow ?? 10;
    const tags = view.tags;
    const scope = this.scope(view);
    for (const g of groups) {
      if (g.start < from || g === exclude) continue;
      if (g.start >= from + within || !scope.object(verb, g.start, g.end)) return undefined;
      if (tags) {
        for (let i = from; i < g.start; i++) if (/^(VB[DZP]?|MD)$/.test(tags[i] ?? '') && !(tags[i] === 'VB' && view.words[i - 1] === 'to')) return undefined;
        // "…, a senior Bree official said": after a comma, the subject of the next verb.
        if (/^VB[DZP]$/.test(tags[g.end] ?? '') && view.words.slice(from, g.start).includes(',')) return undefined;
      }
      return g;
    }
    return undefined;
  }

  /** A verb coordinated with an earlier one ("brands China … and warns", ", poaching scientists") shares its subject. */
  private coordinated(view: SentenceView, verbStart: number, earlier: CodedEvent[]): CodedEvent | undefined {
    let k = verbStart - 1;
    while (k >= 0 && (ADVERBS.has(view.words[k]) || AUXILIARIES.has(view.words[k]))) k--;
    const w = view.words[k];
    let prev: CodedEvent | undefined;
    for (let e = earlier.length - 1; e >= 0 && !prev; e--) {
      const ev = earlier[e];
      if (!ev.nominal && ev.triggerEnd <= verbStart && ev.sources.length) prev = ev;
    }
    if (!prev) return undefined;
    if (w === 'and' || w === 'but' || (w === ',' && view.words[verbStart].endsWith('ing'))) return prev;
    return undefined;
  }

  private verbEvent(
    view: SentenceView,
    groups: ActorGroup[],
    verbStart: number,
    verbEnd: number,
    last: number,
    code: string,
    earlier: CodedEvent[],
    rift?: RiftPattern,
    match?: VerbMatch,
  ): CodedEvent | undefined {
    const specificity = match?.specificity ?? 0;
    const words = view.words;
    const passive = this.isPassive(view, verbStart);
    let sources: ActorGroup | undefined;
    let targets: ActorGroup | undefined;
    const shared = this.coordinated(view, verbStart, earlier);
    const left = shared ? groupOf(shared.sources) : this.subjectGroup(view, groups, verbStart);
    if (rift?.speaker) {
      // "Russia said on Tuesday that Sudan must return…": Russia demands of Sudan.
      if (!left) return undefined;
      const said = this.scope(view).saidBy(verbStart);
      const speaker = this.subjectGroup(view, groups, said ? said.verb : left.start);
      // A demand from someone the dictionary does not know ("the Bush administration declared that China must …") still has its target.
      if (!speaker && !said) return undefined;
      return {
        code,
        sources: speaker?.units ?? NO_UNITS,
        targets: left.units,
        triggerStart: verbStart,
        triggerEnd: verbEnd,
        clauseStart: speaker?.start ?? left.start,
        clauseEnd: Math.max(verbEnd, last + 1),
        mode: rift.mode,
        reciprocal: false,
        passive: false,
        nominal: false,
        fromDictionary: false,
        confidence: 0.7,
        money: false,
      };
    }
    if (passive) {
      let agent: ActorGroup | undefined;
      for (let k = verbEnd; k < words.length && k < verbEnd + 8; k++) {
        if (words[k] === 'by' || words[k] === 'within') {
          agent = groups.find((g) => g.start > k && g.start <= k + 4);
          if (agent) break;
        }
      }
      targets = left;
      sources = agent;
      if (!sources && rift?.passiveOk) sources = groups.find((g) => g !== targets);
    } else {
      sources = left;
      targets = this.objectGroup(view, groups, verbEnd, sources);
    }
    if (match?.target) targets = slotGroup(groups, match.target) ?? targets;
    if (match?.source) sources = slotGroup(groups, match.source) ?? sources;
    // "A leaked FSB memo brands China … and spies on Russia": a document's author says things through it; a
    // document does nothing else.
    if (sources && !passive && !isVerbalCode(code) && headIsDocument(view, shared ? shared.triggerStart : verbStart)) sources = undefined;
    if (rift?.inherit && shared && (!targets || targets.units.every((u) => u.code.startsWith('---')))) targets = groupOf(shared.targets);
    if (!sources && !targets) return undefined;
    let reciprocal = false;
    // "Russia and China agreed", "Gondor and Osgiliath have delayed their meeting": a compound subject with no object acts on itself.
    if (sources && sources.units.length > 1 && (rift?.reciprocal || (!rift && !targets))) {
      targets = sources;
      reciprocal = true;
    }
    const clauseStart = Math.min(sources?.start ?? verbStart, targets?.start ?? verbStart, verbStart);
    const clauseEnd = Math.max(sources?.end ?? verbEnd, targets?.end ?? verbEnd, last + 1, verbEnd);
    const base = rift ? 0.7 : specificity > 0 ? 0.7 : 0.5;
    // "The group claimed that it had attacked the convoy": a claim of responsibility (015), not an attack the text asserts.
    const said = this.scope(view).saidBy(verbStart);
    if (said && CLAIMING.has(words[said.verb]) && /^(1[789]|20)/.test(code)) code = '015';
    return {
      code,
      sources: sources?.units ?? NO_UNITS,
      targets: targets?.units ?? NO_UNITS,
      triggerStart: verbStart,
      triggerEnd: verbEnd,
      clauseStart,
      clauseEnd,
      mode: rift?.mode,
      reciprocal,
      passive,
      nominal: false,
      fromDictionary: !rift,
      confidence: sources && targets ? base : base - 0.2,
      money: false,
    };
  }

  private nounEvent(
    view: SentenceView,
    groups: ActorGroup[],
    i: number,
    p: RiftPattern,
    earlier: CodedEvent[],
    memory?: DocumentMemory,
  ): CodedEvent | undefined {
    const words = view.words;
    let sources = NO_UNITS;
    let targets = NO_UNITS;
    let reciprocal = false;
    let sourceGroup: ActorGroup | undefined;
    // A modifier in the same noun phrase: "Chinese espionage", "Beijing-led espionage", "Beijing's covert threats".
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const w = words[k];
      const g = groups.find((x) => x.end === k + 1);
      if (!g && (isPunctWord(w) || PREPOSITIONS.has(w) || DETERMINERS.has(w) || w === 'and' || w === 'or' || w === 'but' || /^(VB[DZP]|MD)$/.test(view.tags?.[k] ?? ''))) break;
      if (g) {
        sourceGroup = g;
        break;
      }
    }
    // "espionage by X", "drills between A and B", "espionage against X", "recruitment of X".
    let j = i + 1;
    while (j < words.length && j <= i + 2 && !PREPOSITIONS.has(words[j]) && !isPunctWord(words[j])) j++;
    if (p.reciprocal && words[j] !== 'between') {
      // "trade and high-profile diplomatic unity between Moscow and Beijing"
      for (let k = i + 1; k < words.length && k <= i + 8; k++) {
        if (words[k] === 'between') {
          j = k;
          break;
        }
      }
    }
    const prep = words[j];
    if (prep === 'between' || prep === 'among') {
      const g = this.groupAfter(groups, j + 1);
      if (g && g.start <= j + 4 && g.units.length > 1) {
        sources = targets = g.units;
        reciprocal = true;
      } else if (words[j + 1] === 'the' && (words[j + 2] === 'two' || words[j + 2] === 'both') && memory && memory.recentCodes.length >= 2) {
        // Written out: the array slice and map built here showed up in traces deoptimizing the sites reading events' actors.
        const codes = memory.recentCodes;
        const countries = memory.recentCountries;
        const two = [
          { start: j + 1, end: j + 3, code: codes[codes.length - 2], country: countries[countries.length - 2] },
          { start: j + 1, end: j + 3, code: codes[codes.length - 1], country: countries[countries.length - 1] },
        ];
        sources = targets = two;
        reciprocal = true;
      }
    } else if (prep === 'by') {
      const g = this.groupAfter(groups, j + 1);
      if (g && g.start <= j + 4) sourceGroup = g;
    }
    if (!reciprocal && prep && NOUN_TARGET_PREPS.has(prep)) {
      const g = this.groupAfter(groups, j + 1, sourceGroup);
      if (g && g.start <= j + 4 && g.units.some((u) => isKnownCode(u.code))) targets = g.units;
    }
    if (!reciprocal && targets.length === 0 && (words[i + 1] === 'targeting' || words[i + 1] === 'against' || words[i + 1] === 'aimed')) {
      // "espionage targeting military secrets, Arctic strategy, and research tied to Russia's war"
      const g = groups.find((x) => x.start >= i + 2 && x.start < i + 16 && x !== sourceGroup && x.units.some((u) => isKnownCode(u.code)));
      if (g) targets = g.units;
    }
    const listed = sourceGroup || targets.length ? undefined : listedAfter(view, earlier, i);
    if (listed) {
      // "joint military drills, diplomatic summits, and economic integration": the items of a list share their actors.
      sources = listed.sources;
      targets = listed.targets;
      reciprocal = listed.reciprocal;
    } else if (!reciprocal) {
      if (sourceGroup) sources = sourceGroup.units;
      else if (p.inherit && earlier.some((e) => e.sources.length)) {
        const prev = lastWithSources(earlier)!;
        sources = prev.sources;
        if (!targets.length) targets = prev.targets;
      } else {
        // The subject of a verb that does the noun ("Russia and China continue joint military drills, diplomatic summits",
        // "China launched an investigation"), not of any verb ("China condemned the invasion"); for a listed measure, the
        // actor just before ("changes in FSB operations, including intensified vetting").
        const verb = supportVerb(view, i);
        const subject = verb >= 0 ? this.subjectGroup(view, groups, verb) : p.inherit ? nearestBefore(groups, i, 8) : undefined;
        if (subject) sources = subject.units;
      }
      if (p.reciprocal && targets.length === 0 && sources.length > 1) {
        targets = sources;
        reciprocal = true;
      }
    }
    if (!sources.length && !targets.length) return undefined;
    const ev: CodedEvent = {
      code: p.code,
      sources,
      targets,
      triggerStart: i,
      triggerEnd: i + 1,
      clauseStart: firstStart(targets, firstStart(sources, i)),
      clauseEnd: lastEnd(targets, lastEnd(sources, i + 1)),
      mode: p.mode,
      reciprocal,
      passive: false,
      nominal: true,
      fromDictionary: false,
      confidence: sources.length && targets.length ? 0.6 : 0.45,
      money: p.money,
    };
    return ev;
  }
}

/** Where the clause of the verb at i ends, for its patterns: the next finite verb or modal (with tags), else the sentence end. */
function clauseEnd(view: SentenceView, i: number): number {
  const n = view.words.length;
  if (!view.tags) return n;
  for (let k = i + 1; k < n; k++) {
    const t = view.tags[k];
    if (((t === 'VBD' || t === 'VBZ' || t === 'VBP') && !AUXILIARIES.has(view.words[k])) || t === 'MD' || view.words[k] === ';') return k;
  }
  return n;
}

/** CAMEO roots 01–05 and 09–13: things said, not done. */
export function isVerbalCode(code: string): boolean {
  const root = (code.charCodeAt(0) - 48) * 10 + (code.charCodeAt(1) - 48);
  return (root >= 1 && root <= 5) || (root >= 9 && root <= 13);
}

/** Is the head noun of the verb's subject, right before it, a document ("A leaked FSB memo brands")? */
function headIsDocument(view: SentenceView, verb: number): boolean {
  let k = verb - 1;
  while (k >= 0 && (AUXILIARIES.has(view.words[k]) || isAdverb(view, k))) k--;
  return k >= 0 && DOCUMENT_NOUNS.has(view.words[k]) && !view.possessive[k];
}

/** The nominal event the noun at i is listed after ("drills, diplomatic summits, and …"), if any. */
function listedAfter(view: SentenceView, earlier: readonly CodedEvent[], i: number): CodedEvent | undefined {
  const prev = earlier[earlier.length - 1];
  if (!prev || !prev.nominal || prev.triggerEnd > i || i - prev.triggerEnd > 6 || (!prev.sources.length && !prev.targets.length)) return undefined;
  let joined = false;
  for (let k = prev.triggerEnd; k < i; k++) {
    const w = view.words[k];
    if (w === ',' || w === 'and' || w === 'or') joined = true;
    else if (!/^(JJ[RS]?|NNS?|DT|CD|HYPH|VBN|VBG)$/.test(view.tags?.[k] ?? (PREPOSITIONS.has(w) ? 'IN' : 'JJ'))) return undefined;
  }
  return joined ? prev : undefined;
}

/** Verbs whose object noun is what their subject does: "hold talks", "launch an investigation", "continue drills". */
const SUPPORT_VERBS = new Set(
  ('hold holds held holding conduct conducts conducted conducting stage stages staged staging launch launches launched ' +
    'launching carry carries carried carrying continue continues continued continuing begin begins began begun beginning ' +
    'start starts started starting resume resumes resumed resuming intensify intensifies intensified intensifying expand ' +
    'expands expanded expanding deepen deepens deepened deepening pursue pursues pursued pursuing wage wages waged waging ' +
    'mount mounts mounted mounting organize organizes organized organizing organise organised step steps stepped ' +
    'impose imposes imposed imposing open opens opened opening order orders ordered ordering announce announces announced ' +
    'host hosts hosted hosting join joins joined joining plan plans planned planning propose proposes proposed proposing ' +
    'seek seeks sought seeking escalate escalates escalated escalating boost boosts boosted boosting renew renews renewed ' +
    'renewing reopen reopens reopened reopening reiterate reiterates reiterated reiterating repeat repeats repeated ' +
    'repeating issue issues issued issuing press presses pressed pressing make makes made making').split(' '),
);

/**
 * A participle that modifies the noun after it ("Newly appointed Prime Minister X", "the recently signed deal"): it
 * opens its noun phrase (at the start, after a determiner, or after an -ly adverb that does), so it is no predicate.
 */
function attributive(view: SentenceView, i: number): boolean {
  const tags = view.tags!;
  if (tags[i] !== 'VBN' || i + 1 >= tags.length || !/^(NN|JJ)/.test(tags[i + 1] ?? '')) return false;
  let k = i - 1;
  if (k >= 0 && tags[k] === 'RB' && view.words[k].endsWith('ly')) k--;
  return k < 0 || tags[k] === 'DT' || tags[k] === 'PRP$' || isPunctWord(view.words[k]);
}

/** The verb doing the noun at i: a support verb before it, over its modifiers and the list it is part of; else -1. */
function supportVerb(view: SentenceView, i: number): number {
  const { words, tags } = view;
  for (let k = i - 1; k >= 0 && k >= i - 12; k--) {
    const w = words[k];
    if (SUPPORT_VERBS.has(w) && (!tags || tags[k]?.startsWith('VB') || tags[k] === 'NN' || tags[k] === 'NNS')) return k;
    const tag = tags?.[k] ?? '';
    const inPhrase = w === ',' || w === 'and' || w === 'up' || w === 'out' || /^(DT|JJ[RS]?|NNS?|CD|PRP\$|POS|RB|RP|VBN|VBG|HYPH)$/.test(tag) || (!tags && !PREPOSITIONS.has(w));
    if (!inPhrase) return -1;
  }
  return -1;
}

/** A code that names someone: not an unknown country (---) nor a provisional actor (UNK). */
function isKnownCode(code: string): boolean {
  return !code.startsWith('---') && !code.startsWith('UNK');
}

function nearestBefore(groups: ActorGroup[], at: number, within: number): ActorGroup | undefined {
  let found: ActorGroup | undefined;
  for (const g of groups) if (g.end <= at && g.end >= at - within) found = g;
  return found;
}

const TIME_WORDS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'tomorrow', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening', 'night', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
const TIME_LEADS = new Set(['on', 'last', 'this', 'next', 'late', 'early', 'earlier', 'in']);

/** A time word, or the preposition or determiner that leads one ("on Tuesday", "last week"). */
function isTimeWord(view: SentenceView, k: number): boolean {
  const w = view.words[k];
  if (TIME_WORDS.has(w) && !(w === 'may' && view.tags?.[k] === 'MD')) return true;
  return TIME_LEADS.has(w) && k + 1 < view.words.length && TIME_WORDS.has(view.words[k + 1]);
}

function isAdverb(view: SentenceView, k: number): boolean {
  const w = view.words[k];
  if (view.tags?.[k]) return view.tags[k].startsWith('RB') || ADVERBS.has(w);
  return ADVERBS.has(w) || (w.length > 4 && w.endsWith('ly'));
}

/** Does a verb, preposition or punctuation stand between two positions (so they are in different phrases)? */
function clauseBreak(view: SentenceView, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = view.tags?.[i] ?? '';
    if (t.startsWith('VB') || t === 'IN' || t === 'TO' || t === 'WDT' || isPunctWord(view.words[i])) return true;
  }
  return false;
}

/** The group a pattern's target or source marker points at. */
function slotGroup(groups: ActorGroup[], slot: ActorSlot): ActorGroup | undefined {
  if (slot.from !== undefined) return groups.find((g) => g.start >= slot.from!);
  let found: ActorGroup | undefined;
  for (const g of groups) if (g.end <= slot.upTo!) found = g;
  return found;
}

function groupOf(units: ActorUnit[]): ActorGroup | undefined {
  if (!units.length) return undefined;
  return { start: Math.min(...units.map((u) => u.start)), end: Math.max(...units.map((u) => u.end)), units };
}

/** The actors the units name, one per state, in the memory's lists (most recent last, at most 8). */
function remember(memory: DocumentMemory, units: readonly ActorUnit[]): void {
  const codes = memory.recentCodes;
  const countries = memory.recentCountries;
  for (const u of units) {
    if (!u.country) continue;
    const at = countries.indexOf(u.country);
    if (at >= 0) {
      codes.splice(at, 1);
      countries.splice(at, 1);
    }
    codes.push(u.code);
    countries.push(u.country);
  }
  // Unconditional (mostly removing nothing): a branch first taken late would deoptimize the coder that inlines this.
  const over = Math.max(0, codes.length - 8);
  codes.splice(0, over);
  countries.splice(0, over);
}

/**
 * Cooperation the sentence refuses becomes a rejection whose trigger spans the refusal ("refused to meet"); an event
 * the refusing verb itself triggered ("refused", 120) gives way to it.
 */
function refusals(view: SentenceView, events: CodedEvent[]): CodedEvent[] {
  let changed = false;
  for (const e of events) {
    if (e.nominal) continue;
    const from = refusalBefore(view, e.triggerStart);
    const code = from >= 0 ? rejectionCode(e.code.split(':')[0]) : undefined;
    if (!code) continue;
    e.code = code;
    e.triggerStart = from;
    e.clauseStart = Math.min(e.clauseStart, from);
    changed = true;
  }
  if (!changed) return events;
  return events.filter((x) => !events.some((e) => e !== x && e.triggerStart <= x.triggerStart && x.triggerEnd <= e.triggerEnd && e.triggerEnd - e.triggerStart > 1));
}

/**
 * A noun that is the object of a verb the coder coded is that verb's event, not one of its own: "imposed sanctions"
 * is one event, "lifted the sanctions" is no imposing of them.
 */
function withoutObjectNouns(view: SentenceView, events: CodedEvent[]): CodedEvent[] {
  let drop: Set<CodedEvent> | undefined;
  for (const e of events) {
    if (!e.nominal) continue;
    for (const v of events) {
      if (v.nominal || v.triggerEnd > e.triggerStart || e.triggerStart - v.triggerEnd > 5) continue;
      let plain = true;
      for (let k = v.triggerEnd; k < e.triggerStart && plain; k++) plain = /^(DT|JJ[RS]?|CD|PRP\$|RB|VBN|NNS?)$/.test(view.tags?.[k] ?? (DETERMINERS.has(view.words[k]) ? 'DT' : ''));
      if (plain) (drop ??= new Set()).add(e);
    }
  }
  return drop ? events.filter((e) => !drop!.has(e)) : events;
}

/**
 * One event per trigger, code and actors; and a noun that names again what a verb of the sentence did, with the same
 * code and actors ("imposed sanctions on Iran … the sanctions"), is that event told twice, not done twice.
 */
function dedupe(events: CodedEvent[]): CodedEvent[] {
  const seen = new Set<string>();
  const done = new Set<string>();
  for (const e of events) if (!e.nominal) done.add(`${e.code}|${codesOf(e.sources)}|${codesOf(e.targets)}`);
  const out: CodedEvent[] = [];
  for (const e of events) {
    const what = `${e.code}|${codesOf(e.sources)}|${codesOf(e.targets)}`;
    if (e.nominal && done.has(what)) continue;
    const key = `${what}|${e.triggerStart}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

// Loops rather than map/join and spreads: the builtins' result arrays vary in element kind (empty or not), and the
// callers inlining them kept deoptimizing on the extra array maps.
function codesOf(units: readonly ActorUnit[]): string {
  let out = '';
  for (let k = 0; k < units.length; k++) out += k === 0 ? units[k].code : ',' + units[k].code;
  return out;
}

function firstStart(units: readonly ActorUnit[], from: number): number {
  let min = from;
  for (let k = 0; k < units.length; k++) if (units[k].start < min) min = units[k].start;
  return min;
}

function lastEnd(units: readonly ActorUnit[], from: number): number {
  let max = from;
  for (let k = 0; k < units.length; k++) if (units[k].end > max) max = units[k].end;
  return max;
}

function lastWithSources(events: readonly CodedEvent[]): CodedEvent | undefined {
  for (let k = events.length - 1; k >= 0; k--) if (events[k].sources.length) return events[k];
  return undefined;
}
