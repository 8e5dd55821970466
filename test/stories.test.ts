// Stories: copy detection, the incremental stage over both databases, fused facts and re-graded claims,
// and the reports of the FSB memo story in the shared corpus.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openStore, encodeAnalysis, type Store } from '../src/store/index.js';
import { emptyAnalysis } from '../src/pipeline/index.js';
import type { Actor, Analysis, Document, Event, ProvenanceFact } from '../src/model/index.js';
import { exactKey, minhash, sketchSimilarity, bandKeys, foldText, wordsOf, MINHASH_SIZE } from '../src/stories/fingerprint.js';
import { updateStories } from '../src/stories/stage.js';
import { evidenceOf } from '../src/stories/evidence.js';
import { bcubed } from '../src/stories/evaluate.js';
import { loadRatings } from '../src/provenance/index.js';
import { ingest } from '../src/ingest/index.js';
import { documentId } from '../src/ingest/fingerprint.js';
import { loadCorpusStages } from '../src/app/pipeline.js';
import { testDocument } from './support/documents.js';
import { rift, riftJson, tempDir } from './support/cli.js';
import { onBothStores } from './support/postgres.js';

const AT = '2025-06-20T00:00:00Z';
const sketch = (text: string) => minhash(wordsOf(foldText(text)));

const MEMO_EN =
  'A leaked memo of the Federal Security Service calls China the enemy. The eight-page document, dated 2023, was obtained by ' +
  'the hacker group Ares Leaks and shown to The New York Times, which shared it with six Western intelligence agencies. ' +
  'Its counterintelligence officers warn that Chinese spies recruit Russian scientists in the Arctic and seek military technology.';

describe('copies', () => {
  test('case, punctuation and spacing do not make another text', () => {
    assert.equal(exactKey(MEMO_EN), exactKey(`  ${MEMO_EN.toUpperCase().replace(/\./g, ' ;')}\n`));
    assert.notEqual(exactKey(MEMO_EN), exactKey(MEMO_EN.replace('eight-page', 'nine-page')));
  });

  test('MinHash: a lightly edited copy is near, another text on the same subject is not', () => {
    const edited = MEMO_EN.replace('calls China the enemy', 'brands China an enemy').replace('six Western', 'several Western');
    const other = 'Russia and China held joint naval drills in the Sea of Japan, the defence ministry in Moscow said, as Xi Jinping prepared a visit.';
    assert.equal(sketch(MEMO_EN).length, MINHASH_SIZE);
    assert.ok(sketchSimilarity(sketch(MEMO_EN), sketch(edited)) >= 0.5, 'edited copy');
    assert.ok(sketchSimilarity(sketch(MEMO_EN), sketch(other)) < 0.1, 'other text');
    assert.equal(bandKeys(sketch(MEMO_EN)).length, 16);
    assert.deepEqual(sketch('two words'), new Uint32Array(0), 'too short to shingle');
  });

  test('evidence: actors, numbers in any locale, unspaced text as character pairs', () => {
    const doc = testDocument('Die FSB-Notiz (2.000 Wörter) nennt 2023; 中国是敌人', { language: 'de' });
    const keys = evidenceOf(doc, undefined);
    assert.ok(keys.has('n:2000') && keys.has('n:2023'), [...keys.keys()].join(' '));
    assert.ok(keys.has('w:中国') && keys.has('w:敌人'));
    assert.ok(!keys.has('w:die'), 'short words say little');
  });

  test('B-cubed: perfect, all-in-one, all-apart', () => {
    assert.deepEqual(bcubed(['a', 'a', 'b'], ['x', 'x', 'y']), { precision: 1, recall: 1, f1: 1 });
    const one = bcubed(['a', 'a', 'a', 'a'], ['x', 'x', 'y', 'y']);
    assert.equal(one.precision, 0.5);
    assert.equal(one.recall, 1);
    const apart = bcubed(['a', 'b', 'c', 'd'], ['x', 'x', 'y', 'y']);
    assert.equal(apart.precision, 1);
    assert.equal(apart.recall, 0.5);
  });
});

