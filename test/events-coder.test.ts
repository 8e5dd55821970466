import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Document } from '../src/model/index.js';
import { emptyAnalysis } from '../src/pipeline/pipeline.js';
import { tokenize } from '../src/nlp/tokenizer.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { codeDocument } from '../src/events/coder-component.js';
import { EVENT_TABLES } from '../src/events/resources.js';
import { processResources } from '../src/app/pipeline.js';
import { EventCoder } from '../src/events/coder.js';
import { sentenceView } from '../src/events/sentence-view.js';
import { VerbDictionary } from '../src/events/verb-dictionary.js';
import { parsePetrarchVerbs } from '../src/events/dictionaries/petrarch-verbs.js';
import { loadStages } from '../src/app/pipeline.js';
import { testDocument } from './support/documents.js';

const tables = processResources.get(EVENT_TABLES);
const upstream = await loadStages(['tokenizer', 'sentences', 'values', 'actors']);

/** Runs the tokenizer, the sentence splitter, numbers and times, the actor resolver and the coder (no tagger, no NER). */
function code(text: string, publishedAt = '2025-06-01'): Analysis {
  const document: Document = testDocument(text, { id: 'doc-test', publishedAt });
  const a = upstream.analyze(document);
  codeDocument(a, tables);
  return a;
}

const find = (a: Analysis, trigger: string) => a.events.filter((e) => a.document.text.slice(e.trigger!.start, e.trigger!.end).toLowerCase() === trigger);

test('active voice: source, target, codes, Goldstein, QuadClass, spans', () => {
  const a = code('Russia accused Ukraine of shelling the plant.');
  const [e] = find(a, 'accused');
  assert.ok(e, 'an accusation');
  assert.deepEqual([e.sources, e.targets], [['RUS'], ['UKR']]);
  assert.equal(e.ploverType, 'ACCUSE');
  assert.equal(e.quadClass, 3);
  assert.ok(e.goldstein < 0);
  assert.equal(e.modality, 'asserted');
  assert.equal(a.document.text.slice(e.sourceSpans![0].start, e.sourceSpans![0].end), 'Russia');
  assert.equal(a.document.text.slice(e.evidence.start, e.evidence.end), 'Russia accused Ukraine of shelling the plant.');
});

test('passive voice: "X was … by Y" makes Y the source', () => {
  const a = code('Ukraine was attacked by Russia on Monday.');
  const [e] = find(a, 'attacked');
  assert.ok(e);
  assert.deepEqual([e.sources, e.targets], [['RUS'], ['UKR']]);
  assert.equal(e.ploverType, 'ASSAULT');
});

test('coordination: "Putin and Xi" act together; a compound subject with no object acts on itself', () => {
  const a = code('Vladimir Putin and Xi Jinping praised their partnership.');
  const [e] = find(a, 'praised');
  assert.deepEqual(new Set(e.sources), new Set(['RUSGOV', 'CHNGOV']));
  assert.equal(e.reciprocal, true);
  const drills = find(code('Russia and China held joint military drills.'), 'drills')[0];
  assert.equal(drills.cameo, '062');
  assert.equal(drills.ploverType, 'COOPERATE');
  assert.deepEqual(new Set(drills.targets), new Set(['RUS', 'CHN']));
});

test('apposition and titles: the title+name actor is one source', () => {
  const a = code('Russian President Vladimir Putin, the Kremlin leader, criticized China.');
  const [e] = find(a, 'criticized');
  assert.deepEqual([e.sources, e.targets], [['RUSGOV'], ['CHN']]);
});

test('nominal events: demonym source, "against"/"of" target, amounts and years', () => {
  const esp = find(code('Officials warned of Chinese espionage against Russia.'), 'espionage')[0];
  assert.deepEqual([esp.sources, esp.targets, esp.ploverType, esp.ploverMode], [['CHN'], ['RUS'], 'COERCE', 'espionage']);
  const trade = find(code('Russia and China expanded trade between Moscow and Beijing to $240 billion in 2023.'), 'trade')[0];
  assert.equal(trade.cameo, '061');
  assert.deepEqual(trade.amount && { ...trade.amount, start: 0, end: 0 }, { start: 0, end: 0, value: 240e9, currency: 'USD', text: '$240 billion' });
  assert.deepEqual(trade.time, { from: '2023-01-01', to: '2023-12-31', precision: 'year', basis: 'event' });
});

test('reported speech: the event inside the quote has its own actors', () => {
  const a = code('The Kremlin said Ukraine attacked Russia.');
  const [e] = find(a, 'attacked');
  assert.deepEqual([e.sources, e.targets], [['UKR'], ['RUS']]);
  assert.ok(!a.events.some((x) => x.cameo.startsWith('01')), 'a bare statement is no PLOVER event');
});

test('"X said Y must …" codes a demand from the speaker to the subject', () => {
  const [e] = find(code('Russia said on Tuesday that Sudan must return the helicopter.'), 'must');
  assert.deepEqual([e.sources, e.targets, e.ploverType], [['RUS'], ['SDN'], 'REQUEST']);
});

