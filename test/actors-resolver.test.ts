import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Mention } from '../src/model/index.js';
import { loadDictionary } from '../src/actors/dictionary.js';
import { resolveActors } from '../src/actors/resolver.js';
import { loadStage, runStages } from './support/stages.js';
import { emptyAnalysis } from '../src/pipeline/pipeline.js';
import { testDocument } from './support/documents.js';

const dict = loadDictionary();

function resolve(text: string, date = '2025-06-15', mentions?: Mention[]) {
  return resolveActors(dict, text, { date, mentions });
}

/** The resolution covering exactly `phrase` (its first occurrence). */
function at(text: string, result: ReturnType<typeof resolve>, phrase: string, from = 0) {
  const start = text.indexOf(phrase, from);
  assert.ok(start >= 0, `"${phrase}" not in the text`);
  return result.resolutions.find((r) => r.start === start && r.end === start + phrase.length);
}

test('a capital used as an actor is its government; after "in" it is a place', () => {
  const text = 'Beijing rejected the claim, and talks in Beijing went on. Moscow warned Kyiv.';
  const r = resolve(text);
  assert.equal(at(text, r, 'Beijing')?.code, 'CHNGOV');
  assert.equal(at(text, r, 'Beijing')?.method, 'metonym');
  const place = at(text, r, 'Beijing', 10);
  assert.equal(place?.code, 'CHN');
  assert.equal(place?.method, 'place');
  assert.equal(at(text, r, 'Moscow')?.code, 'RUSGOV');
  assert.equal(at(text, r, 'Kyiv')?.code, 'UKRGOV');
});

test('the Kremlin, the White House and Zhongnanhai are governments', () => {
  const text = 'The Kremlin and the White House traded barbs while Zhongnanhai stayed silent.';
  const r = resolve(text);
  assert.equal(at(text, r, 'The Kremlin')?.code, 'RUSGOV');
  assert.equal(at(text, r, 'the White House')?.code, 'USAGOV');
  assert.equal(at(text, r, 'Zhongnanhai')?.code, 'CHNGOV');
});

test('a demonym or possessive with an agent noun names a sector of the state', () => {
  const text = 'Chinese operatives courted Russian scientists, and Moscow’s security elite took note of Chinese officials.';
  const r = resolve(text);
  assert.equal(at(text, r, 'Chinese operatives')?.code, 'CHNSPY');
  assert.equal(at(text, r, 'Russian scientists')?.code, 'RUSEDU');
  assert.equal(at(text, r, 'Moscow’s security elite')?.code, 'RUSSPY');
  assert.equal(at(text, r, 'Chinese officials')?.code, 'CHNGOV');
  assert.equal(at(text, r, 'Chinese operatives')?.method, 'demonym+agent');
});

test('Western intelligence is a group, NATO an IGO, Ares Leaks a non-state hacker group', () => {
  const text = 'The file, leaked by Ares Leaks, was authenticated by Western intelligence and shared with NATO.';
  const r = resolve(text);
  const western = dict.get(at(text, r, 'Western intelligence')!.actorId)!;
  assert.equal(western.kind, 'group');
  assert.equal(dict.get(at(text, r, 'NATO')!.actorId)?.kind, 'igo');
  const ares = dict.get(at(text, r, 'Ares Leaks')!.actorId)!;
  assert.equal(ares.kind, 'group');
  assert.equal(ares.country, undefined);
});

test('roles follow the document date', () => {
  const text = 'Vladimir Putin spoke to reporters.';
  assert.equal(resolve(text, '2010-06-01').resolutions[0]?.code, 'RUSGOV');
  assert.equal(resolve(text, '1999-01-15').resolutions[0]?.code, 'RUSSPY');
  const reagan = 'Reagan said the budget would pass.';
  assert.equal(resolve(reagan, '1987-03-02').resolutions[0]?.code, 'USAGOV');
  // a bare surname resolves only to someone in office on the day
  assert.equal(resolve('Putin said nothing.', '1990-01-01').resolutions.length, 0);
  assert.equal(resolve('Putin said nothing.', '2024-01-01').resolutions[0]?.actorId, 'vladimir-putin');
});

test('"US" is the United States, "us" is not', () => {
  const r = resolve('The US told us nothing.');
  assert.equal(r.resolutions.length, 1);
  assert.equal(r.resolutions[0]?.code, 'USA');
});

