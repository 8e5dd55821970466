import type { TokenTable } from '../../model/index.js';
import { ActorLexicon } from '../actor-lexicon.js';
import { EventCoder, type CodedEvent } from '../coder.js';
import { parsePetrarchActors, parsePetrarchAgents } from '../dictionaries/petrarch-actors.js';
import { parsePetrarchVerbs } from '../dictionaries/petrarch-verbs.js';
import type { ActorLexiconData } from '../dictionaries/actor-data.js';
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

/** A coder over the unit tests' own (fictional) dictionaries: PETRARCH format, WEIS/CAMEO codes as they are. */
export function petrarchCoder(d: PetrarchDictionaries): EventCoder {
  const lexicon: ActorLexiconData = { actors: [], agents: [] };
  for (const a of d.actors) parsePetrarchActors(a, lexicon);
  if (d.agents) parsePetrarchAgents(d.agents, lexicon);
  return new EventCoder({
    verbs: new VerbDictionary(parsePetrarchVerbs(d.verbs)),
    lexicon: new ActorLexicon(lexicon),
    keepLoneAgents: true,
    targetWindow: 16,
  });
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
  const coder = petrarchCoder(d);
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
      coded = dyads(coder.codeSentence({ view: recordView(r), date: r.date }), r.requireDyad);
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