test('ids are deterministic and distinct; sentences without actors code nothing', () => {
  const text = 'Russia accused Ukraine of attacks. Ukraine accused Russia of attacks.';
  const one = code(text).events.map((e) => e.id);
  const two = code(text).events.map((e) => e.id);
  assert.deepEqual(one, two);
  assert.equal(new Set(one).size, one.length);
  assert.ok(one.length >= 2);
  assert.equal(code('The weather was accused of being cold.').events.length, 0);
});

test('POS tags veto dictionary verbs used as nouns', () => {
  const verbs = new VerbDictionary(parsePetrarchVerbs('--- ATTACK [190] ---\nATTACK\n'));
  const coder = new EventCoder({ verbs });
  const text = 'Gondor attack Mordor';
  const tokens = tokenize(text);
  const sentence = { start: 0, end: text.length, tokenStart: 0, tokenEnd: tokens.count };
  const resolved = [{ start: 0, end: 6, code: 'GON', country: 'GON' }, { start: 14, end: 20, code: 'MOR', country: 'MOR' }];
  assert.equal(coder.codeSentence({ view: sentenceView(text, tokens, sentence, ['NNP', 'VBP', 'NNP']), resolved }).length, 1);
  assert.equal(coder.codeSentence({ view: sentenceView(text, tokens, sentence, ['NNP', 'NN', 'NNP']), resolved }).length, 0);
});

test('the shipped tables load once per process and index verbs by form', () => {
  const r = processResources.get(EVENT_TABLES);
  assert.equal(r, tables);
  assert.ok(r.verbs.has('accused') && r.verbs.has('visited'));
});

test('stated intentions take CAMEO intent codes: "will send aid" is AGREE, "would impose sanctions" THREATEN', () => {
  const aid = find(code('Russia will send aid to Syria.'), 'send')[0];
  assert.deepEqual([aid.cameo, aid.ploverType], ['033', 'AGREE']);
  const sent = find(code('Russia sent aid to Syria.'), 'sent')[0];
  assert.deepEqual([sent.cameo, sent.ploverType], ['070', 'AID']);
  const threat = find(code('France would impose sanctions on Iran.'), 'impose')[0];
  assert.deepEqual([threat.cameo, threat.ploverType], ['1312', 'THREATEN']);
});

test('verbs of saying are left to the claims stage', () => {
  const a = code('Russia said Ukraine attacked Russia.');
  assert.deepEqual(a.events.map((e) => a.document.text.slice(e.trigger!.start, e.trigger!.end)), ['attacked']);
});

const tagged = await loadStages(['tokenizer', 'sentences', 'pos', 'values', 'actors']);

/** The events of a text read with part-of-speech tags, as `code` and the trigger each stands on. */
function codedWithTags(text: string): string[] {
  const a = tagged.analyze(testDocument(text, { id: 'doc-tagged', publishedAt: '2025-06-01' }));
  codeDocument(a, tables, { requireDyad: false });
  return a.events.map((e) => `${e.cameo} ${e.sources.join(',')}>${e.targets.join(',')} ${text.slice(e.trigger!.start, e.trigger!.end)}`);
}

test('a verb between a country and a force is the verb: "France mobilized troops" is France mobilizing, not French troops', () => {
  assert.deepEqual(codedWithTags('France mobilized troops against Algeria.'), ['154 FRA>DZA mobilized']);
  assert.ok(codedWithTags('French special forces attacked Algeria.').some((e) => e.startsWith('190 FRAMIL>')), 'an adjective still joins them');
});

test('a participle that opens a noun phrase is no event: "Newly appointed Minister X"', () => {
  const events = codedWithTags('Newly appointed Chilean Foreign Minister Pedro Soto has rejected the proposal from Peru.');
  assert.ok(!events.some((e) => e.endsWith(' appointed')), events.join('; '));
  assert.ok(events.some((e) => e.startsWith('120 ')), events.join('; '));
});

test('states of emergency, sieges, curfews and blockades are coercion; announced for later, threats', () => {
  assert.ok(codedWithTags('The government of Chile declared a state of emergency in Santiago.').some((e) => /^1724 .* declared$/.test(e)));
  assert.ok(codedWithTags('Peru said it would tighten the blockade of Bolivia.').some((e) => /^138 PER>BOL tighten$/.test(e)));
  assert.ok(codedWithTags('The Chilean government will extend the curfew in Santiago.').some((e) => /^1323 .* extend$/.test(e)));
});

test('"prepared to" is no agreement, and a demand that someone act is a demand', () => {
  assert.ok(!codedWithTags('The Chilean army prepared to attack Peru.').some((e) => e.endsWith(' prepared')));
  const demand = codedWithTags('Chile renewed its demand that Peru withdraw its troops.');
  assert.ok(demand.some((e) => /^100 CHL>.* demand$/.test(e)), demand.join('; '));
});

test('a list closes with "and" or "or": an opening "According to X," gives no co-actor to the clause after it', () => {
  assert.deepEqual(codedWithTags('According to Al Jazeera, Chile attacked Peru.'), ['190 CHL>PER attacked']);
  assert.ok(codedWithTags('Chile, Peru and Bolivia held joint drills.').some((e) => e.startsWith('062 CHL,PER,BOL>')));
});
