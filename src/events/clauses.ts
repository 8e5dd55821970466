/**
 * A sentence's clauses, read from its words and part-of-speech tags without a parser: which clause each
 * word belongs to, what kind of clause it is and what it hangs on. Enough to say which time expression
 * governs which event: "Russia, which attacked Ukraine in 2022, criticized China on Monday" puts "in 2022"
 * with "attacked" and "on Monday" with "criticized"; "officials said on Tuesday that X attacked Y" keeps
 * Tuesday with the saying.
 *
 * Kinds: `main` (a sentence's clause, also one coordinated with another), `fronted` (an opening phrase
 * without a verb of its own, "In 2023," — it belongs to the main clause after it), `complement` (what is
 * said or thought: "said (that) …"), `relative` ("which …", "who …", "that …" after a noun), `appositive`
 * (set off by commas or brackets and hanging on the noun before it: ", reportedly composed in 2023,"),
 * `adverbial` ("while …", "because …", "after … attacked"), `infinitive` ("to hold talks …").
 */
import type { SentenceView } from './sentence-view.js';

export type ClauseKind = 'main' | 'fronted' | 'complement' | 'relative' | 'appositive' | 'adverbial' | 'infinitive';

export interface Clause {
  kind: ClauseKind;
  /** The clause this one is part of (-1 for a main clause). */
  parent: number;
  /** For relative and appositive clauses: the word they hang on (the noun before them); else -1. */
  head: number;
  /** For a main clause: the fronted phrase that opens it (shared by the main clauses coordinated with it), else -1. */
  fronted: number;
  /** First word of the clause. */
  start: number;
  /** For a verb phrase coordinated with an earlier clause ("… brands China and warns of …"): that clause, whose subject it shares; else -1. */
  sharesSubject: number;
}

export interface Clauses {
  /** Per word of the view, the index of its clause in `list`. */
  of: Int32Array;
  list: Clause[];
}

const SUBORDINATORS = new Set(['while', 'because', 'although', 'though', 'whereas', 'unless', 'if', 'whether']);
/** Words that open a clause only when a verb follows; otherwise they are prepositions ("after the talks"). */
const CLAUSE_OR_PREPOSITION = new Set(['after', 'before', 'since', 'until', 'till', 'when', 'once', 'as']);
const RELATIVES = new Set(['which', 'who', 'whom', 'whose']);
const COORDINATORS = new Set(['and', 'but', 'or', 'yet']);
const DASHES = new Set(['—', '–', '--', '―']);
/** Verbs of saying and thinking whose object can be a clause without "that". */
export const SPEECH_VERBS = new Set([
  'say', 'says', 'said', 'saying', 'tell', 'tells', 'told', 'claim', 'claims', 'claimed', 'warn', 'warns', 'warned', 'insist',
  'insists', 'insisted', 'add', 'adds', 'added', 'believe', 'believes', 'believed', 'think', 'thinks', 'thought', 'announce',
  'announces', 'announced', 'report', 'reports', 'reported', 'state', 'states', 'stated', 'allege', 'alleges', 'alleged',
  'argue', 'argues', 'argued', 'confirm', 'confirms', 'confirmed', 'deny', 'denies', 'denied', 'reveal', 'reveals', 'revealed',
  'suggest', 'suggests', 'suggested', 'show', 'shows', 'showed', 'acknowledge', 'acknowledged', 'admit', 'admits', 'admitted',
  'fear', 'fears', 'feared', 'hope', 'hopes', 'hoped', 'note', 'notes', 'noted', 'explain', 'explained', 'declare', 'declared',
  'assert', 'asserts', 'asserted', 'conclude', 'concludes', 'concluded', 'estimate', 'estimates', 'estimated', 'write', 'writes', 'wrote',
]);
const AUXILIARY = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'shall',
  'should', 'can', 'could', 'may', 'might', 'must', "'s", "'re", "'ve", "'ll", "'d",
]);
/** Words a noun phrase is made of, by tag: what may stand between a comma or a conjunction and a new clause's verb. */
const NOUN_PHRASE_TAGS = new Set(['DT', 'PDT', 'JJ', 'JJR', 'JJS', 'NN', 'NNS', 'NNP', 'NNPS', 'PRP', 'PRP$', 'CD', 'POS', 'RB', 'VBN', 'VBG', 'HYPH', 'CC']);
const LEFT_BRACKETS = new Set(['(', '[']);
const RIGHT_BRACKETS = new Set([')', ']']);

