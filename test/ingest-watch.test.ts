import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pollFeeds } from '../src/ingest/watch.js';
import { openStore } from '../src/store/index.js';
import { FIXTURES, serve } from './ingest-helpers.js';

const BIN = resolve(fileURLToPath(import.meta.url), '../../../bin/rift.js');
const rss = readFileSync(join(FIXTURES, 'feed.rss'), 'utf8');
const extraItem = `<item><title>Envoys meet in Astana</title><link>https://northwind.example/world/astana</link>
<pubDate>Sat, 14 Jun 2025 10:00:00 GMT</pubDate><description>Envoys of both countries met in Astana on Saturday to discuss the expulsions.</description></item>`;

test('watch: new items are ingested once; ETag makes an unchanged feed cost a 304; the state lives in the store', async () => {
  let body = rss;
  let version = 1;
  const requests: { inm?: string }[] = [];
  const server = await serve((req, res) => {
    requests.push({ inm: req.headers['if-none-match'] as string | undefined });
    const etag = `"v${version}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
  });
  const url = `${server.base}/world.rss`;
  const store = await openStore(':memory:');
  try {
    const first = await pollFeeds([url], { store });
    assert.deepEqual(first.feeds, [{ url, status: 'updated', items: 2, newItems: 2 }]);
    assert.equal(first.summary.ingested, 2);
    const docs = await store.documents.list();
    const stored = (await store.documents.get(docs.find((d) => d.title === 'Moscow to expel two Chinese diplomats')!.id))!;
    assert.equal(stored.sources[0].ref, 'https://northwind.example/world/moscow-expels-diplomats');
    assert.equal(stored.outlet, 'Northwind Herald – World');

    const second = await pollFeeds([url], { store });
    assert.equal(requests[1].inm, '"v1"');
    assert.deepEqual(second.feeds, [{ url, status: 'unchanged', items: 0, newItems: 0 }]);
    assert.equal(second.summary.ingested + second.summary.duplicates, 0);

    // The feed gains one item and loses none: only the new one is taken.
    body = rss.replace('</channel>', `${extraItem}</channel>`);
    version = 2;
    const third = await pollFeeds([url], { store });
    assert.deepEqual(third.feeds, [{ url, status: 'updated', items: 3, newItems: 1 }]);
    assert.equal(third.summary.ingested, 1);
    assert.equal((await store.stats()).documents, 3);

    const state = (await store.feeds.get(url))!;
    assert.equal(state.etag, '"v2"');
    assert.deepEqual(state.seen, ['nw-2025-0612-001', 'https://northwind.example/world/geneva-talks', 'https://northwind.example/world/astana']);
  } finally {
    await store.close();
    await server.close();
  }
});

test('watch: a server without ETag still gets no item twice; failures and empty feeds are reported, not thrown', async () => {
  const server = await serve((req, res) => {
    if (req.url === '/feed.atom') res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(readFileSync(join(FIXTURES, 'feed.atom')));
    else if (req.url === '/empty.rss') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(join(FIXTURES, 'empty.rss')));
    else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Not a feed at all, just a page.</p></body></html>');
    else res.writeHead(500).end();
  });
  const urls = ['/feed.atom', '/empty.rss', '/page', '/broken'].map((p) => server.base + p);
  const store = await openStore(':memory:');
  try {
    const first = await pollFeeds(urls, { store });
    assert.deepEqual(
      first.feeds.map((f) => [f.status, f.newItems, f.reason]),
      [
        ['updated', 2, undefined],
        ['failed', 0, 'empty RSS feed: no items'],
        ['failed', 0, 'not a feed: read as html'],
        ['failed', 0, 'HTTP 500 Internal Server Error'],
      ],
    );
    const again = await pollFeeds(urls.slice(0, 1), { store });
    assert.deepEqual(again.feeds[0], { url: urls[0], status: 'unchanged', items: 2, newItems: 0 });
    assert.equal((await store.stats()).documents, 2);
  } finally {
    await store.close();
    await server.close();
  }
});

test('rift watch --once: one pass from the command line, a JSON line per pass, state kept in --db', async () => {
  const server = await serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'last-modified': 'Thu, 12 Jun 2025 08:00:00 GMT' }).end(rss);
  });
  const dir = mkdtempSync(join(tmpdir(), 'rift-watch-cli-'));
  const db = join(dir, 'watch.db');
  const rift = (...args: string[]) =>
    new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(process.execPath, [BIN, "watch", `${server.base}/feed`, '--once', '--no-analyze', '--json', '--db', db, ...args], (err, stdout, stderr) =>
        resolve({ code: err ? (err as { code?: number }).code ?? 1 : 0, stdout: stdout + stderr }),
      );
    });
  try {
    const first = await rift();
    assert.equal(first.code, 0, first.stdout);
    const pass = JSON.parse(first.stdout.trim().split('\n')[0]);
    assert.equal(pass.ingested, 2);
    assert.equal(pass.feeds[0].status, 'updated');
    const second = JSON.parse((await rift()).stdout.trim());
    assert.equal(second.ingested, 0);
    assert.deepEqual(second.feeds[0], { url: `${server.base}/feed`, status: 'unchanged', items: 2, newItems: 0 });
    assert.equal((await rift('--interval', '0')).code, 1, 'a bad interval is a usage error');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
