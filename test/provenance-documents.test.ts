// Referenced documents as actors: which phrases name one, how mentions group into documents within a
// text, the signatures that compare them across texts, and that the event coder never sees them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, Analysis, DocumentSignature } from '../src/model/index.js';
import { loadPipeline } from '../src/app/pipeline.js';
import { testDocument } from './support/documents.js';
import { sameDocument, signatureKey } from '../src/provenance/index.js';

async function analyze(text: string): Promise<Analysis> {
  const pipeline = await loadPipeline();
  return pipeline.analyze(testDocument(text, { id: 'doc-test', language: 'en', outlet: 'Test Wire', publishedAt: '2025-06-08', retrievedAt: '2025-06-08' }));
}

const documentsOf = (a: Analysis): Actor[] => a.actors.filter((x) => x.kind === 'document');

/** The texts the document's mentions cover, in order. */
function mentionsOf(a: Analysis, id: string): string[] {
  return a.resolutions.filter((r) => r.actorId === id).map((r) => a.document.text.slice(r.start, r.end));
}

test('one memo, however the text calls it, is one actor its mentions resolve to', async () => {
  const a = await analyze(
    'A confidential Federal Security Service memo has surfaced. The memo names China as a threat. ' +
      'The eight-page document was written in late 2023. Officials called the FSB paper alarming, and this leak embarrassed Moscow.',
  );
  const docs = documentsOf(a);
  assert.equal(docs.length, 1, docs.map((d) => d.id).join(', '));
  const memo = docs[0]!;
  assert.equal(memo.id, 'document:memo');
  assert.deepEqual(mentionsOf(a, memo.id), [
    'A confidential Federal Security Service memo', 'The memo', 'The eight-page document', 'the FSB paper', 'this leak',
  ]);
  assert.equal(memo.signature?.type, 'memo');
  assert.equal(memo.signature?.authors[0]?.actor, 'rus-fsb');
  assert.equal(memo.signature?.pages, 8);
  assert.equal(memo.signature?.classification, 'confidential');
  assert.equal(memo.country, 'RUS');
  for (const r of a.resolutions.filter((r) => r.actorId === memo.id)) assert.equal(r.text, a.document.text.slice(r.start, r.end));
});

test('a document of another kind or author is another actor', async () => {
  const a = await analyze(
    'A leaked FSB memo warns of Chinese spying. It cites a 2019 report by the Pentagon on Arctic bases. ' +
      'The memo was obtained by hackers.',
  );
  const docs = documentsOf(a);
  assert.deepEqual(docs.map((d) => d.id), ['document:memo', 'document:report']);
  assert.deepEqual(mentionsOf(a, 'document:memo'), ['A leaked FSB memo', 'The memo']);
  assert.equal(docs[1]!.signature?.authors[0]?.actor, 'USAMIL');
  // the later "The memo" goes back to the memo, past the report named in between
  assert.ok(a.provenance.some((f) => f.document === 'document:memo' && f.fact === 'obtained-by'));
});

test('a bare report, paper or file is no referenced document: news reports, securities, photos', async () => {
  for (const text of [
    'The report said prices rose 3 percent in May. Analysts expect more gains.',
    'Watch a report: leaders met in Beijing on Monday.',
    'Commercial paper rates rose. Treasury paper was quiet.',
    'A man was arrested on suspicion of spying for China, the Sunday Times reports.',
    'The ministry files a report card on schools every year (Yomiuri Shimbun file photo).',
  ]) {
    const a = await analyze(text);
    assert.deepEqual(documentsOf(a).map((d) => d.id), [], text);
    assert.deepEqual(a.provenance, [], text);
  }
});

test('"the letter" before the sentence that says what it is joins the letter', async () => {
  const a = await analyze('Reuters could not independently verify the letter. The letter, seen by Reuters, was addressed to President Xi Jinping.');
  assert.deepEqual(mentionsOf(a, 'document:letter'), ['the letter', 'The letter']);
});

test('ids are stable: the same text gives the same documents and facts', async () => {
  const text = 'The cable, which was leaked on Telegram, was later verified by the BBC. The Kremlin denied the cable\'s authenticity.';
  const [a, b] = [await analyze(text), await analyze(text)];
  assert.deepEqual(documentsOf(a), documentsOf(b));
  assert.deepEqual(a.provenance, b.provenance);
  assert.ok(a.provenance.length >= 3);
  assert.equal(new Set(a.provenance.map((f) => f.id)).size, a.provenance.length, 'fact ids are unique');
});

test('the event coder codes the author, never the document, and the claim speaks as the document', async () => {
  const a = await analyze('The leaked FSB memo says Chinese agents recruited Russian scientists.');
  const ids = new Set(documentsOf(a).map((d) => d.id));
  assert.equal(ids.size, 1);
  for (const e of a.events) for (const code of [...e.sources, ...e.targets]) assert.ok(!ids.has(code), `event ${e.id} codes ${code}`);
  assert.ok(a.claims.length > 0);
  assert.ok(a.claims.some((c) => c.speaker === 'document:memo'), a.claims.map((c) => c.speaker).join(', '));
});

test('signatures: one memo told two ways is the same document; another author or date is not', () => {
  const fsb = { actor: 'rus-fsb', code: 'RUSSPY', country: 'RUS' };
  const russia = { actor: 'RUS', code: 'RUS', country: 'RUS' };
  const kremlin = { actor: 'RUSGOV', code: 'RUSGOV', country: 'RUS' };
  const late2023 = { from: '2023-09-01', to: '2024-04-30', precision: 'fuzzy' as const };
  const memo: DocumentSignature = { type: 'memo', authors: [fsb], dated: late2023, pages: 8 };
  assert.ok(sameDocument(memo, { type: 'document', authors: [russia], dated: { from: '2023-01-01', to: '2023-12-31', precision: 'year' } }));
  assert.ok(sameDocument(memo, { type: 'report', authors: [{ actor: 'RUSSPY', code: 'RUSSPY', country: 'RUS' }] }));
  assert.ok(sameDocument(memo, { type: 'memo', authors: [] }), 'a text that names no author says nothing against it');
  assert.ok(!sameDocument(memo, { type: 'memo', authors: [kremlin] }), 'the Kremlin is not the FSB');
  assert.ok(!sameDocument(memo, { type: 'cable', authors: [fsb] }), 'a cable is not a memo');
  assert.ok(!sameDocument(memo, { type: 'memo', authors: [fsb], dated: { from: '2021-01-01', to: '2021-12-31', precision: 'year' } }));
  assert.ok(!sameDocument(memo, { type: 'memo', authors: [fsb], pages: 30 }));
  assert.equal(signatureKey(memo), 'memo|RUSSPY|2023-2024');
});

test('a news outlet\'s report is its reporting, not a document the text refers to; an agency\'s report is one', async () => {
  const a = await analyze('An NYT report says the FSB memo calls China the enemy. A Reuters report added little.');
  assert.deepEqual(documentsOf(a).map((d) => d.id), ['document:memo']);
  const b = await analyze('A Pentagon report says China is building ships.');
  assert.equal(documentsOf(b).length, 1, 'a report by a government body is a referenced document');
});