/**
 * A finite verb or modal: what makes a stretch of words a clause. From the tags, or the coder's word for it (its verb
 * triggers, which the tagger sometimes reads as nouns: "brands", "warns"); without tags, a guess from the word.
 */
export function isFiniteVerb(view: SentenceView, i: number, verbs?: Uint8Array): boolean {
  if (verbs?.[i]) return true;
  const tag = view.tags?.[i];
  // Taggers read quotation marks as verbs now and then: a verb has letters.
  if (tag) return (tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD') && isLetter(view.words[i].charCodeAt(0));
  const w = view.words[i];
  return AUXILIARY.has(w) || SPEECH_VERBS.has(w);
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c > 127 && c !== 0x201c && c !== 0x201d && c !== 0x2018 && c !== 0x2019 && c !== 0x2014 && c !== 0x2013);
}

function isParticiple(view: SentenceView, i: number): boolean {
  const tag = view.tags?.[i];
  if (tag) return tag === 'VBN' || tag === 'VBG' || (tag === 'VBD' && /ed$/.test(view.words[i]));
  return /(?:ed|ing)$/.test(view.words[i]) && view.words[i].length > 4;
}

function isAdverb(view: SentenceView, i: number): boolean {
  const tag = view.tags?.[i];
  return tag ? tag.startsWith('RB') : view.words[i].length > 4 && view.words[i].endsWith('ly');
}

function isNoun(view: SentenceView, i: number): boolean {
  const tag = view.tags?.[i];
  return tag ? tag.startsWith('NN') || tag === 'PRP' || tag === 'CD' : /^[\p{L}\p{N}]/u.test(view.words[i]);
}

/** Does a clause (a finite verb, after at most `within` noun-phrase words) start at i? */
function clauseAhead(view: SentenceView, i: number, within: number, verbs?: Uint8Array): boolean {
  const n = view.words.length;
  for (let k = i; k < n && k <= i + within; k++) {
    if (isFiniteVerb(view, k, verbs)) return true;
    const tag = view.tags?.[k];
    if (tag !== undefined && tag !== '' && !NOUN_PHRASE_TAGS.has(tag)) return false;
    if (tag === undefined && (view.words[k] === ',' || COORDINATORS.has(view.words[k]))) return false;
  }
  return false;
}

/** A finite verb before i in the same clause (from the clause's first word). */
function hasVerbSince(view: SentenceView, from: number, to: number, verbs?: Uint8Array): boolean {
  for (let k = from; k < to; k++) if (isFiniteVerb(view, k, verbs)) return true;
  return false;
}

