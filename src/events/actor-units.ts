import type { SentenceView } from './sentence-view.js';
import { codeOn, matchCandidates, type ActorLexicon } from './actor-lexicon.js';
import type { WordFacts } from './word-facts.js';
import { splitPacked } from './words.js';

/** An actor found in a sentence: a token range [start, end) of the view and its CAMEO-style code. */
export interface ActorUnit {
  start: number;
  end: number;
  code: string;
}

/** Actors joined by commas and conjunctions ("Putin and Xi"), which act together. */
export interface ActorGroup {
  start: number;
  end: number;
  units: ActorUnit[];
}

/** An actor already resolved upstream (the actors resolver): character span and code. */
export interface ResolvedActor {
  start: number;
  end: number;
  code: string;
}

/**
 * An empty list with the element kind of filled ones, for sentences and documents without resolved actors: an empty
 * literal has another array map, and the sites reading these lists deoptimized on it.
 */
export const NO_RESOLVED: readonly ResolvedActor[] = [{ start: 0, end: 0, code: '' }].slice(1);

interface Item {
  start: number;
  end: number;
  code?: string;
  agent?: string;
  agentMode?: 'suffix' | 'prefix';
}

// Second parts of hyphenated modifiers that name who is behind something: "Beijing-led", "Kremlin-backed".
const AGENTIVE_SUFFIXES = new Set(['led', 'backed', 'based', 'sponsored', 'linked', 'run', 'funded', 'directed', 'controlled', 'allied', 'born', 'made']);
const CONNECTORS = new Set([',', 'and', 'or', '&', 'the', 'both', 'as', 'well', 'its', 'their', 'his', 'her']);
const OF_LIKE = new Set(['of', 'from', 'in', 'for']);

function combine(actor: string, agent: string, mode: 'suffix' | 'prefix' = 'suffix'): string {
  if (mode === 'prefix') return agent + actor;
  if (actor.endsWith(agent)) return actor;
  // A capital standing for its government takes the agent's sector instead: "Moscow's security elite" → RUSSPY.
  if (actor.length === 6 && actor.endsWith('GOV') && agent !== 'GOV') return actor.slice(0, 3) + agent;
  return actor + agent;
}

function isPunct(w: string): boolean {
  return w.length === 1 && !/[\p{L}\p{N}]/u.test(w);
}

/** Lexicon (and resolver) matches in a sentence, before agents are attached to their actors. */
function findItems(
  view: SentenceView,
  lexicon: ActorLexicon,
  date: string | undefined,
  resolved: readonly ResolvedActor[],
  facts: readonly Pick<WordFacts, 'actorCandidates' | 'actorSecond'>[] | undefined,
): Item[] {
  const items: Item[] = [];
  const { words } = view;
  let r = 0;
  for (let i = 0; i < words.length; ) {
    while (r < resolved.length && resolved[r].end <= view.starts[i]) r++;
    if (r < resolved.length && resolved[r].start < view.ends[i]) {
      const res = resolved[r];
      let j = i + 1;
      while (j < words.length && view.starts[j] < res.end) j++;
      items.push(actorItem(i, j, res.code));
      i = j;
      continue;
    }
    let m;
    if (facts) {
      const candidates = facts[i].actorCandidates;
      m = candidates && matchCandidates(candidates, words, i, i + 1 < words.length && facts[i + 1].actorSecond);
    } else m = lexicon.match(words, i);
    const capitalized = view.capitalized[i];
    if (m) {
      // Read together for every match: with resolved actors taken first, an actor entry matching here is rare, and a
      // branch with reads of its own would deoptimize this function when first taken.
      const { agent, agentMode, codes } = m.entry;
      if (agent) {
        items.push({ start: i, end: i + m.length, code: undefined, agent, agentMode });
        i += m.length;
        continue;
      }
      if (codes && capitalized) {
        const code = codeOn(codes, date);
        if (code) items.push(actorItem(i, i + m.length, code));
        i += m.length;
        continue;
      }
    }
    if (capitalized && words[i].includes('-')) hyphenItems(items, i, words[i], lexicon, date);
    i++;
  }
  return items;
}

/** Actors in a hyphenated word: "Beijing-led" (the part before an agentive suffix), "Sino-Russian" (every part). */
function hyphenItems(items: Item[], i: number, w: string, lexicon: ActorLexicon, date: string | undefined): void {
  const parts = splitPacked(w, '-');
  const tail = parts[parts.length - 1];
  if (AGENTIVE_SUFFIXES.has(tail)) {
    const code = lookupOne(lexicon, parts.slice(0, -1), date);
    if (code) items.push(actorItem(i, i + 1, code));
  } else if (tail !== 'related') {
    const codes = parts.map((p) => lookupOne(lexicon, [p], date));
    if (codes.every(Boolean)) for (const c of codes) items.push(actorItem(i, i + 1, c!));
  }
}

// Items of one shape, actors and agents alike, keep the loops over them monomorphic.
function actorItem(start: number, end: number, code: string): Item {
  return { start, end, code, agent: undefined, agentMode: undefined };
}

function lookupOne(lexicon: ActorLexicon, words: string[], date: string | undefined): string | undefined {
  const m = lexicon.match(words, 0);
  if (!m || m.length !== words.length || !m.entry.codes) return undefined;
  return codeOn(m.entry.codes, date);
}

