import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openStore, encodeAnalysis, SearchQueryError, type Store, type StoreError, type DocumentToStore } from '../src/store/index.js';
import { seededRandom } from '../src/nlp/train/random.js';
import { emptyAnalysis } from '../src/pipeline/index.js';
import { documentId } from '../src/ingest/index.js';
import type { Document, Event } from '../src/model/index.js';
import { ROOT, tempDir } from './support/cli.js';
import { onBothStores } from './support/postgres.js';

// One suite, run against each database: the store must answer the same way over SQLite and PostgreSQL.

const AT = '2025-06-10T00:00:00Z';

function doc(text: string, extra: Partial<Document> = {}): Document {
  const id = documentId(text);
  return {
    id, text, format: 'text', language: 'en', retrievedAt: AT,
    date: { day: (extra.publishedAt ?? '2025-06-10').slice(0, 10), source: extra.publishedAt ? 'published' : 'assumed' },
    source: { ref: `${id.slice(0, 6)}.txt`, retrievedAt: AT },
    ...extra,
  };
}

function event(docId: string, n: number, sources: string[], targets: string[], from: string, to: string): Event {
  return {
    id: `${docId.slice(0, 8)}-e${n}`, evidence: { start: 0, end: 10 }, sources, targets, ploverType: 'ACCUSE', cameo: '112',
    goldstein: -2, quadClass: 3, modality: 'asserted', time: { from, to, precision: 'day', basis: 'event' }, confidence: 0.8,
  };
}

function withAnalysis(document: Document, events: Event[], versions = { tokenizer: 'a1', 'event-coder': 'c1' }): DocumentToStore {
  const analysis = emptyAnalysis(document);
  analysis.stages = Object.keys(versions);
  analysis.versions = versions;
  analysis.mentions = [{ start: 0, end: 6, text: document.text.slice(0, 6), kind: 'LOC', actorId: 'RUS', confidence: 0.9 }];
  analysis.events = events;
  analysis.claims = events.map((e) => ({
    id: `${e.id}-c`, eventId: e.id, speaker: 'outlet:test', attributionChain: [], channel: 'journalist', certainty: 0.9,
    icd: 'very likely', cues: [], evidence: e.evidence,
  }));
  return { document, analysis: encodeAnalysis(analysis) };
}

const memo = doc('Russia accuses China of espionage, says the FSB memo on the Entente-4 talks.', { publishedAt: '2025-06-08', outlet: 'a.example', title: 'FSB memo' });
const summit = doc('Putin and Xi praise a partnership without limits at the Pékin summit.', { publishedAt: '2024-05-16', outlet: 'b.example' });
const oil = doc('Oil prices rose as OPEC met in Vienna.', { publishedAt: '1987-03-02', outlet: 'c.example' });
const chinese = doc('该文件由俄罗斯联邦安全局反间谍部门编写，把中国称为敌人。', { publishedAt: '2025-06-09', language: 'zh' });

