import type { SentenceView } from './sentence-view.js';
import { matchCandidates, type AgentLexicon } from './agent-lexicon.js';
import type { WordFacts } from './word-facts.js';
import { splitPacked } from './words.js';

/** An actor found in a sentence: a token range [start, end) of the view, its CAMEO-style code and its state ('' if none). */
export interface ActorUnit {
  start: number;
  end: number;
  code: string;
  country: string;
}

/** Actors joined by commas and conjunctions ("Putin and Xi"), which act together. */
export interface ActorGroup {
  start: number;
  end: number;
  units: ActorUnit[];
}

/**
 * An actor the resolver found (a resolution): character span, the code of its role on the document's date, and the
 * state it belongs to ('' for none), which "the two" refers back to.
 */
export interface ResolvedActor {
  start: number;
  end: number;
  code: string;
  country: string;
}

/**
 * An empty list with the element kind of filled ones, for sentences and documents without resolved actors: an empty
 * literal has another array map, and the sites reading these lists deoptimized on it.
 */
export const NO_RESOLVED: readonly ResolvedActor[] = [{ start: 0, end: 0, code: '', country: '' }].slice(1);

interface Item {
  start: number;
  end: number;
  code?: string;
  country: string;
  agent?: string;
  agentMode?: 'suffix' | 'prefix';
}

// Second parts of hyphenated modifiers that name who is behind something: "Beijing-led", "Kremlin-backed".
const AGENTIVE_SUFFIXES = new Set(['led', 'backed', 'based', 'sponsored', 'linked', 'run', 'funded', 'directed', 'controlled', 'allied', 'born', 'made']);
const CONNECTORS = new Set([',', 'and', 'or', '&', 'the', 'both', 'as', 'well', 'its', 'their', 'his', 'her']);
const OF_LIKE = new Set(['of', 'from', 'in', 'for']);

function keepActorCode(actor: string): string {
  return actor;
}

function combineCodes(actor: string, agent: string, mode: 'suffix' | 'prefix' = 'suffix'): string {
  if (mode === 'prefix') return agent + actor;
  if (actor.endsWith(agent)) return actor;
  // A capital standing for its government takes the agent's sector instead: "Moscow's security elite" → RUSSPY.
  if (actor.length === 6 && actor.endsWith('GOV') && agent !== 'GOV') return actor.slice(0, 3) + agent;
  return actor + agent;
}

function isPunct(w: string): boolean {
  return w.length === 1 && !/[\p{L}\p{N}]/u.test(w);
}

/** The resolver's actors (and agent nouns, when the coder attaches them) in a sentence, in order. */
function findItems(
  view: SentenceView,
  resolved: readonly ResolvedActor[],
  agents: AgentLexicon | undefined,
  facts: readonly Pick<WordFacts, 'agentCandidates' | 'agentSecond'>[] | undefined,
): Item[] {
  const items: Item[] = [];
  const { words } = view;
  let r = 0;
  for (let i = 0; i < words.length; ) {
    while (r < resolved.length && resolved[r].end <= view.starts[i]) r++;
    if (r < resolved.length && resolved[r].start < view.ends[i]) {
      const res = resolved[r];
      if ((res.end < view.ends[i] || res.start > view.starts[i]) && words[i].includes('-')) {
        // Inside one hyphenated word: "Beijing-led", "Sino-Russian", "Putin-Xi".
        r = hyphenItems(items, view, i, resolved, r);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < words.length && view.starts[j] < res.end) j++;
      items.push(actorItem(i, j, res.code, res.country));
      i = j;
      continue;
    }
    if (agents) {
      let m;
      if (facts) {
        const candidates = facts[i].agentCandidates;
        m = candidates && matchCandidates(candidates, words, i, i + 1 < words.length && facts[i + 1].agentSecond);
      } else m = agents.match(words, i);
      if (m) {
        items.push({ start: i, end: i + m.length, code: undefined, country: '', agent: m.entry.agent, agentMode: m.entry.agentMode });
        i += m.length;
        continue;
      }
    }
    i++;
  }
  return items;
}

/**
 * The resolutions inside the hyphenated word i, from resolved[r] on: actors for "Beijing-led" (the parts before an
 * agentive suffix) and "Sino-Russian" (every part an actor), none for "Ukraine-related". Returns the next resolution.
 */
function hyphenItems(items: Item[], view: SentenceView, i: number, resolved: readonly ResolvedActor[], r: number): number {
  const end = view.ends[i];
  let last = r;
  while (last < resolved.length && resolved[last].start < end) last++;
  const parts = splitPacked(view.words[i], '-');
  const tail = parts[parts.length - 1];
  const inside = resolved.slice(r, last);
  if (AGENTIVE_SUFFIXES.has(tail) || (tail !== 'related' && inside.length === parts.length)) {
    for (const res of inside) items.push(actorItem(i, i + 1, res.code, res.country));
  }
  return last;
}

