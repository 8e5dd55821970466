import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CameoTable, quadClassOf } from '../src/events/cameo.js';
import { readCameoData } from '../src/events/data-files.js';
import { parsePetrarchVerbs, verbForms } from '../src/events/dictionaries/petrarch-verbs.js';
import { parsePetrarchActors, parsePetrarchAgents, petrarchDictionary } from '../src/events/dictionaries/petrarch-actors.js';
import { AgentLexicon } from '../src/events/agent-lexicon.js';
import { codeOn } from '../src/actors/dictionary.js';
import { resolveActors } from '../src/actors/resolver.js';
import { VerbDictionary } from '../src/events/verb-dictionary.js';
import { matchesWord, normalizeWord } from '../src/events/words.js';

test('QuadClass follows the CAMEO root', () => {
  assert.equal(quadClassOf('051'), 1);
  assert.equal(quadClassOf('0211'), 1);
  assert.equal(quadClassOf('061'), 2);
  assert.equal(quadClassOf('0841'), 2);
  assert.equal(quadClassOf('111'), 3);
  assert.equal(quadClassOf('138'), 3);
  assert.equal(quadClassOf('145'), 4);
  assert.equal(quadClassOf('190'), 4);
  assert.equal(quadClassOf('20'), 4);
  assert.equal(quadClassOf('xx'), undefined);
});

test('shipped CAMEO table: Goldstein scores, PLOVER types and modes', () => {
  const cameo = new CameoTable(readCameoData().codes);
  const trade = cameo.info('061')!;
  assert.equal(trade.ploverType, 'COOPERATE');
  assert.equal(trade.ploverContext, 'economic');
  assert.equal(trade.quadClass, 2);
  assert.ok(trade.goldstein > 5);
  const denounce = cameo.info('111')!;
  assert.equal(denounce.ploverType, 'ACCUSE');
  assert.equal(denounce.ploverMode, 'disapprove');
  assert.ok(denounce.goldstein < 0);
  assert.equal(cameo.info('163')?.ploverType, 'COERCE'); // sanctions: COERCE in the 2021 table
  assert.equal(cameo.info('090')?.ploverMode, 'investigate');
  assert.equal(cameo.info('0256')?.ploverType, 'REQUEST'); // root 02 is our own mapping
  assert.equal(cameo.info('010')?.ploverType, undefined); // statements have no PLOVER type
  assert.equal(cameo.info('999'), undefined);
});

test('verb inflections and plural matching', () => {
  assert.deepEqual(new Set(verbForms('accuse')), new Set(['accuse', 'accuses', 'accused', 'accusing']));
  assert.ok(verbForms('spy').includes('spies') && verbForms('spy').includes('spied'));
  assert.ok(verbForms('ban').includes('banned') && verbForms('ban').includes('banning'));
  assert.ok(matchesWord('armies', 'army'));
  assert.ok(matchesWord('officials', 'official'));
  assert.ok(matchesWord('taxes', 'tax'));
  assert.ok(!matchesWord('armistice', 'army'));
  assert.deepEqual(normalizeWord('Russia’s'), { word: 'russia', possessive: true });
  assert.deepEqual(normalizeWord('U.S.'), { word: 'u.s', possessive: false });
});

// A tiny dictionary in PETRARCH's format, written for this test.
const VERBS = `
&WEAPONRY
+ROCKETS
+HEAVY_GUNS

--- SHELL  [190] ---
SHELL
POUND {POUNDS POUNDED POUNDING}
- * &WEAPONRY  [195]
- * (AT +) NIGHT  [194]  # target marked
- CRITICS *  [016]

--- TALK [040] ---
+TALK_WITH [043]
`;