/** Actors of one sentence, agents attached: "Russian President Vladimir Putin" → RUSGOV; "ambassadors of Arnor" → ARNGOV. */
export function findActorUnits(
  view: SentenceView,
  lexicon: ActorLexicon,
  date?: string,
  resolved: readonly ResolvedActor[] = NO_RESOLVED,
  keepLoneAgents = false,
  /** Per word, `lexicon.candidatesFor` it (looked up once per spelling by the caller). */
  facts?: readonly Pick<WordFacts, 'actorCandidates' | 'actorSecond'>[],
): ActorUnit[] {
  const items = findItems(view, lexicon, date, resolved, facts);
  const units: ActorUnit[] = [];
  const { words } = view;
  let prefix = '';
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.code !== undefined) {
      let code = prefix + it.code;
      prefix = '';
      let end = it.end;
      const next = items[k + 1];
      const gap = next ? next.start - end : 0;
      const afterPossessive = view.possessive[end - 1] && gap <= 3 && !hasPunct(words, end, next?.start ?? end);
      const extra: string[] = [];
      if (next?.agent && (gap === 0 || afterPossessive)) {
        const actorCode = code;
        code = combine(actorCode, next.agent, next.agentMode);
        end = next.end;
        k++;
        // "Danish media and government": one actor, several agents.
        while (items[k + 1]?.agent && items[k + 1].start === end + 1 && (words[end] === 'and' || words[end] === ',')) {
          extra.push(combine(actorCode, items[k + 1].agent!, items[k + 1].agentMode));
          end = items[k + 1].end;
          k++;
        }
        // A title and a name: "Russian President Vladimir Putin", "Ithilen's minister Calimehtar".
        const person = items[k + 1];
        if (person?.code && person.start === end) {
          if (person.code.length > code.length && person.code.startsWith(code.slice(0, 3))) code = person.code;
          end = person.end;
          k++;
        }
      } else if (next?.code && next.start === end && next.code.slice(0, 3) === code.slice(0, 3)) {
        // "Russian Vladimir Putin", "Chinese leader" + "Xi Jinping": one actor named twice.
        if (next.code.length > code.length) code = next.code;
        end = next.end;
        k++;
      }
      // "FRO/BIL/SAM": one name standing for several actors.
      if (extra.length === 0 && code.indexOf('/') < 0) {
        if (code) units.push({ start: it.start, end, code });
      } else for (const c of [...code.split('/'), ...extra]) if (c) units.push({ start: it.start, end, code: c });
      continue;
    }
    // A prefix agent right before its actor: "MSF Arnor" → NGOARN.
    if (it.agentMode === 'prefix' && items[k + 1]?.code !== undefined && items[k + 1].start === it.end) {
      prefix = it.agent!;
      continue;
    }
    // Agents before their actors: "the ambassadors of Arnor, Osgiliath and Gondor", "lawmakers and officials in Fornost and Gondor".
    const agents = [it];
    let a = k;
    while (items[a + 1]?.agent && items[a + 1].start === items[a].end + 1 && (words[items[a].end] === 'and' || words[items[a].end] === ',')) {
      agents.push(items[++a]);
    }
    let j = items[a].end;
    if (j < words.length && OF_LIKE.has(words[j])) {
      j++;
      if (words[j] === 'the') j++;
      let m = a + 1;
      const actors: Item[] = [];
      while (m < items.length && items[m].code !== undefined && items[m].start === j) {
        actors.push(items[m]);
        j = items[m].end;
        while (j < words.length && CONNECTORS.has(words[j])) j++;
        m++;
      }
      if (actors.length) {
        for (const ag of agents) {
          for (const act of actors) {
            units.push({ start: act === actors[0] ? it.start : act.start, end: act.end, code: combine(act.code!, ag.agent!, ag.agentMode) });
          }
        }
        k = m - 1;
        continue;
      }
    }
    // An agent with no actor ("clerics and lawmakers"): PETRARCH codes it with an unknown country.
    if (keepLoneAgents) units.push({ start: it.start, end: it.end, code: it.agentMode === 'prefix' ? it.agent! + '---' : '---' + it.agent! });
  }
  // Usually in order already; the sort is stable, so skipping it then changes nothing.
  return inOrder(units) ? units : units.sort(byPosition);
}

function byPosition(x: ActorUnit, y: ActorUnit): number {
  return x.start - y.start || x.end - y.end;
}

function inOrder(units: readonly ActorUnit[]): boolean {
  for (let k = 1; k < units.length; k++) if (byPosition(units[k - 1], units[k]) > 0) return false;
  return true;
}

function hasPunct(words: readonly string[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isPunct(words[i])) return true;
  return false;
}

/** Units joined only by commas, conjunctions and determiners form one group. */
export function groupUnits(view: SentenceView, units: readonly ActorUnit[]): ActorGroup[] {
  const groups: ActorGroup[] = [];
  for (const u of units) {
    const last = groups[groups.length - 1];
    const joined = last !== undefined && u.start >= last.end && u.start - last.end <= 4 && joinable(view, last.end, u.start);
    // Not joined but overlapping: two actors in one token, "Sino-Russian". One push for both cases: a push site
    // reached only for the rare one would deoptimize the coder that inlines this.
    if (joined || (last !== undefined && u.start < last.end)) {
      last.units.push(u);
      if (joined) last.end = Math.max(last.end, u.end);
    } else groups.push({ start: u.start, end: u.end, units: [u] });
  }
  return groups;
}

function joinable(view: SentenceView, from: number, to: number): boolean {
  if (from === to) return false;
  let conj = false;
  for (let i = from; i < to; i++) {
    const w = view.words[i];
    if (w === 'and' || w === 'or' || w === ',' || w === '&') conj = true;
    else if (!CONNECTORS.has(w) && !(view.tags && /^(JJ|DT|RB)/.test(view.tags[i] ?? ''))) return false;
  }
  return conj;
}