/** The sentence's clauses; `verbs` marks the words the coder read as verbs. */
export function segmentClauses(view: SentenceView, verbs?: Uint8Array): Clauses {
  const words = view.words;
  const n = words.length;
  const of = new Int32Array(n);
  const list: Clause[] = [{ kind: 'main', parent: -1, head: -1, fronted: -1, start: 0, sharesSubject: -1 }];
  let cur = 0;
  const open = (kind: ClauseKind, parent: number, start: number, head = -1, fronted = -1, sharesSubject = -1): number => {
    list.push({ kind, parent, head, fronted, start, sharesSubject });
    return list.length - 1;
  };
  /** The main clause a clause belongs to. */
  const mainOf = (c: number): number => {
    while (list[c].parent >= 0) c = list[c].parent;
    return c;
  };
  for (let i = 0; i < n; i++) {
    const w = words[i];
    const clause = list[cur];
    if (w === ';' || w === ':' || DASHES.has(w)) {
      of[i] = cur;
      // A dash may also close an aside opened by a dash; either way what follows is a clause of its own.
      cur = open('main', -1, i + 1);
      continue;
    }
    if (LEFT_BRACKETS.has(w)) {
      of[i] = cur;
      cur = open('appositive', cur, i + 1, i - 1);
      continue;
    }
    if (RIGHT_BRACKETS.has(w)) {
      of[i] = cur;
      if (clause.kind === 'appositive' && clause.parent >= 0) cur = clause.parent;
      continue;
    }
    if (w === ',') {
      of[i] = cur;
      const next = i + 1;
      if (next >= n) continue;
      // The comma that closes an aside: ", which attacked Ukraine in 2022," / ", dated late 2023,".
      if ((clause.kind === 'appositive' || clause.kind === 'relative') && clause.parent >= 0 && words[clause.start - 1] === ',') {
        // The parent continues ("Russia, which …, criticized").
        cur = clause.parent;
        if (RELATIVES.has(words[next])) cur = open('relative', cur, next, i - 1);
        continue;
      }
      // A fronted subordinate clause ends at its comma: "While X tout a partnership, this memo reveals …".
      if (clause.kind === 'adverbial' && list[clause.parent]?.start === clause.start) {
        const parent = list[clause.parent];
        cur = clause.parent;
        if (parent.kind === 'main' && !hasVerbSince(view, parent.start, clause.start, verbs)) {
          // The parent had nothing before the subordinate clause: the main clause starts after the comma.
          parent.kind = 'fronted';
          cur = open('main', -1, next, -1, clause.parent);
        }
        continue;
      }
      if (RELATIVES.has(words[next])) {
        cur = open('relative', cur, next, i - 1);
        continue;
      }
      // ", reportedly composed in late 2023 or early 2024 and leaked via …," / ", marking a stunning pivot".
      let p = next;
      while (p < n && isAdverb(view, p)) p++;
      if (p < n && isParticiple(view, p) && !isFiniteVerb(view, p, verbs)) {
        cur = open('appositive', cur, next, i - 1);
        continue;
      }
      // An aside between commas before the clause goes on: "Trade between the US and China, on the other hand, fell".
      const close = asideEnd(view, next, verbs);
      if (close > 0) {
        cur = open('appositive', cur, next, i - 1);
        continue;
      }
      // An opening without a verb of its own ("In 2023,", "Despite these concerns,"): it fronts the clause after it.
      // A noun phrase before a comma is a list or the subject of an aside ("Mordor, Rohan and Bree welcomed").
      if (clause.kind === 'main' && !hasVerbSince(view, clause.start, i, verbs) && opensAdverbial(view, clause.start)) {
        clause.kind = 'fronted';
        cur = open('main', -1, next, -1, cur);
        continue;
      }
      // ", officials said on Tuesday" / ", and China condemned it": a clause with its own subject or verb.
      const coordinated = COORDINATORS.has(words[next]);
      if (clauseAhead(view, coordinated ? next + 1 : next, 6, verbs)) {
        const main = mainOf(cur);
        cur = open('main', -1, next, -1, coordinated ? list[main].fronted : -1);
        continue;
      }
      continue;
    }
    if (COORDINATORS.has(w) && i > 0 && clause.kind !== 'fronted') {
      of[i] = cur;
      // "attacked Ukraine in 2022 and threatened Poland": a verb phrase of its own, with the clause's subject.
      let k = i + 1;
      while (k < n && isAdverb(view, k)) k++;
      if (k < n && (isFiniteVerb(view, k, verbs) || (view.tags?.[k] === 'VBN' && clause.kind === 'main'))) {
        cur = open(clause.kind, clause.parent, i + 1, clause.head, clause.kind === 'main' ? clause.fronted : -1, cur);
        continue;
      }
      if (clauseAhead(view, i + 1, 5, verbs) && hasVerbSince(view, clause.start, i, verbs)) {
        cur = open(clause.kind, clause.parent, i + 1, clause.head, clause.kind === 'main' ? clause.fronted : -1);
      }
      continue;
    }
    if (w === 'that') {
      const tag = view.tags?.[i];
      const prev = i > 0 ? view.tags?.[i - 1] ?? '' : '';
      if (tag === 'DT' && !clauseAhead(view, i + 1, 0, verbs)) {
        of[i] = cur;
        continue;
      }
      of[i] = cur;
      // "demanded Friday that …", "said on Tuesday that …": what a verb says, past the time it was said.
      let v = i - 1;
      while (v > 0 && (TIME_WORDS.has(words[v]) || (words[v] === 'on' && TIME_WORDS.has(words[v + 1])))) v--;
      const afterVerb = v < i - 1 && /^VB/.test(view.tags?.[v] ?? '');
      if (!afterVerb && i > 0 && (prev.startsWith('NN') || (!view.tags && !isFiniteVerb(view, i - 1) && !SPEECH_VERBS.has(words[i - 1]))) && !SPEECH_VERBS.has(words[i - 1])) {
        cur = open('relative', cur, i + 1, i - 1);
      } else cur = open('complement', cur, i + 1);
      continue;
    }
    if (RELATIVES.has(w) && i > 0) {
      of[i] = cur;
      cur = open('relative', cur, i + 1, words[i - 1] === ',' ? i - 2 : i - 1);
      continue;
    }
    if (SUBORDINATORS.has(w) || (CLAUSE_OR_PREPOSITION.has(w) && clauseAhead(view, i + 1, 6, verbs))) {
      of[i] = cur;
      cur = open('adverbial', cur, i);
      continue;
    }
    if (w === 'to' && i + 1 < n && (view.tags ? view.tags[i + 1] === 'VB' : false)) {
      of[i] = cur;
      cur = open('infinitive', cur, i + 1);
      continue;
    }
    of[i] = cur;
    // "The Kremlin said Ukraine attacked Russia": a saying verb's clause without "that" starts after the verb and
    // whatever time or place phrase is its own ("said on Tuesday …").
    if (SPEECH_VERBS.has(w) && (view.tags ? /^VB[DZPN]?$/.test(view.tags[i] ?? '') : true)) {
      const start = complementStart(view, i + 1, verbs);
      if (start > 0) {
        for (let k = i + 1; k < start; k++) of[k] = cur;
        cur = open('complement', cur, start);
        i = start - 1;
      }
    }
  }
  return { of, list };
}

