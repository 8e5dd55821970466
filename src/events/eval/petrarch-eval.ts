import type { Event, TokenTable } from '../../model/index.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { newDocument } from '../../app/document-factory.js';
import type { ActorDictionary } from '../../actors/dictionary.js';
import { resolveActors } from '../../actors/resolver.js';
import { AgentLexicon } from '../agent-lexicon.js';
import type { ResolvedActor } from '../actor-units.js';
import { EventCoder, type CodedEvent } from '../coder.js';
import { emptyPetrarchData, parsePetrarchActors, parsePetrarchAgents, petrarchDictionary } from '../dictionaries/petrarch-actors.js';
import { parsePetrarchVerbs } from '../dictionaries/petrarch-verbs.js';
import { sentenceView, type SentenceView } from '../sentence-view.js';
import { VerbDictionary } from '../verb-dictionary.js';
import type { PetrarchRecord } from './petrarch-records.js';
import { PrfCounter, type Prf } from '../../eval/prf.js';

export interface PetrarchDictionaries {
  verbs: string;
  actors: string[];
  agents?: string;
  discards?: string[];
}

export interface PetrarchScore {
  format: 'petrarch';
  sentences: number;
  goldEvents: number;
  predictedEvents: number;
  exact: Prf;
  root: Prf;
  /** Records whose coded events differ from the expected ones, for inspection. */
  misses: { id: string; text: string; expected: string[]; coded: string[] }[];
}

/** The unit tests' own (fictional) actors and agents as an actor dictionary, and a coder over their verbs that attaches their agents. */
export function petrarchCoder(d: PetrarchDictionaries): { coder: EventCoder; actors: ActorDictionary } {
  const data = emptyPetrarchData();
  for (const a of d.actors) parsePetrarchActors(a, data);
  if (d.agents) parsePetrarchAgents(d.agents, data);
  const actors = petrarchDictionary(data);
  const coder = new EventCoder({
    verbs: new VerbDictionary(parsePetrarchVerbs(d.verbs)),
    agents: new AgentLexicon(actors.agentPhrases),
    composeAgents: true,
    targetWindow: 16,
  });
  return { coder, actors };
}

