import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Event, Modality } from '../src/model/index.js';
import { FACTUAL_MODALITIES } from '../src/model/index.js';
import { emptyAnalysis } from '../src/pipeline/pipeline.js';
import { readModality, wordsBetween } from '../src/events/modality.js';
import { scanCues } from '../src/nlp/cues/scan.js';
import { testDocument } from './support/documents.js';
import { loadStage, runStages } from './support/stages.js';

const modality = await loadStage('modality');

function analysisOf(text: string, publishedAt?: string): Analysis {
  return emptyAnalysis(testDocument(text, { id: 'doc', publishedAt }));
}

function eventAt(text: string, trigger: string, time?: { from: string; to: string }): Event {
  const start = text.indexOf(trigger);
  assert.ok(start >= 0, `"${trigger}" not in text`);
  return {
    id: `e-${start}`,
    evidence: { start: 0, end: text.length },
    trigger: { start, end: start + trigger.length },
    sources: ['RUS'], targets: ['UKR'],
    ploverType: 'ASSAULT', cameo: '190', goldstein: -10, quadClass: 4,
    modality: 'asserted', confidence: 1,
    time: time ? { ...time, precision: 'day', basis: 'event' } : { from: '2025-06-01', to: '2025-06-01', precision: 'day', basis: 'report' },
  };
}

function modalityOf(text: string, trigger: string, publishedAt?: string, time?: { from: string; to: string }): Modality {
  const a = analysisOf(text, publishedAt);
  a.events.push(eventAt(text, trigger, time));
  runStages(a, [modality]);
  return a.events[0].modality;
}

const CASES: [Modality, string, string][] = [
  ['asserted', 'Russian troops shelled the city on Tuesday.', 'shelled'],
  ['negated', 'Russian troops did not shell the city on Tuesday.', 'shell'],
  ['negated', 'Moscow never recognized the new government.', 'recognized'],
  ['negated', 'No talks were held between the two delegations.', 'talks'],
  ['negated', 'Beijing refused to sign the declaration.', 'sign'],
  ['denied', 'The Kremlin denied that its forces attacked the convoy.', 'attacked'],
  ['denied', 'Beijing rejected claims that it supplied drones to Moscow.', 'supplied'],
  ['hypothetical', 'The dispute could destabilize the alliance.', 'destabilize'],
  ['hypothetical', 'Moscow may now shift its posture sharply.', 'shift'],
  ['hypothetical', 'Such a move might provoke a response.', 'provoke'],
  ['hypothetical', 'A blockade would cripple the economy.', 'cripple'],
  ['hypothetical', 'If Moscow expels the diplomats, Beijing will retaliate.', 'expels'],
  ['hypothetical', 'It is unclear whether Turkey joins the talks next month.', 'joins'],
  ['future', 'The president will visit Beijing next week.', 'visit'],
  ['future', 'Moscow plans to expand the pipeline.', 'expand'],
  ['future', 'The two navies are set to hold exercises in July.', 'hold'],
  ['alleged', 'Chinese operatives allegedly infiltrate Russian institutions.', 'infiltrate'],
  ['alleged', 'Kyiv accused Moscow of shelling the plant.', 'shelling'],
  ['alleged', 'The memo warns of growing Chinese espionage in the Arctic.', 'espionage'],
  ['reported', 'The minister reportedly resigned after the vote.', 'resigned'],
  ['reported', 'The fallout spurred reported changes in FSB operations.', 'changes'],
  ['reported', 'Russian forces seized the town, officials said.', 'seized'],
  ['reported', 'According to state media, the army repelled the attack.', 'repelled'],
  ['reported', 'The governor said that drones struck a depot overnight.', 'struck'],
];

for (const [expected, text, trigger] of CASES) {
  test(`modality: ${expected} — ${text}`, () => {
    assert.equal(modalityOf(text, trigger), expected);
  });
}