// Hand-made analyses: the stage reads only what the store keeps of them, so these stand for the pipeline's.

function actor(id: string, name: string, kind: Actor['kind'] = 'agency', extra: Partial<Actor> = {}): Actor {
  return { id, name, kind, aliases: [], roles: [], ...extra };
}

const FSB = actor('rus-fsb', 'Federal Security Service');
const ARES = actor('ares-leaks', 'Ares Leaks', 'group');
const NYT = actor('new-york-times', 'New York Times', 'company');
const CHN = actor('CHN', 'China', 'state');
const RUS = actor('RUS', 'Russia', 'state');
const MEMO = actor('document:memo', 'FSB memo', 'document', {
  signature: { type: 'memo', authors: [{ actor: 'rus-fsb', code: 'RUSSPY', country: 'RUS' }], country: 'RUS' },
});

interface Telling {
  actors: Actor[];
  /** Words of the text that name each actor, in order of the actors. */
  names: string[];
  dated?: [string, string];
  espionage?: boolean;
}

function analysed(document: Document, t: Telling): Analysis {
  const a = emptyAnalysis(document);
  a.actors = t.actors;
  a.resolutions = [];
  t.names.forEach((name, i) => {
    let from = 0;
    for (;;) {
      const at = document.text.indexOf(name, from);
      if (at < 0) break;
      a.resolutions.push({ start: at, end: at + name.length, text: name, actorId: t.actors[i]!.id, code: t.actors[i]!.id, method: 'alias', confidence: 0.9 });
      from = at + name.length;
    }
  });
  a.resolutions.sort((x, y) => x.start - y.start);
  const facts: ProvenanceFact[] = [];
  if (t.actors.includes(MEMO)) {
    facts.push({ id: `${document.id}-a`, document: MEMO.id, fact: 'authored-by', actor: 'rus-fsb', evidence: { start: 0, end: 20 }, speaker: `outlet:${document.outlet}` });
    if (t.dated) {
      facts.push({
        id: `${document.id}-d`, document: MEMO.id, fact: 'dated', value: t.dated.join('/'), time: { from: t.dated[0], to: t.dated[1], precision: 'year' },
        evidence: { start: 20, end: 40 }, speaker: `outlet:${document.outlet}`,
      });
    }
  }
  a.provenance = facts;
  if (t.espionage) {
    const e: Event = {
      id: `${document.id.slice(0, 8)}-e1`, evidence: { start: 0, end: 60 }, sources: ['CHNSPY'], targets: ['RUS'], ploverType: 'COERCE', ploverMode: 'espionage',
      cameo: '1721', goldstein: -5, quadClass: 4, modality: 'asserted', confidence: 0.8,
      time: { from: document.date.day, to: document.date.day, precision: 'day', basis: 'report' },
    };
    a.events = [e];
    a.claims = [{
      id: `${e.id}-c`, eventId: e.id, speaker: `outlet:${document.outlet}`, attributionChain: [`outlet:${document.outlet}`], channel: 'journalist',
      certainty: 0.6, icd: 'likely', cues: [], evidence: e.evidence, admiralty: 'F3', why: ['alone'],
    }];
  }
  return a;
}

const memoEn = testDocument(MEMO_EN, { language: 'en', outlet: 'wire.example', retrievedAt: AT, publishedAt: '2025-06-07' });
const memoCopy = testDocument(MEMO_EN.replace('calls China the enemy', 'brands China an enemy'), { language: 'en', outlet: 'mirror.example', retrievedAt: AT, publishedAt: '2025-06-08' });
const memoSame = testDocument(MEMO_EN.toUpperCase(), { language: 'en', outlet: 'shouty.example', retrievedAt: AT, publishedAt: '2025-06-09' });
const MEMO_DE =
  'Ein geheimes Papier des FSB nennt China einen Feind. Die Hackergruppe Ares Leaks gab das Dokument aus dem Jahr 2024 an die New York Times; ' +
  'sechs westliche Geheimdienste hielten es für echt. Russische Spionageabwehr warnt vor chinesischen Agenten.';