test('PETRARCH verb format: blocks, irregular forms, synsets, patterns with markers', () => {
  const data = parsePetrarchVerbs(VERBS);
  assert.deepEqual(data.synsets.weaponry, ['rockets', 'heavy_guns']);
  assert.equal(data.blocks.length, 2);
  assert.equal(data.blocks[0][0], '190');
  assert.deepEqual(data.blocks[0][1][1], ['', 'at + night', '194']);
  assert.ok(data.verbs.pounded && data.verbs.shells);
  assert.deepEqual(data.verbs.talked?.[0], [1, '043', '', 'with', 1], 'TALK is the verb its block is named after');
  assert.equal(data.verbs.pounded?.[0][4], 0);

  const dict = new VerbDictionary(data);
  const words = (s: string) => s.toLowerCase().split(' ');
  assert.equal(dict.match(words('they shelled the town'), 1, 0, 4)?.code, '190');
  assert.equal(dict.match(words('they pounded it with rockets'), 1, 0, 5)?.code, '195');
  assert.equal(dict.match(words('they pounded it with heavy guns'), 1, 0, 6)?.code, '195');
  assert.equal(dict.match(words('they pounded it with heavy old guns'), 1, 0, 7)?.code, '190', 'synset phrases are contiguous');
  const marked = dict.match(words('they shelled at gondor by night'), 1, 0, 6)!;
  assert.equal(marked.code, '194');
  assert.deepEqual(marked.target, { from: 3 });
  assert.equal(dict.match(words('critics shelled the plan'), 1, 0, 4)?.code, '016');
  assert.equal(dict.match(words('they talked with us'), 1, 0, 4)?.code, '043');
  assert.equal(dict.match(words('they talked about us'), 1, 0, 4), undefined, 'a multi-word verb needs all its words');
});

test('PETRARCH actor and agent formats become an actor dictionary: aliases, dated codes as roles, agent affixes', () => {
  const data = parsePetrarchActors(`
GONDOR [GON]
+MINAS_TIRITH
SMEAGOL  # a comment
+GOLLUM
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
`);
  parsePetrarchAgents(`
!PERSON! = MAN, WOMAN
PRIME_MINISTER [~GOV]
AID!PERSON! [~HLH]
MSF {} [NGO~]
`, data);
  const dict = petrarchDictionary(data);
  const gondor = dict.get('GON')!;
  assert.equal(gondor.kind, 'state');
  assert.deepEqual(gondor.aliases.map((a) => a.name), ['Gondor', 'Minas tirith']);
  const gollum = dict.lookup('Gollum')[0];
  assert.equal(gollum.kind, 'person');
  assert.equal(codeOn(gollum, '1994-01-01'), 'HOB');
  assert.equal(codeOn(gollum, '1996-01-01'), 'HOBGOV');
  assert.equal(codeOn(gollum, '2001-01-01'), 'HOBREB');
  assert.deepEqual(dict.agentPhrases, [
    ['prime minister', 'GOV', 'suffix'],
    ['aidman', 'HLH', 'suffix'],
    ['aidwoman', 'HLH', 'suffix'],
    ['msf', 'NGO', 'prefix'],
  ]);
  // Names resolve through the pipeline's resolver, roles read on the text's date; a suffix agent after a state composes.
  const found = resolveActors(dict, 'Gollum met the Minas Tirith prime minister and Gondor.', { date: '1996-01-01' });
  assert.deepEqual(found.resolutions.map((r) => [r.text, r.code]), [['Gollum', 'HOBGOV'], ['Minas Tirith prime minister', 'GONGOV'], ['Gondor', 'GON']]);
  assert.equal(resolveActors(dict, 'minas tirith', { date: '1996-01-01' }).resolutions.length, 0, 'a name starts with a capital');
  const agents = new AgentLexicon(dict.agentPhrases);
  assert.equal(agents.match(['prime', 'ministers'], 0)?.entry.agent, 'GOV');
  assert.equal(agents.match(['msf'], 0)?.entry.agentMode, 'prefix');
  assert.equal(agents.match(['minas'], 0), undefined);
});