/**
 * Where an aside that starts at `from` ends (its closing comma), when a short phrase without a verb is followed by a
 * comma and then the verb of the clause it interrupts ("X, on the other hand, fell"); else -1. A list of names
 * ("Russia, China and India agreed") has no second comma before its verb.
 */
function asideEnd(view: SentenceView, from: number, verbs?: Uint8Array): number {
  const { words } = view;
  for (let k = from; k < words.length && k <= from + 6; k++) {
    if (words[k] === ',') {
      let v = k + 1;
      while (v < words.length && isAdverb(view, v)) v++;
      return k > from && v < words.length && isFiniteVerb(view, v, verbs) ? k : -1;
    }
    if (isFiniteVerb(view, k, verbs) || COORDINATORS.has(words[k]) || RELATIVES.has(words[k]) || words[k] === 'that') return -1;
  }
  return -1;
}

const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight', 'earlier',
  'week', 'month', 'year', 'weekend', 'morning', 'evening', 'last', 'this', 'next',
]);
const TIME_OPENERS = new Set(['last', 'next', 'this', 'early', 'earlier', 'late', 'later', 'previously']);

/** Does the phrase at i open as an adverbial ("In 2023", "Despite …", "Last week", "Three days before …"), not a noun phrase? */
function opensAdverbial(view: SentenceView, i: number): boolean {
  const tag = view.tags?.[i];
  if (tag === undefined || tag === '') return !/^\p{Lu}/u.test(view.words[i]) && (TIME_OPENERS.has(view.words[i]) || /ly$/.test(view.words[i]));
  if (tag === 'IN' || tag === 'TO' || tag.startsWith('RB') || tag === 'VBG' || tag === 'VBN' || tag === 'WRB') return true;
  if (TIME_OPENERS.has(view.words[i])) return true;
  // "Three days before the invasion,"
  return tag === 'CD' && i + 2 < view.words.length && (view.tags?.[i + 2] === 'IN' || view.tags?.[i + 2] === 'RB');
}

/** Where a saying verb's bare clause begins (its subject), or -1 when no clause follows it. */
function complementStart(view: SentenceView, from: number, verbs?: Uint8Array): number {
  const words = view.words;
  const n = words.length;
  let k = from;
  // The verb's own adjuncts: "on Tuesday", "last week", "in a statement", "to reporters".
  for (let guard = 0; guard < 3 && k < n; guard++) {
    const tag = view.tags?.[k] ?? '';
    if (tag === 'IN' || tag === 'TO' || isAdverb(view, k)) {
      k++;
      while (k < n && /^(DT|JJ|NNP?S?|CD|PRP\$|POS)$/.test(view.tags?.[k] ?? '') && !clauseAhead(view, k, 0, verbs)) {
        // Stop where a subject and its verb begin: "said on Tuesday Ukraine attacked", "said here Wednesday that the US must".
        if (isNoun(view, k) && k + 1 < n && isFiniteVerb(view, k + 1, verbs) && k > from + 1) {
          break;
        }
        k++;
      }
    } else break;
  }
  if (k >= n || words[k] === 'that' || words[k] === ',' || words[k] === '.') return -1;
  return clauseAhead(view, k, 8, verbs) && (isNoun(view, k) || /^(DT|PRP\$|JJ|CD)$/.test(view.tags?.[k] ?? '')) ? k : -1;
}