/** The parse tree's leaves as a one-sentence view. */
export function recordView(record: PetrarchRecord): SentenceView {
  const starts: number[] = [];
  const ends: number[] = [];
  let text = '';
  for (const w of record.words) {
    if (text) text += ' ';
    starts.push(text.length);
    text += w;
    ends.push(text.length);
  }
  const tokens: TokenTable = { count: starts.length, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
  return sentenceView(text, tokens, { start: 0, end: text.length, tokenStart: 0, tokenEnd: starts.length }, record.tags);
}

/** What an undated record is read as of: a fixed day, so that a score never depends on when it was run. */
const UNDATED = '2000-01-01';

/** The actors the resolver finds in a view's text with the given dictionary, on the record's date. */
export function resolvedIn(view: SentenceView, actors: ActorDictionary, date: string | undefined): ResolvedActor[] {
  const found = resolveActors(actors, view.text, { date: date ?? UNDATED });
  return found.resolutions.map((r) => {
    const actor = actors.get(r.actorId);
    return { start: r.start, end: r.end, code: r.code, country: actor?.kind === 'state' ? actor.id : actor?.country ?? '' };
  });
}

/** Event triples as PETRARCH writes them: one per source × target; `a:b` codes add the reverse event b. */
export function dyads(events: readonly CodedEvent[], requireDyad = true): string[] {
  const out: string[] = [];
  const unknown = [{ code: '---' }];
  for (const e of events) {
    const [forward, backward] = e.code.split(':');
    if (requireDyad && (!e.sources.length || !e.targets.length)) continue;
    for (const s of e.sources.length ? e.sources : unknown) {
      for (const t of e.targets.length ? e.targets : unknown) {
        if (s.code === t.code) continue;
        if (forward) out.push(`${s.code}|${t.code}|${forward}`);
        if (backward) out.push(`${t.code}|${s.code}|${backward}`);
      }
    }
  }
  return [...new Set(out)];
}

export function evaluatePetrarch(records: readonly PetrarchRecord[], d: PetrarchDictionaries): PetrarchScore {
  const { coder, actors } = petrarchCoder(d);
  const exact = new PrfCounter();
  const root = new PrfCounter();
  const misses: PetrarchScore['misses'] = [];
  let predictedEvents = 0;
  let goldEvents = 0;
  for (const r of records) {
    const gold = r.expected.map((e) => `${e.source}|${e.target}|${e.code}`);
    let coded: string[] = [];
    const lower = ` ${r.words.join(' ').toLowerCase()} `;
    const discarded = d.discards?.some((p) => lower.includes(` ${p} `));
    if (r.parseOk && !discarded && r.words.length) {
      const view = recordView(r);
      coded = dyads(coder.codeSentence({ view, resolved: resolvedIn(view, actors, r.date) }), r.requireDyad);
    }
    exact.add(coded, gold);
    root.add(
      coded.map((k) => k.split('|')[2].slice(0, 2)),
      gold.map((k) => k.split('|')[2].slice(0, 2)),
    );
    predictedEvents += coded.length;
    goldEvents += gold.length;
    const g = [...gold].sort().join(';');
    if ([...coded].sort().join(';') !== g) misses.push({ id: r.id, text: r.text, expected: gold, coded });
  }
  return { format: 'petrarch', sentences: records.length, goldEvents, predictedEvents, exact: exact.result(), root: root.result(), misses };
}

/** Events as PETRARCH triples: one per source × target, both ways for actors acting on each other. */
export function eventDyads(events: readonly Event[], requireDyad = true): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.modality === 'negated' || e.modality === 'denied') continue;
    if (requireDyad && (!e.sources.length || !e.targets.length)) continue;
    for (const s of e.sources.length ? e.sources : ['---']) {
      for (const t of e.targets.length ? e.targets : ['---']) if (s !== t) out.push(`${s}|${t}|${e.cameo}`);
    }
  }
  return [...new Set(out)];
}

/**
 * Scores Rift's own pipeline on the records' texts (its tokenizer, tagger, actor dictionary and the shipped verb
 * patterns; the given parses are not used): for records about real actors, such as PETRARCH2's validation set.
 */
export function evaluatePetrarchPipeline(records: readonly PetrarchRecord[], pipeline: Pipeline, discards?: readonly string[]): PetrarchScore {
  const exact = new PrfCounter();
  const root = new PrfCounter();
  const misses: PetrarchScore['misses'] = [];
  let predictedEvents = 0;
  let goldEvents = 0;
  for (const r of records) {
    const gold = r.expected.map((e) => `${e.source}|${e.target}|${e.code}`);
    const text = r.text || r.words.join(' ');
    const lower = ` ${text.toLowerCase()} `;
    let coded: string[] = [];
    if (text && !discards?.some((p) => lower.includes(` ${p} `))) {
      const date = r.date ?? UNDATED;
      const analysis = pipeline.analyze(newDocument({ text, format: 'text' }, { ref: r.id, retrievedAt: `${date}T00:00:00Z`, date, language: 'en' }));
      coded = eventDyads(analysis.events, r.requireDyad);
    }
    exact.add(coded, gold);
    root.add(
      coded.map((k) => k.split('|')[2].slice(0, 2)),
      gold.map((k) => k.split('|')[2].slice(0, 2)),
    );
    predictedEvents += coded.length;
    goldEvents += gold.length;
    if ([...coded].sort().join(';') !== [...gold].sort().join(';')) misses.push({ id: r.id, text: r.text, expected: gold, coded });
  }
  return { format: 'petrarch', sentences: records.length, goldEvents, predictedEvents, exact: exact.result(), root: root.result(), misses };
}