test('coreference: the agency, the two countries, a surname after the full name', () => {
  const text = 'The FSB drafted the memo. The agency warned that Russia and China were drifting; the two countries deny it. Lavrov agreed with Sergey Lavrov.';
  const r = resolve(text);
  const agency = at(text, r, 'The agency');
  assert.equal(agency?.actorId, at(text, r, 'FSB')?.actorId);
  assert.equal(agency?.method, 'coreference');
  const start = text.indexOf('the two countries');
  const pair = r.resolutions.filter((x) => x.start === start).map((x) => x.actorId).sort();
  assert.deepEqual(pair, ['CHN', 'RUS']);
});

test('"the memo" goes to the document hook when one is given, and stays open otherwise', () => {
  const text = 'The FSB wrote the memo in 2023.';
  assert.equal(resolve(text).resolutions.filter((r) => r.text === 'the memo').length, 0);
  const memo: Actor = { id: 'doc-memo', name: 'FSB memo', kind: 'document', aliases: [], roles: [] };
  const r = resolveActors(dict, text, { date: '2025-06-01', documentReference: () => memo });
  assert.equal(r.resolutions.find((x) => x.text === 'the memo')?.actorId, 'doc-memo');
});

test('Russian and Chinese text resolve with case endings and without spaces', () => {
  const ru = 'Сотрудники ФСБ опасаются претензий Пекином к Кремлю.';
  const r1 = resolve(ru);
  assert.equal(at(ru, r1, 'ФСБ')?.code, 'RUSSPY');
  assert.equal(at(ru, r1, 'Пекином')?.code, 'CHNGOV');
  assert.equal(at(ru, r1, 'Кремлю')?.code, 'RUSGOV');
  const zh = '俄罗斯联邦安全局的报告称普京和习近平会晤。';
  const r2 = resolve(zh);
  assert.equal(at(zh, r2, '俄罗斯联邦安全局')?.actorId, at(ru, r1, 'ФСБ')?.actorId);
  assert.equal(at(zh, r2, '普京')?.code, 'RUSGOV');
  assert.equal(at(zh, r2, '习近平')?.code, 'CHNGOV');
});

test('NER mentions get their actor; names the dictionary lacks become provisional actors', () => {
  const text = 'Ivan Korolyov of the FSB met Zhang Wei. Korolyov later left Rosneft.';
  const span = (s: string, kind: Mention['kind'], from = 0): Mention => {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length, text: s, kind, confidence: 0.9 };
  };
  const mentions = [span('Ivan Korolyov', 'PER'), span('FSB', 'ORG'), span('Zhang Wei', 'PER'), span('Korolyov', 'PER', 40), span('Rosneft', 'ORG')];
  const r = resolve(text, '2025-06-01', mentions);
  const byText = new Map(r.mentions.map((m) => [`${m.text}@${m.start}`, m]));
  const ivan = byText.get(`Ivan Korolyov@0`)!;
  assert.ok(ivan.actorId?.startsWith('x-per-'));
  assert.equal(byText.get(`Korolyov@${text.indexOf('Korolyov', 40)}`)?.actorId, ivan.actorId, 'the surname is the same provisional person');
  assert.equal(byText.get(`FSB@${text.indexOf('FSB')}`)?.actorId, 'rus-fsb');
  assert.equal(byText.get(`Rosneft@${text.indexOf('Rosneft')}`)?.actorId, 'rosneft');
  const zhang = r.actors.find((a) => a.name === 'Zhang Wei');
  assert.equal(zhang?.provisional, true);
  assert.equal(zhang?.kind, 'person');
});