function suite(name: string, open: () => Promise<Store | undefined>, skip?: string): void {
  describe(`store over ${name}`, { skip }, () => {
    let store: Store;
    before(async () => {
      store = (await open())!;
      const results = await store.documents.put([
        withAnalysis(memo, [
          event(memo.id, 1, ['RUSSPY'], ['CHN'], '2023-09-01', '2024-04-30'),
          event(memo.id, 2, ['CHNGOV', 'CHNSPY'], ['RUSEDU'], '2024-01-01', '2024-12-31'),
        ]),
        withAnalysis(summit, [event(summit.id, 1, ['RUSGOV'], ['CHNGOV'], '2024-05-16', '2024-05-16')]),
        withAnalysis(oil, [event(oil.id, 1, ['IGOOPC'], ['SAU'], '1987-03-02', '1987-03-02')]),
        { document: chinese },
        { document: { ...memo, source: { ref: 'again.txt', retrievedAt: AT } } },
      ]);
      assert.deepEqual(results.map((r) => r.status), ['ingested', 'ingested', 'ingested', 'ingested', 'duplicate']);
    });
    after(async () => store?.close());

    test('a known text is a duplicate that gains a source; existence is checked for a batch at once', async () => {
      const again = await store.documents.put([{ document: { ...summit, source: { ref: 'mirror.txt', retrievedAt: AT } } }]);
      assert.deepEqual(again, [{ id: summit.id, status: 'duplicate' }]);
      const stored = await store.documents.get(summit.id);
      assert.deepEqual(stored!.sources.map((s) => s.ref).sort(), [summit.source.ref, 'mirror.txt'].sort());
      assert.deepEqual(stored!.date, { day: '2024-05-16', source: 'published' });
      assert.equal(stored!.text, summit.text);
      const found = await store.documents.existing([memo.id, 'f'.repeat(64), oil.id]);
      assert.deepEqual([...found].sort(), [memo.id, oil.id].sort());
    });

    test('lists newest first, finds ids by prefix, counts', async () => {
      const listed = await store.documents.list({ limit: 10 });
      assert.deepEqual(listed.map((d) => d.id), [chinese.id, memo.id, summit.id, oil.id]);
      assert.equal(listed[1].chars, memo.text.length);
      assert.deepEqual((await store.documents.list({ limit: 2, offset: 1 })).map((d) => d.id), [memo.id, summit.id]);
      assert.deepEqual(await store.documents.findIds(memo.id.slice(0, 10)), [memo.id]);
      assert.deepEqual(await store.documents.findIds('xyz'), []);
      const stats = await store.stats();
      assert.deepEqual(stats, { documents: 4, sources: 6, rejections: 0, mentions: 3, events: 4 });
    });

    test('search: words, phrases, OR, punctuation inside words, folded accents, unspaced Chinese', async () => {
      const ids = async (q: string) => (await store.documents.search(q)).hits.map((h) => h.id).sort();
      assert.deepEqual(await ids('memo'), [memo.id]);
      assert.deepEqual(await ids('FSB espionage'), [memo.id]);
      assert.deepEqual(await ids('"without limits"'), [summit.id]);
      assert.deepEqual(await ids('"limits without"'), []);
      assert.deepEqual(await ids('Entente-4'), [memo.id]);
      assert.deepEqual(await ids('OPEC OR partnership'), [summit.id, oil.id].sort());
      assert.deepEqual(await ids('pekin'), [summit.id], 'diacritics folded');
      assert.deepEqual(await ids('联邦安全局'), [chinese.id]);
      assert.deepEqual(await ids('nothing-like-this'), []);
      const { hits: [hit] } = await store.documents.search('espionage', { highlight: ['[', ']'] });
      assert.match(hit.snippet, /\[espionage\]/);
    });

    test('search: NOT, prefixes, parentheses; AND, OR, NOT are words where they are no operators (issue 16)', async () => {
      const ids = async (q: string) => (await store.documents.search(q)).hits.map((h) => h.id).sort();
      assert.deepEqual(await ids('prices NOT Vienna'), []);
      assert.deepEqual(await ids('prices NOT Paris'), [oil.id]);
      assert.deepEqual(await ids('espionage OR OPEC NOT Vienna'), [memo.id], 'NOT binds tighter than OR');
      assert.deepEqual(await ids('(memo OR summit) NOT Putin'), [memo.id]);
      assert.deepEqual(await ids('espion*'), [memo.id]);
      assert.deepEqual(await ids('partner* Pek*'), [summit.id], 'prefixes folded as the index is');
      assert.deepEqual(await ids('AND'), [summit.id], '"Putin and Xi": AND alone is the word');
      assert.deepEqual(await ids('NOT'), []);
      assert.deepEqual(await ids('OR'), []);
      assert.deepEqual(await ids('oil OR'), []);
      assert.deepEqual(await ids('中国 NOT 敌人'), []);
      assert.deepEqual(await ids('中国 NOT 日本'), [chinese.id]);
      for (const q of ['---', '', '"', '()', '--- NOT gas']) {
        await assert.rejects(store.documents.search(q), (err: Error) => err.name === 'SearchQueryError' && (err as StoreError).code === 'bad-query', JSON.stringify(q));
      }
    });

    test('search counts every match and pages through them; list and search give headings; bad pages are refused', async () => {
      const first = await store.documents.search('the', { limit: 1 });
      const second = await store.documents.search('the', { limit: 1, offset: 1 });
      const past = await store.documents.search('the', { limit: 1, offset: 2 });
      assert.deepEqual([first.total, second.total, past.total], [2, 2, 2]);
      assert.deepEqual([first.hits.length, second.hits.length, past.hits.length], [1, 1, 0]);
      assert.deepEqual([first.hits[0].id, second.hits[0].id].sort(), [memo.id, summit.id].sort());
      assert.equal((await store.documents.search('中国', { offset: 1 })).total, 1);
      const headings = Object.fromEntries((await store.documents.list()).map((d) => [d.id, d.heading]));
      assert.equal(headings[memo.id], 'FSB memo');
      assert.equal(headings[summit.id], summit.text, 'an untitled document is called by its first line');
      assert.equal((await store.documents.search('Putin')).hits[0].heading, summit.text);
      await assert.rejects(store.documents.list({ limit: -1 }), RangeError);
      await assert.rejects(store.documents.search('oil', { offset: 1e20 }), RangeError);
    });

    test('any string is a page of results or a SearchQueryError, never a database error (seeded fuzz)', async () => {
      const random = seededRandom(16);
      const pieces = ['AND', 'OR', 'NOT', '(', ')', '"', '*', 'oil', 'Putin', 'not', '中国', '-', ':', '^', '\u0000', ' ', 'NEAR', '{', '+', "'", '\\', '!', '&', '|', '<->', 'é', '\ud800'];
      for (let i = 0; i < 400; i++) {
        const q = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(random() < 0.5 ? ' ' : '');
        try {
          const { total, hits } = await store.documents.search(q);
          assert.ok(total >= hits.length, q);
        } catch (err) {
          assert.ok(err instanceof SearchQueryError, `${JSON.stringify(q)}: ${(err as Error).message}`);
        }
      }
    });

    test('events between two actors or countries, either direction, within a time range', async () => {
      const ids = async (q: Parameters<Store['analyses']['eventsBetween']>[0]) => (await store.analyses.eventsBetween(q)).map((e) => e.id);
      assert.deepEqual(await ids({ a: 'RUS', b: 'CHN', byCountry: true }), [`${memo.id.slice(0, 8)}-e1`, `${memo.id.slice(0, 8)}-e2`, `${summit.id.slice(0, 8)}-e1`]);
      assert.deepEqual(await ids({ a: 'CHN', b: 'RUS', byCountry: true, from: '2024-05-01', to: '2024-12-31' }), [`${memo.id.slice(0, 8)}-e2`, `${summit.id.slice(0, 8)}-e1`]);
      assert.deepEqual(await ids({ a: 'RUSSPY', b: 'CHN' }), [`${memo.id.slice(0, 8)}-e1`]);
      assert.deepEqual(await ids({ a: 'RUSSPY', b: 'CHN', from: '2025-01-01' }), []);
      const [e] = await store.analyses.eventsBetween({ a: 'RUSGOV', b: 'CHNGOV' });
      assert.deepEqual(e.time, { from: '2024-05-16', to: '2024-05-16', precision: 'day', basis: 'event' });
      assert.deepEqual(e.sources, ['RUSGOV']);
    });

    test('analyses: layers, actor mentions, stale versions and their replacement', async () => {
      const layers = await store.analyses.get(memo.id);
      assert.equal(layers!.events.length, 2);
      assert.deepEqual(layers!.versions, { tokenizer: 'a1', 'event-coder': 'c1' });
      const mentions = await store.analyses.actorMentions('RUS');
      assert.deepEqual(mentions.map((m) => m.docId), [memo.id, summit.id, oil.id]);
      const current = { tokenizer: 'a1', 'event-coder': 'c2' };
      const page = await store.analyses.versions({ limit: 3 });
      assert.deepEqual(page.map((r) => r.id), [memo.id, summit.id, oil.id, chinese.id].sort().slice(0, 3));
      const rest = await store.analyses.versions({ after: page[2]!.id });
      assert.equal(rest.length, 1);
      const all = [...page, ...rest];
      assert.equal(all.find((r) => r.id === chinese.id)!.versions, undefined, 'no analysis stored');
      assert.deepEqual(all.find((r) => r.id === memo.id)!.versions, { tokenizer: 'a1', 'event-coder': 'c1' });
      assert.equal(all.find((r) => r.id === chinese.id)!.language, 'zh');
      await store.analyses.replace([withAnalysis(memo, [event(memo.id, 3, ['RUS'], ['USA'], '2025-01-01', '2025-01-31')], current).analysis!]);
      const replaced = (await store.analyses.versions()).find((r) => r.id === memo.id)!;
      assert.deepEqual(replaced.versions, current);
      assert.deepEqual(await store.analyses.eventsBetween({ a: 'RUSSPY', b: 'CHN' }), [], 'old events gone');
      assert.equal((await store.analyses.eventsBetween({ a: 'USA', b: 'RUS' })).length, 1);
      assert.equal((await store.stats()).events, 3);
    });

    test('rejections and feed state', async () => {
      await store.documents.recordRejections([
        { ref: 'a.bin', reason: 'binary', at: AT },
        { ref: 'a.bin', reason: 'binary again', at: AT },
      ]);
      assert.deepEqual((await store.documents.listRejections()).map((r) => r.reason), ['binary again']);
      assert.equal(await store.feeds.get('https://x.example/feed'), undefined);
      await store.feeds.put({ url: 'https://x.example/feed', etag: '"1"', seen: ['a'], checkedAt: AT });
      await store.feeds.put({ url: 'https://x.example/feed', etag: '"2"', seen: ['b', 'a'], checkedAt: AT });
      assert.deepEqual(await store.feeds.get('https://x.example/feed'), { url: 'https://x.example/feed', etag: '"2"', lastModified: undefined, seen: ['b', 'a'], checkedAt: AT });
    });
  });
}