/**
 * Which actors a verb may take as its subject or object, by clause: the coder looks for a verb's actors in its own
 * clause, not across "that", "which" or a comma that starts another clause.
 */
export class ClauseScope {
  constructor(
    private readonly view: SentenceView,
    readonly clauses: Clauses,
  ) {}

  /**
   * Whether the actor at words [start, end) may be the subject of the verb at v: one in the verb's clause, in the
   * clause it shares its subject with ("… brands China and warns"), in the clause an infinitive or a participle
   * clause hangs on ("Putin and Xi continue to tout", "while exposing"), or the noun a relative clause hangs on
   * ("Russia, which attacked Ukraine").
   */
  subject(v: number, start: number, end: number): boolean {
    // Clauses are read from tags: without them every actor is in reach, as it was before clauses were read.
    if (!this.view.tags) return true;
    const { of, list } = this.clauses;
    // A phrase belongs where its head, the last word, stands ("the US" after "that"); a group that runs on into an
    // aside ("Kenzo Oshima, the UN relief coordinator,") where its first word does.
    const own = of[end - 1];
    const first = of[start];
    let c = of[v];
    for (let guard = 0; guard < 8 && c >= 0; guard++) {
      if (own === c || first === c) return true;
      const clause = list[c];
      if (clause.sharesSubject >= 0) c = clause.sharesSubject;
      else if (clause.kind === 'infinitive' || (clause.kind === 'adverbial' && this.opensWithParticiple(clause))) c = clause.parent;
      else if (clause.kind === 'relative' && clause.head >= 0) return start <= clause.head && end > clause.head;
      else return false;
    }
    return false;
  }

  /**
   * Whether the actor starting at word `start` may be the object of the verb at v: one in its clause, in an aside or
   * an infinitive hanging on that clause ("agreed to hold talks with China"), or the subject of what it says or
   * hopes ("Arnor believes Dagolath can cope": the first actor after the verb, as PETRARCH codes it).
   */
  object(v: number, start: number, end: number): boolean {
    if (!this.view.tags) return true;
    const { of, list } = this.clauses;
    const c = of[v];
    const own = list[of[end - 1]];
    if (of[end - 1] === c) return true;
    if (own.parent !== c) return false;
    return own.kind === 'appositive' || own.kind === 'infinitive' || own.kind === 'complement';
  }

  /**
   * For a verb in what someone says or thinks ("X said (that) it would …", "… announced that it is prepared to
   * impose …"): the saying verb and the first word of what is said; else undefined.
   */
  saidBy(v: number): { verb: number; start: number } | undefined {
    if (!this.view.tags) return undefined;
    const { of, list } = this.clauses;
    let c = of[v];
    for (let guard = 0; guard < 8; guard++) {
      const clause = list[c];
      if (clause.kind === 'complement') {
        let k = clause.start - 1;
        if (this.view.words[k] === 'that') k--;
        for (let back = 0; k >= 0 && back < 6; back++, k--) {
          if (of[k] === clause.parent && /^VB/.test(this.view.tags?.[k] ?? (SPEECH_VERBS.has(this.view.words[k]) ? 'VB' : ''))) {
            return { verb: k, start: clause.start };
          }
        }
        return undefined;
      }
      if (clause.sharesSubject >= 0) c = clause.sharesSubject;
      else if (clause.kind === 'infinitive') c = clause.parent;
      else return undefined;
    }
    return undefined;
  }

  private opensWithParticiple(clause: Clause): boolean {
    const first = clause.start + 1;
    const tag = this.view.tags?.[first];
    return tag === 'VBG' || tag === 'VBN';
  }
}
