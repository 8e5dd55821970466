// Issue 16: inputs of a pathological shape (nesting, length, markup in titles) are read in bounded time
// and memory, and read as a user would expect (numbered as in the issue).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRequest } from '../src/ingest/read.js';
import { ingest } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const html = (body: string, head = '<title>Deep page</title>') => Buffer.from(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`);
const ARTICLE = '<p>' + 'Russian and Chinese ships held joint drills in the Pacific on Tuesday, the ministry said. '.repeat(4) + '</p>';

async function readOne(name: string, bytes: Uint8Array) {
  const out = await readRequest({ ref: name, name, bytes });
  assert.deepEqual(out.rejections, []);
  assert.equal(out.items.length, 1);
  return out.items[0].draft;
}

test('#4 a page nested 10,000 deep is read by the cheap converter, with a note, instead of spending minutes in Readability', { timeout: 60_000 }, async () => {
  const draft = await readOne('deep.html', html('<div>'.repeat(10_000) + ARTICLE + '</div>'.repeat(10_000)));
  assert.match(String(draft.extra?.reader), /^regex fallback: markup nested more than 1,000 deep/);
  assert.match(draft.text, /^Russian and Chinese ships held joint drills/);
  assert.equal(draft.title, 'Deep page');
});

test('#4 a page deeper than Readability reads well, or with a huge attribute, falls back with the reason; metadata still comes from the DOM', { timeout: 60_000 }, async () => {
  const head = '<title>Deep page</title><meta property="og:site_name" content="Wire"><meta property="article:published_time" content="2025-06-12">';
  const deep = await readOne('deep.html', html('<div>'.repeat(150) + ARTICLE + '</div>'.repeat(150), head));
  assert.equal(deep.extra?.reader, 'regex fallback: elements nested more than 100 deep');
  assert.equal(deep.outlet, 'Wire');
  assert.equal(deep.publishedAt, '2025-06-12');
  const wide = await readOne('attr.html', html(`<div class="${'x'.repeat(200_000)}">${ARTICLE}</div>`, head));
  assert.match(String(wide.extra?.reader), /^regex fallback: an attribute of 200,000 characters/);
  // An ordinary page is still read by Readability: no note.
  const plain = await readOne('plain.html', html('<div><div><article>' + ARTICLE.repeat(3) + '</article></div></div>', head));
  assert.equal(plain.extra?.reader, undefined);
  // Unclosed paragraphs and list items (old markup) do not count as nesting.
  const old = await readOne('old.html', html('<div>' + '<p>Moscow said on Monday it would expel two diplomats from the embassy. '.repeat(2000) + '</div>'));
  assert.doesNotMatch(String(old.extra?.reader), /nested/);
});

test('#10 feed titles with markup are shown as text: tags stripped like the descriptions', async () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &lt;b&gt;News&lt;/b&gt;</title>
    <item><title>&lt;img src=x onerror=alert(1)&gt;Drills in the &lt;b&gt;Pacific&lt;/b&gt;</title><description>&lt;p&gt;Ships held drills.&lt;/p&gt;</description></item>
    <item><title><![CDATA[<script>alert(2)</script>Talks <i>resume</i>]]></title><description>Talks resumed.</description></item>
  </channel></rss>`;
  const out = await readRequest({ ref: 'f.rss', name: 'f.rss', bytes: Buffer.from(rss) });
  assert.deepEqual(out.items.map((i) => i.draft.title), ['Drills in the Pacific', 'Talks resume']);
  assert.equal(out.items[0].draft.outlet, 'Wire News');
  assert.equal(out.items[0].draft.text, 'Ships held drills.');
});

test('#5 a text longer than a document may be is stored as parts cut at sentence ends, each with its place in the whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-parts-'));
  const store = await openStore(join(dir, 'r.db'), { create: true });
  try {
    const sentences = Array.from({ length: 900 }, (_, i) => `Sentence ${i} says that Moscow and Beijing met on day ${i}.`);
    const text = sentences.join(' ');
    writeFileSync(join(dir, 'book.txt'), text);
    const summary = await ingest([join(dir, 'book.txt')], { store, limits: { maxDocumentChars: 10_000 } });
    assert.ok(summary.ingested >= 6, `${summary.ingested} documents`);
    const { hits } = await store.documents.search('Moscow', { limit: 100 });
    assert.equal(hits.length, summary.ingested);
    const parts = await Promise.all(hits.map((h) => store.documents.get(h.id)));
    parts.sort((a, b) => (a!.extra!.part as { index: number }).index - (b!.extra!.part as { index: number }).index);
    let joined = '';
    parts.forEach((doc, i) => {
      const part = doc!.extra!.part as { index: number; count: number; start: number; end: number; of: number };
      assert.deepEqual([part.index, part.count, part.of], [i + 1, parts.length, text.length]);
      assert.equal(part.start, joined.length);
      assert.ok(doc!.text.length <= 10_000);
      assert.equal(doc!.text, text.slice(part.start, part.end));
      assert.match(doc!.text, /^Sentence \d+ says/, 'a part starts where a sentence does');
      assert.equal(doc!.source.ref, `${join(dir, 'book.txt')}#part${i + 1}`);
      assert.equal(doc!.title, `${text.slice(0, 99)}… (part ${i + 1} of ${parts.length})`, 'the heading of the whole, and which part');
      joined += doc!.text;
    });
    assert.equal(joined, text, 'the parts are the whole text, in order, nothing lost');
    const again = await ingest([join(dir, 'book.txt')], { store, limits: { maxDocumentChars: 10_000 } });
    assert.deepEqual([again.ingested, again.duplicates], [0, summary.ingested], 'the same file again gives the same parts');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
