import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPetrarchXml, parseDiscards, parsePetrarchRecords } from '../src/events/eval/petrarch-records.js';
import { dyads } from '../src/events/eval/petrarch-eval.js';
import { isPloverJson, parsePloverGold } from '../src/events/eval/plover-gold.js';
import { PrfCounter } from '../src/eval/prf.js';
import type { CodedEvent } from '../src/events/coder.js';
import { rift, riftJson, sharedFile } from './support/cli.js';

// Written for this test, in the shape of PETRARCH's unit-test records.
const XML = `<Validation><Sentences>
<Sentence date="20010203" id="T-1" category="DEMO" sentence="true">
<!-- a comment with <EventCoding sourcecode="XXX" targetcode="YYY" eventcode="999"></EventCoding> inside -->
<EventCoding sourcecode="GON" targetcode="MOR" eventcode="190"></EventCoding>
<Text>Gondor attacked Mordor.</Text>
<Parse>(ROOT (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Mordor))) (. .)))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20010204" category="DEMO" sentence="true" id ="T-2">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
<Parse>(ROOT (S (NP (NN Nothing)) (VP (VBD happened)) (. .))</Parse>
</Sentence>
</Sentences></Validation>`;

test('PETRARCH records: attributes in any order, events, leaves, config, comments', () => {
  assert.ok(isPetrarchXml(XML));
  const [a, b] = parsePetrarchRecords(XML);
  assert.equal(a.id, 'T-1');
  assert.equal(a.date, '2001-02-03');
  assert.deepEqual(a.expected, [{ source: 'GON', target: 'MOR', code: '190' }]);
  assert.deepEqual(a.words, ['Gondor', 'attacked', 'Mordor', '.']);
  assert.deepEqual(a.tags, ['NNP', 'VBD', 'NNP', '.']);
  assert.equal(a.parseOk, true);
  assert.equal(a.requireDyad, true);
  assert.equal(b.id, 'T-2');
  assert.deepEqual(b.expected, []);
  assert.equal(b.parseOk, false, 'unbalanced brackets');
  assert.equal(b.requireDyad, false);
  assert.deepEqual(parseDiscards('+Typhoon  # story\nBASEBALL\n'), ['typhoon', 'baseball']);
});

test('dyads: one per source × target, paired codes add the reverse, unknown sides only without require_dyad', () => {
  const u = (code: string) => ({ start: 0, end: 1, code });
  const e = (code: string, sources: string[], targets: string[]) => ({ code, sources: sources.map(u), targets: targets.map(u) }) as unknown as CodedEvent;
  assert.deepEqual(dyads([e('042:043', ['A', 'B'], ['C'])]), ['A|C|042', 'C|A|043', 'B|C|042', 'C|B|043']);
  assert.deepEqual(dyads([e('030', ['A', 'B'], ['A', 'B'])]), ['A|B|030', 'B|A|030']);
  assert.deepEqual(dyads([e('023', ['A'], [])]), []);
  assert.deepEqual(dyads([e('023', ['A'], [])], false), ['A|---|023']);
});

test('PLOVER gold: older labels map to current PLOVER; DOCUMENT records are skipped', () => {
  const json = JSON.stringify([
    { id: 'doc', event: 'DOCUMENT', eventText: 'x' },
    { id: 'a', event: 'DEMAND', eventText: 'demanded', text: 'A demanded B.', source: [{ actorText: 'A', code: 'AAA' }], target: '' },
    { id: 'b', event: 'INVESTIGATE', eventText: 'probed', text: 'A probed B.', source: [{ actorText: 'A', code: 'AAA' }], target: [{ actorText: 'B', code: 'BBB', sector: 'GOV' }] },
    { id: 'c', event: 'FIGHT', eventText: 'fought', text: 'A fought B.' },
    { id: 'd', event: 'DISAPPROVE', eventText: 'criticized', text: 'A criticized B.' },
  ]);
  assert.ok(isPloverJson(json));
  const r = parsePloverGold(json);
  assert.deepEqual(r.map((x) => [x.type, x.mode]), [['REQUEST', undefined], ['ACCUSE', 'investigate'], ['ASSAULT', undefined], ['ACCUSE', undefined]]);
  assert.deepEqual(r[0].targets, []);
  assert.deepEqual(r[1].targets, [{ text: 'B', code: 'BBB', sector: 'GOV' }]);
});

