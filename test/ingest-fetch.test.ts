import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fetchUrl, USER_AGENT, DEFAULT_FETCH_LIMITS } from '../src/ingest/fetch.js';
import { ingest } from '../src/ingest/index.js';
import { openStore } from '../src/store/index.js';
import { FIXTURES, serve } from './ingest-helpers.js';

const article = readFileSync(join(FIXTURES, 'article.html'));

test('rift ingest <url>: a page is fetched with Rift\'s User-Agent, read as HTML and stored with its URL', async () => {
  const agents: string[] = [];
  const server = await serve((req, res) => {
    agents.push(String(req.headers['user-agent']));
    if (req.url === '/old') {
      res.writeHead(301, { location: '/story' }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article);
  });
  const store = await openStore(':memory:');
  try {
    const summary = await ingest([`${server.base}/old`], { store });
    assert.deepEqual(summary.rejections, []);
    assert.equal(summary.ingested, 1);
    assert.deepEqual(agents, [USER_AGENT, USER_AGENT]);
    const [doc] = await store.documents.list();
    const stored = (await store.documents.get(doc.id))!;
    assert.equal(stored.title, 'Moscow to expel two Chinese diplomats');
    assert.equal(stored.format, 'html');
    assert.equal(stored.sources[0].ref, `${server.base}/old`);
  } finally {
    await store.close();
    await server.close();
  }
});

test('fetch limits: redirect loops, oversized bodies (declared or streamed), HTTP errors and silence are reasons', async () => {
  const server = await serve((req, res) => {
    if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/big') res.writeHead(200, { 'content-length': String(10_000) }).end('x'.repeat(10_000));
    else if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 20; i++) res.write('y'.repeat(1000));
      res.end();
    } else if (req.url === '/missing') res.writeHead(404).end('no');
    else if (req.url === '/silent') res.writeHead(200); // headers, then nothing
    else res.writeHead(200).end('ok');
  });
  const limits = { ...DEFAULT_FETCH_LIMITS, maxBytes: 5000, timeoutMs: 300, maxRedirects: 3 };
  const failure = (path: string) => fetchUrl(server.base + path, limits).then(() => 'no error', (err: Error) => err.message);
  try {
    assert.equal(await failure('/loop'), 'more than 3 redirects');
    assert.match(await failure('/big'), /^too large: response of 10000 bytes/);
    assert.match(await failure('/stream'), /^too large: response exceeds the 5000-byte limit/);
    assert.equal(await failure('/missing'), 'HTTP 404 Not Found');
    assert.equal(await failure('/silent'), 'timed out after 0.3s');
    assert.equal(await failure('/ok'), 'no error');
    assert.match(await fetchUrl('ftp://example.org/x', limits).then(() => '', (e: Error) => e.message), /unsupported URL scheme ftp:/);
  } finally {
    await server.close();
  }
});

test('conditional requests: ETag and Last-Modified are sent, and 304 comes back with no body', async () => {
  let seen: Record<string, unknown> = {};
  const server = await serve((req, res) => {
    seen = { inm: req.headers['if-none-match'], ims: req.headers['if-modified-since'] };
    if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
    else res.writeHead(200, { etag: '"v1"', 'last-modified': 'Thu, 12 Jun 2025 07:30:00 GMT' }).end('body');
  });
  try {
    const first = await fetchUrl(server.base);
    assert.equal(first.status, 200);
    assert.equal(first.etag, '"v1"');
    const second = await fetchUrl(server.base, DEFAULT_FETCH_LIMITS, { etag: first.etag, lastModified: first.lastModified });
    assert.deepEqual(seen, { inm: '"v1"', ims: 'Thu, 12 Jun 2025 07:30:00 GMT' });
    assert.equal(second.status, 304);
    assert.equal(second.bytes.length, 0);
  } finally {
    await server.close();
  }
});

test('a URL that fails is recorded as a rejection and the rest of the batch goes on', async () => {
  const server = await serve((req, res) => {
    if (req.url === '/gone') res.writeHead(410).end();
    else res.writeHead(200, { 'content-type': 'text/plain' }).end('Vilnius said the crossing would stay closed for another week.');
  });
  const store = await openStore(':memory:');
  try {
    const summary = await ingest([`${server.base}/gone`, `${server.base}/note`], { store });
    assert.equal(summary.ingested, 1);
    assert.deepEqual(summary.rejections, [{ ref: `${server.base}/gone`, reason: 'HTTP 410 Gone' }]);
    assert.equal((await store.documents.listRejections())[0].reason, 'HTTP 410 Gone');
  } finally {
    await store.close();
    await server.close();
  }
});