const memoDe = testDocument(MEMO_DE, { language: 'de', outlet: 'zeitung.example', retrievedAt: AT, publishedAt: '2025-06-10' });
const OIL = 'Oil prices rose on Monday after OPEC ministers meeting in Vienna agreed to extend output cuts into the summer, traders said.';
const oil = testDocument(OIL, { language: 'en', outlet: 'markets.example', retrievedAt: AT, publishedAt: '2025-06-09' });
const OPEC = actor('IGOOPC', 'OPEC', 'igo');

function batch(): { document: Document; analysis: Analysis }[] {
  const en: Telling = { actors: [FSB, CHN, ARES, NYT, MEMO], names: ['Federal Security Service', 'China', 'Ares Leaks', 'New York Times', 'leaked memo'], dated: ['2023-01-01', '2023-12-31'], espionage: true };
  const upper: Telling = { ...en, names: en.names.map((n) => n.toUpperCase()) };
  const de: Telling = { actors: [FSB, CHN, ARES, NYT, MEMO], names: ['FSB', 'China', 'Ares Leaks', 'New York Times', 'geheimes Papier'], dated: ['2024-01-01', '2024-12-31'], espionage: true };
  return [
    { document: memoEn, analysis: analysed(memoEn, en) },
    { document: oil, analysis: analysed(oil, { actors: [OPEC, RUS], names: ['OPEC', 'Vienna'] }) },
    { document: memoCopy, analysis: analysed(memoCopy, en) },
    { document: memoSame, analysis: analysed(memoSame, upper) },
    { document: memoDe, analysis: analysed(memoDe, de) },
  ];
}