const tmp = tempDir();
after(() => tmp.cleanup());
onBothStores(suite, tmp.dir);

test('a store that does not exist is refused unless the command may create it', async () => {
  await assert.rejects(openStore(join(tmp.dir, 'typo.db')), (err: Error) => err.name === 'StoreError' && /no store at/.test(err.message));
  writeFileSync(join(tmp.dir, 'empty.db'), '');
  await assert.rejects(openStore(join(tmp.dir, 'empty.db')), (err: Error) => err.name === 'StoreError' && /is not a Rift store/.test(err.message), 'a reader leaves other files alone');
  assert.equal(readFileSync(join(tmp.dir, 'empty.db')).length, 0);
  const created = await openStore(join(tmp.dir, 'new', 'made.db'), { create: true });
  await created.close();
  const reopened = await openStore(join(tmp.dir, 'new', 'made.db'));
  await reopened.close();
});

test('a store made before the Kysely schema is brought up to date: nothing lost, event actors filled in', async () => {
  // test/fixtures/store/legacy-v4.db.gz: two reports ingested by Rift 0.1.0 (schema_migrations versions 1–4).
  const path = join(tmp.dir, 'legacy.db');
  writeFileSync(path, gunzipSync(readFileSync(join(ROOT, 'test/fixtures/store/legacy-v4.db.gz'))));
  const store = await openStore(path);
  try {
    assert.equal((await store.stats()).documents, 2);
    assert.equal((await store.documents.search('espionage')).total, 1);
    const between = await store.analyses.eventsBetween({ a: 'RUS', b: 'CHN', byCountry: true });
    assert.ok(between.length >= 2, `events between RUS and CHN from the JSON lists: ${between.length}`);
  } finally {
    await store.close();
  }
  const again = await openStore(path);
  await again.close();
});