test('historical: past perfect context, and dates long before the document date', () => {
  assert.equal(modalityOf('By then the two countries had signed a border treaty.', 'signed'), 'historical');
  const text = 'The two countries signed a border treaty in 2004.';
  assert.equal(modalityOf(text, 'signed', '2025-06-01', { from: '2004-10-14', to: '2004-10-14' }), 'historical');
  assert.equal(modalityOf(text, 'signed', '2025-06-01', { from: '2025-05-20', to: '2025-05-20' }), 'asserted');
});

test('negation does not reach across quotation marks or a clause', () => {
  assert.equal(modalityOf('The two sides sealed a “no limits” partnership.', 'partnership'), 'asserted');
  assert.equal(modalityOf('There was no warning, and the army shelled the town.', 'shelled'), 'asserted');
  assert.equal(modalityOf('Not only did Russia shell the port, it mined the strait.', 'mined'), 'asserted');
});

test('a modal in another clause does not make the event hypothetical', () => {
  assert.equal(modalityOf('Analysts say talks could resume, but the army shelled the town.', 'shelled'), 'asserted');
  assert.equal(modalityOf('Moscow may be angry; its troops crossed the border.', 'crossed'), 'asserted');
});

test('priority: negation beats allegation, hypothesis beats report', () => {
  assert.equal(modalityOf('The spies allegedly did not steal the files.', 'steal'), 'negated');
  assert.equal(modalityOf('Officials said the strike could escalate the war.', 'escalate'), 'hypothetical');
});

test('the trigger itself is not its own cue: an accusation or a denial happened', () => {
  assert.equal(modalityOf('Kyiv accused Moscow of war crimes.', 'accused'), 'asserted');
  assert.equal(modalityOf('The Kremlin denied the report.', 'denied'), 'asserted');
});

test('negated and hypothetical events are never counted as factual', () => {
  const text = 'Troops did not cross the river. The strike could escalate the war. Troops crossed the bridge.';
  const a = analysisOf(text);
  a.events.push(eventAt(text, 'cross the'), eventAt(text, 'escalate'), eventAt(text, 'crossed'));
  runStages(a, [modality]);
  const happened = a.events.filter((e) => FACTUAL_MODALITIES.includes(e.modality)).map((e) => text.slice(e.trigger!.start, e.trigger!.end));
  assert.deepEqual(happened, ['crossed']);
});

test('readModality returns the deciding cue spans', () => {
  const text = 'Chinese operatives allegedly infiltrate Russian institutions.';
  const t = text.indexOf('infiltrate');
  const r = readModality({ text, cues: scanCues(text), sentence: { start: 0, end: text.length }, trigger: { start: t, end: t + 10 } });
  assert.equal(r.modality, 'alleged');
  assert.deepEqual(r.cues.map((c) => text.slice(c.start, c.end)), ['allegedly']);
});

test('wordsBetween counts whitespace-separated chunks', () => {
  assert.equal(wordsBetween('a  bb, c d', 0, 10), 4);
  assert.equal(wordsBetween('   ', 0, 3), 0);
});

test('a speech act beside another is not reported by it, but one inside a "that" complement is', () => {
  assert.equal(modalityOf('The memo brands China the enemy and warns of espionage.', 'warns'), 'asserted');
  assert.equal(modalityOf('Officials said that the memo warns of espionage.', 'warns'), 'reported');
});

test('without a trigger, cues inside the evidence span count', () => {
  const text = 'Chinese operatives allegedly infiltrate Russian institutions.';
  const a = analysisOf(text);
  const event = eventAt(text, 'infiltrate');
  delete event.trigger;
  event.evidence = { start: 0, end: text.indexOf(' Russian') };
  a.events.push(event);
  runStages(a, [modality]);
  assert.equal(a.events[0].modality, 'alleged');
});

test('"the United States" is no reporting verb', () => {
  assert.equal(modalityOf('The United States imposed sanctions on Russia.', 'imposed'), 'asserted');
});

test('"had" as a main verb is no past perfect', () => {
  assert.equal(modalityOf('Russia had talks with China on Monday.', 'talks'), 'asserted');
  assert.equal(modalityOf('Russia had already sent troops.', 'sent'), 'historical');
});