// Items of one shape, actors and agents alike, keep the loops over them monomorphic.
function actorItem(start: number, end: number, code: string, country: string): Item {
  return { start, end, code, country, agent: undefined, agentMode: undefined };
}

/** Actors of one sentence, agents attached: "Russian President Vladimir Putin" → RUSGOV; "ambassadors of Arnor" → ARNGOV. */
export function findActorUnits(
  view: SentenceView,
  resolved: readonly ResolvedActor[] = NO_RESOLVED,
  agents?: AgentLexicon,
  /**
   * Compose an agent's sector with its actor's code (PETRARCH: "Arnor's minister" → ARNGOV), and keep agents without an
   * actor as `---SECTOR`. Otherwise an agent only widens its actor's span ("NATO peacekeeping troops"): the code stays
   * the resolver's, which composes the sectors it knows itself.
   */
  compose = false,
  /** Per word, `agents.candidatesFor` it (looked up once per spelling by the caller). */
  facts?: readonly Pick<WordFacts, 'agentCandidates' | 'agentSecond'>[],
): ActorUnit[] {
  const combine = compose ? combineCodes : keepActorCode;
  const items = findItems(view, resolved, agents, facts);
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
        if (code) units.push({ start: it.start, end, code, country: it.country });
      } else for (const c of new Set([...code.split('/'), ...extra])) if (c) units.push({ start: it.start, end, code: c, country: it.country });
      continue;
    }
    // A prefix agent right before its actor: "MSF Arnor" → NGOARN.
    if (it.agentMode === 'prefix' && items[k + 1]?.code !== undefined && items[k + 1].start === it.end) {
      if (compose) prefix = it.agent!;
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
        for (const ag of compose ? agents : agents.slice(0, 1)) {
          for (const act of actors) {
            units.push({ start: act === actors[0] ? it.start : act.start, end: act.end, code: combine(act.code!, ag.agent!, ag.agentMode), country: act.country });
          }
        }
        k = m - 1;
        continue;
      }
    }
    // An agent with no actor ("clerics and lawmakers"): PETRARCH codes it with an unknown country.
    if (compose) units.push({ start: it.start, end: it.end, code: it.agentMode === 'prefix' ? it.agent! + '---' : '---' + it.agent!, country: '' });
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

/**
 * Units joined only by commas, conjunctions and determiners form one group. A list closes with "and" or "or"
 * ("Russia, China and Iran"); units joined by commas alone are no list ("According to the Times, China …").
 */
export function groupUnits(view: SentenceView, units: readonly ActorUnit[]): ActorGroup[] {
  const groups: ActorGroup[] = [];
  let commaOnly = 0;
  let listed = false;
  for (const u of units) {
    const last = groups[groups.length - 1];
    const join = last !== undefined && u.start >= last.end && u.start - last.end <= 4 ? joinKind(view, last.end, u.start) : NO_JOIN;
    const joined = join !== NO_JOIN;
    // Not joined but overlapping: two actors in one token, "Sino-Russian". One push for both cases: a push site
    // reached only for the rare one would deoptimize the coder that inlines this.
    if (joined || (last !== undefined && u.start < last.end)) {
      if (join === COMMA_JOIN) commaOnly++;
      else if (join === CONJ_JOIN) listed = true;
      last.units.push(u);
      if (joined) last.end = Math.max(last.end, u.end);
    } else {
      if (commaOnly && !listed) splitAtCommas(view, groups);
      commaOnly = 0;
      listed = false;
      groups.push({ start: u.start, end: u.end, units: [u] });
    }
  }
  if (commaOnly && !listed) splitAtCommas(view, groups);
  return groups;
}

/** Splits the last group where its units were joined by a comma alone. */
function splitAtCommas(view: SentenceView, groups: ActorGroup[]): void {
  const group = groups.pop()!;
  let current: ActorGroup = { start: group.start, end: group.units[0].end, units: [group.units[0]] };
  for (let k = 1; k < group.units.length; k++) {
    const u = group.units[k];
    if (u.start >= current.end && joinKind(view, current.end, u.start) === COMMA_JOIN) {
      groups.push(current);
      current = { start: u.start, end: u.end, units: [u] };
    } else {
      current.units.push(u);
      current.end = Math.max(current.end, u.end);
    }
  }
  groups.push(current);
}

const NO_JOIN = 0;
const COMMA_JOIN = 1;
const CONJ_JOIN = 2;

function joinKind(view: SentenceView, from: number, to: number): number {
  if (from === to) return NO_JOIN;
  let kind = NO_JOIN;
  for (let i = from; i < to; i++) {
    const w = view.words[i];
    if (w === 'and' || w === 'or' || w === '&') kind = CONJ_JOIN;
    else if (w === ',') kind = kind === CONJ_JOIN ? CONJ_JOIN : COMMA_JOIN;
    else if (!CONNECTORS.has(w) && !(view.tags && /^(JJ|DT|RB)/.test(view.tags[i] ?? ''))) return NO_JOIN;
  }
  return kind;
}