function suite(name: string, open: () => Promise<Store | undefined>, skip?: string): void {
  describe(`stories over ${name}`, { skip }, () => {
    let store: Store;
    const ratings = loadRatings();
    before(async () => {
      store = (await open())!;
      const items = batch();
      await store.documents.put(items.map(({ document, analysis }) => ({ document, analysis: encodeAnalysis(analysis) })));
      // two batches, as ingest calls the stage: the second is matched against what the first left in the index
      await updateStories(store, [memoEn.id, oil.id], ratings);
      await updateStories(store, [memoCopy.id, memoSame.id, memoDe.id], ratings);
    });
    after(async () => store?.close());

    test('the retellings and copies of the memo are one story; the unrelated report stands apart', async () => {
      const members = new Map((await store.stories.membersOf([memoEn.id, memoCopy.id, memoSame.id, memoDe.id, oil.id])).map((m) => [m.docId, m]));
      const memoStory = members.get(memoEn.id)!.storyId;
      for (const d of [memoCopy, memoSame, memoDe]) assert.equal(members.get(d.id)!.storyId, memoStory, d.outlet);
      assert.notEqual(members.get(oil.id)!.storyId, memoStory);
      assert.equal(members.get(memoCopy.id)!.copyOf, memoEn.id);
      assert.equal(members.get(memoCopy.id)!.match, 'near-duplicate');
      assert.equal(members.get(memoSame.id)!.copyOf, memoEn.id);
      assert.equal(members.get(memoSame.id)!.match, 'exact');
      assert.equal(members.get(memoDe.id)!.copyOf, undefined);
      assert.equal(members.get(memoDe.id)!.match, 'evidence');
      const stored = await store.documents.get(memoCopy.id);
      assert.equal(stored!.id, memoCopy.id);
    });

    test('a story: reports, independent sources, outlets, languages, first and last report, label', async () => {
      const [top] = await store.stories.list({ limit: 1 });
      assert.equal(top!.documents, 4);
      assert.equal(top!.sources, 2, 'copies count once');
      assert.deepEqual([...top!.languages].sort(), ['de', 'en']);
      assert.equal(top!.outlets.length, 4);
      assert.equal(top!.firstReport, '2025-06-07');
      assert.equal(top!.lastReport, '2025-06-10');
      assert.equal(top!.representative, memoEn.id);
      assert.match(top!.label, /leaked memo of the Federal Security Service/);
      assert.equal((await store.stories.list()).length, 2);
      assert.deepEqual((await store.stories.list({ minDocuments: 2 })).map((s) => s.id), [top!.id]);
      assert.deepEqual(await store.stories.findIds(top!.id.slice(0, 6)), (await store.stories.list({ order: 'newest' })).map((s) => s.id).filter((id) => id.startsWith(top!.id.slice(0, 6))));
    });

    test('fused facts: corroborated by independent sources, disagreements on the date, evidence spans', async () => {
      const [top] = await store.stories.list({ limit: 1 });
      const detail = (await store.stories.get(top!.id))!;
      const authored = detail.facts.find((f) => f.key === 'provenance:authored-by:rus-fsb')!;
      assert.equal(authored.sources, 2, 'the English original and the German report; the copies count with their original');
      assert.equal(authored.reports.length, 4);
      assert.equal(authored.contradicted, false);
      assert.equal(authored.label, 'memo authored-by Federal Security Service');
      const dated = detail.facts.find((f) => f.key === 'provenance:dated')!;
      assert.equal(dated.contradicted, true);
      assert.deepEqual(dated.values.map((v) => v.value).sort(), ['2023-01-01/2023-12-31', '2024-01-01/2024-12-31']);
      const report = dated.reports.find((r) => r.docId === memoDe.id)!;
      assert.equal(report.evidence.text, memoDe.text.slice(report.evidence.start, report.evidence.end));
      const espionage = detail.facts.find((f) => f.kind === 'event')!;
      assert.equal(espionage.sources, 2);
      assert.equal(espionage.firstReport, '2025-06-07');
    });

    test('claims are re-graded with the story: another independent source confirms them', async () => {
      const analysis = (await store.analyses.get(memoEn.id))!;
      const claim = analysis.claims[0]!;
      assert.notEqual(claim.admiralty, 'F3');
      assert.match(claim.why!.join(' '), /by 1 other independent source/);
      const copy = (await store.analyses.get(memoCopy.id))!;
      assert.match(copy.claims[0]!.why!.join(' '), /by 1 other independent source/, 'its own original is not another source');
    });

    test('a batch seen again is not placed twice', async () => {
      await updateStories(store, [memoEn.id, oil.id], ratings);
      const [top] = await store.stories.list({ limit: 1 });
      assert.equal(top!.documents, 4);
    });
  });
}

const tmp = tempDir();
after(() => tmp.cleanup());
onBothStores(suite, tmp.dir, 'stories.db');