test('OntoNotes kinds: a nationality names its state, in the plural its people; a work or law is no actor', () => {
  const text = 'Chinese diplomats met Russians in Novo Zarechny to discuss the Minsk Agreement.';
  const span = (s: string, kind: Mention['kind']): Mention => {
    const start = text.indexOf(s);
    return { start, end: start + s.length, text: s, kind, confidence: 0.9 };
  };
  const r = resolve(text, '2025-06-01', [span('Chinese', 'NORP'), span('Russians', 'NORP'), span('Novo Zarechny', 'GPE'), span('Minsk Agreement', 'LAW')]);
  const byText = new Map(r.mentions.map((m) => [m.text, m]));
  assert.equal(byText.get('Chinese')?.actorId, 'CHN');
  const people = r.actors.find((a) => a.id === byText.get('Russians')?.actorId);
  assert.equal(people?.country, 'RUS', JSON.stringify(people));
  assert.notEqual(people?.id, 'RUS', 'Russians are the people, not the state');
  assert.ok(!r.actors.some((a) => a.name === 'Minsk Agreement'), 'a law is not an actor');
  // a town the dictionary lacks is a provisional place
  const town = r.actors.find((a) => a.id === byText.get('Novo Zarechny')?.actorId);
  assert.equal(town?.kind, 'place');
  assert.equal(town?.provisional, true);
});

test('without NER, dictionary names are added as mentions with their actor', () => {
  const text = 'Xi Jinping hosted Vladimir Putin in Beijing.';
  const r = resolve(text);
  const kinds = r.mentions.map((m) => `${m.text}:${m.kind}:${m.actorId}`);
  assert.ok(kinds.includes('Xi Jinping:PER:xi-jinping'), kinds.join(' '));
  assert.ok(kinds.includes('Vladimir Putin:PER:vladimir-putin'), kinds.join(' '));
  assert.ok(kinds.includes('Beijing:GPE:CHN'), kinds.join(' '));
});

test('the actors stage fills resolutions, actors and mentions, dated by the document date', async () => {
  const stage = await loadStage('actors');
  const a = runStages(emptyAnalysis(testDocument('President Vladimir Putin met Chinese diplomats.', { id: 'd1', publishedAt: '2009-01-10' })), [stage]);
  assert.equal(a.resolutions.find((r) => r.actorId === 'vladimir-putin')?.code, 'RUSGOV');
  assert.ok(a.actors.some((x) => x.id === 'CHNGOV'));
  assert.ok(a.mentions.some((m) => m.actorId === 'vladimir-putin'));
});

test("a document's actors carry the names it calls them by, not the dictionary's whole alias list", async () => {
  const a = runStages(emptyAnalysis(testDocument('Brazil and Brasil are one country to this writer. Brazil again.', { id: 'd2', publishedAt: '2025-06-01' })), [await loadStage('actors')]);
  const brazil = a.actors.find((x) => x.id === 'BRA');
  assert.ok(brazil, 'Brazil is resolved');
  assert.deepEqual(brazil.aliases.map((alias) => alias.name).sort(), ['Brasil', 'Brazil']);
  assert.ok(dict.get('BRA')!.aliases.length > 10, 'the dictionary itself keeps every alias');
});

test('a document dated only by month or year is read in its middle', () => {
  assert.equal(resolve('Shigeru Ishiba spoke.', '2025-11').resolutions[0]?.code, 'JPNELI');
  assert.equal(resolve('Shigeru Ishiba spoke.', '2025-03').resolutions[0]?.code, 'JPNGOV');
  assert.equal(resolve('Donald Trump spoke.', '2019').resolutions[0]?.code, 'USAGOV');
});

test('an acronym a text defines resolves like the name it stands for; "the Ministry of…" is a name, not a description', () => {
  const text = 'The Federal Protective Service (FSO) was alerted, and the Ministry of State Security replied. Later the FSO said the agency had lied.';
  const r = resolve(text);
  const fso = text.indexOf('FSO', text.indexOf('Later'));
  assert.equal(r.resolutions.find((x) => x.start === fso)?.actorId, 'rus-fso');
  assert.equal(at(text, r, 'Ministry of State Security')?.code, 'CHNSPY');
  assert.equal(at(text, r, 'the agency')?.actorId, 'rus-fso');
  const made = 'Officials at the Kazan Drone Bureau Association (KDBA) met. The KDBA later denied it.';
  const org = 'Kazan Drone Bureau Association';
  const r2 = resolveActors(dict, made, { date: '2025-01-01', mentions: [{ start: made.indexOf(org), end: made.indexOf(org) + org.length, text: org, kind: 'ORG', confidence: 0.9 }] });
  const provisional = r2.resolutions.find((x) => x.text === org);
  assert.equal(provisional?.method, 'provisional', 'the city inside the name does not swallow it');
  assert.equal(r2.mentions.find((m) => m.text === org)?.actorId, provisional.actorId);
});