test('precision and recall count a multiset intersection', () => {
  const c = new PrfCounter();
  c.add(['a', 'a', 'b'], ['a', 'c']);
  assert.deepEqual(c.result(), { precision: 0.3333, recall: 0.5, f1: 0.4 });
});

test('rift eval events: scores a records file with its own dictionaries, or with Rift\'s, and refuses unknown formats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-events-'));
  try {
    const records = join(dir, 'records.xml');
    writeFileSync(records, XML);
    writeFileSync(join(dir, 'verbs.txt'), '--- ATTACK [190] ---\nATTACK\n');
    writeFileSync(join(dir, 'actors.txt'), 'GONDOR [GON]\nMORDOR [MOR]\n');
    const out = riftJson(['eval', 'events', records, '--verbs', join(dir, 'verbs.txt'), '--actors', join(dir, 'actors.txt')]);
    assert.deepEqual(out.exact, { precision: 1, recall: 1, f1: 1 });
    assert.deepEqual(out.root, { precision: 1, recall: 1, f1: 1 });
    // Without dictionaries Rift codes the texts itself: its dictionaries know no Gondor, and it says so.
    const own = rift(['eval', 'events', records, '--json']);
    assert.equal(own.status, 0, own.stderr);
    assert.equal(JSON.parse(own.stdout).predictedEvents, 0);
    assert.match(own.stderr, /warning: .*no events coded/);
    const half = rift(['eval', 'events', records, '--verbs', join(dir, 'verbs.txt')]);
    assert.notEqual(half.status, 0);
    assert.match(half.stderr, /--verbs and --actors/);
    writeFileSync(join(dir, 'other.txt'), 'just some text\n');
    const other = rift(['eval', 'events', join(dir, 'other.txt')]);
    assert.notEqual(other.status, 0);
    assert.match(other.stderr, /neither PETRARCH XML records nor PLOVER JSON/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The same record with a CoNLL-U parse, as PETRARCH2's validation files give them.
const CONLLU = XML.replace(/<Parse>[\s\S]*?<\/Parse>/, '<Parse>\n1\tGondor\tGondor\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n3\tMordor\tMordor\tPROPN\t_\t_\t2\tobj\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n</Parse>');

test('PETRARCH records with CoNLL-U parses: words and tags (XPOS, else UPOS as Penn) are read', () => {
  const [a] = parsePetrarchRecords(CONLLU);
  assert.deepEqual(a.words, ['Gondor', 'attacked', 'Mordor', '.']);
  assert.deepEqual(a.tags, ['NNP', 'VBD', 'NNP', '.']);
  assert.equal(a.parseOk, true);
  const dir = mkdtempSync(join(tmpdir(), 'rift-events-'));
  try {
    const records = join(dir, 'records.xml');
    writeFileSync(records, CONLLU);
    writeFileSync(join(dir, 'verbs.txt'), '--- ATTACK [190] ---\nATTACK\n');
    writeFileSync(join(dir, 'actors.txt'), 'GONDOR [GON]\nMORDOR [MOR]\n');
    const out = riftJson(['eval', 'events', records, '--verbs', join(dir, 'verbs.txt'), '--actors', join(dir, 'actors.txt')]);
    assert.deepEqual(out.exact, { precision: 1, recall: 1, f1: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const petrarch = sharedFile('data/events/petrarch2/PETR.UnitTest.records.xml');
test('PETRARCH unit tests: exact precision and recall at least 0.80', { skip: petrarch ? false : 'shared/data not found (set RIFT_SHARED)' }, () => {
  const out = riftJson(['eval', 'events', petrarch!]);
  assert.equal(out.sentences, 284);
  assert.ok(out.exact.precision >= 0.8 && out.exact.recall >= 0.8, JSON.stringify(out.exact));
  assert.ok(out.root.f1 >= out.exact.f1);
});