test('rift stories and rift story: the list, one story with its reports and facts, clear errors', async () => {
  const db = join(tmp.dir, 'cli.db');
  const store = await openStore(db, { create: true });
  const items = batch();
  await store.documents.put(items.map(({ document, analysis }) => ({ document, analysis: encodeAnalysis(analysis) })));
  await updateStories(store, items.map((i) => i.document.id), loadRatings());
  await store.close();

  const listed = riftJson<{ stories: { id: string; documents: number; sources: number }[] }>(['stories', '--db', db]);
  assert.deepEqual(listed.stories.map((s) => [s.documents, s.sources]), [[4, 2], [1, 1]]);
  const id = listed.stories[0]!.id;
  const shown = riftJson<{ id: string; members: { docId: string; copyOf?: string }[]; facts: { key: string; contradicted: boolean }[] }>(['story', id.slice(0, 8), '--db', db]);
  assert.equal(shown.id, id);
  assert.equal(shown.members.filter((m) => m.copyOf).length, 2);
  assert.ok(shown.facts.some((f) => f.key === 'provenance:dated' && f.contradicted));
  const text = rift(['story', id, '--db', db]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /4 \(2 independent; copies count once\)/);
  assert.match(text.stdout, /## Disagreements\n- memo dated: 2 independent sources/);
  assert.match(text.stdout, /copy of /);
  const missing = rift(['story', 'st-nothing', '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no story with id "st-nothing"/);
  assert.match(rift(['stories', '--limit', '0', '--db', db]).stderr, /--limit wants a positive whole number/);
});

// The shared corpus: English reports of the FSB memo (group A), copies of them, and unrelated reports.
const CORPUS = resolve(process.env.RIFT_SHARED ?? join(process.cwd(), '../shared'), 'corpus/news/articles.jsonl');

test('corpus: the English reports of the memo story are one story, its copies are found, other reports stay apart', { skip: !existsSync(CORPUS) && `no ${CORPUS}` }, async () => {
  interface Rec { id: string; lang: string; group: string; topic: string; syndication_group: string | null; text: string }
  const all = readFileSync(CORPUS, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Rec);
  // the English reports, in the corpus's order: the memo story's among a hundred others on Russia and China
  const english = all.filter((r) => r.lang === 'en');
  const memo = english.filter((r) => r.group === 'A');
  const others = english.filter((r) => r.group !== 'A');
  const file = join(tmp.dir, 'english.jsonl');
  writeFileSync(file, english.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const store = await openStore(':memory:');
  try {
    await ingest([file], { store, pipeline: 'default', workers: 0, corpus: await loadCorpusStages() });
    const members = new Map((await store.stories.membersOf(english.map((r) => documentId(r.text)))).map((m) => [m.docId, m]));
    const story = (r: Rec) => members.get(documentId(r.text))!.storyId;
    const counts = new Map<string, number>();
    for (const r of memo) counts.set(story(r), (counts.get(story(r)) ?? 0) + 1);
    const [main, inMain] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    assert.ok(inMain >= memo.length - 1, `${inMain} of ${memo.length} English memo reports in one story`);
    const intruders = others.filter((r) => story(r) === main).map((r) => `${r.id} (${r.topic})`);
    // measured: the three reports on Russia's Arctic ambitions join it (the memo speaks of the Arctic too)
    assert.ok(intruders.length <= 3, `joined the memo story: ${intruders.join(', ')}`);
    // the other reports are not one lump: most topics keep a story of their own
    const byTopic = new Map<string, Set<string>>();
    for (const r of others) {
      if (!byTopic.has(r.topic)) byTopic.set(r.topic, new Set());
      byTopic.get(r.topic)!.add(story(r));
    }
    assert.ok(new Set(others.map(story)).size >= byTopic.size * 0.6, `${new Set(others.map(story)).size} stories for ${byTopic.size} topics`);
    // copies: pairs of records in one syndication group against pairs the stage marks as copies of one original
    const origin = (r: Rec) => { const m = members.get(documentId(r.text))!; return m.copyOf ?? m.docId; };
    let found = 0;
    let wrong = 0;
    let missed = 0;
    for (let i = 0; i < english.length; i++) {
      for (let j = i + 1; j < english.length; j++) {
        const [x, y] = [english[i]!, english[j]!];
        if (x.text === y.text) continue;
        const same = x.syndication_group !== null && x.syndication_group === y.syndication_group;
        const marked = origin(x) === origin(y);
        if (same && marked) found++;
        else if (marked) wrong++;
        else if (same) missed++;
      }
    }
    assert.equal(wrong, 0, 'no false copies');
    assert.ok(found / (found + missed) >= 0.7, `copy pairs found: ${found} of ${found + missed}`);
    const detail = (await store.stories.get(main))!;
    assert.ok(detail.sources < detail.documents, 'copies count once');
    assert.ok(detail.facts.some((f) => f.key === 'provenance:authored-by:rus-fsb' && f.sources >= 3));
  } finally {
    await store.close();
  }
});
