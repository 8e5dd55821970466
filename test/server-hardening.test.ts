// Issue 16: every bad request to the HTTP API gets a clear answer in one shape, and nothing stalls the
// server. Each test reproduces one finding of the issue (numbered as there).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { Store } from '../src/store/index.js';
import { isErrorBody, layersOnly, memoryStore, startServer, testDocument } from './support/server.js';

const OUTLETS = ['Wire', 'Desk', 'Daily'];
const docs = [
  ...Array.from({ length: 32 }, (_, i) =>
    testDocument(`Report ${i}: the oil pipeline from Siberia carried ${1000 + i} barrels, officials said. Not all of it arrived.`, {
      title: i % 2 ? `Pipeline report ${i}` : undefined,
      outlet: OUTLETS[i % 3],
      publishedAt: `2025-05-${String(1 + (i % 28)).padStart(2, '0')}`,
    }),
  ),
  ...Array.from({ length: 8 }, (_, i) => testDocument(`Talks ${i} in Beijing and Moscow ended without a statement.`)),
];
const long = testDocument('Moscow said on Monday it would expel two diplomats. '.repeat(60));
const analysed = testDocument('Putin met Xi in Moscow on Tuesday.');
const layers = {
  stages: ['tokenizer'],
  sentences: [{ start: 0, end: 34, tokenStart: 0, tokenEnd: 9 }],
  mentions: Array.from({ length: 12 }, (_, i) => ({ start: i, end: i + 1, text: 'P', kind: 'PER', confidence: 1 })),
  quantities: [], times: [], resolutions: [], actors: [], events: [], claims: [], provenance: [],
};

let store: Store;
let server: Awaited<ReturnType<typeof startServer>>;

before(async () => {
  store = await memoryStore([
    ...docs.map((document) => ({ document })),
    { document: long },
    { document: analysed, analysis: layersOnly(analysed.id, layers) },
  ]);
  server = await startServer(store, { maxTextChars: 1000, maxLayerItems: 5, analysis: { maxItems: 50 } });
});
after(async () => {
  await server.close();
  await store.close();
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(server.base + path, { headers });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body };
};
const post = async (path: string, body: string, contentType = 'application/json') => {
  const res = await fetch(server.base + path, { method: 'POST', headers: { 'content-type': contentType }, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

test('#1 search on AND, OR, NOT answers as words; a query with nothing to search is a 400 in the error shape, never a database error', async () => {
  for (const q of ['NOT', 'OR', 'AND', 'oil OR', 'AND oil', 'oil NOT', '(oil', 'oil)', '"oil', 'oil AND AND pipeline', 'NOT NOT']) {
    const res = await get(`/api/documents?q=${encodeURIComponent(q)}`);
    assert.equal(res.status, 200, `q=${q}: ${JSON.stringify(res.body)}`);
    assert.ok(Array.isArray(res.body.results), `q=${q}`);
  }
  // "Not all of it arrived": NOT alone is the word "not".
  assert.equal((await get('/api/documents?q=NOT')).body.total, 32);
  assert.equal((await get('/api/documents?q=oil%20OR')).body.total, 0, '"or" is a word here, and no report has it');
  assert.equal((await get('/api/documents?q=oil%20NOT%20Siberia')).body.total, 0);
  assert.equal((await get('/api/documents?q=Beijing%20OR%20Siberia')).body.total, 40);
  for (const q of ['%00', '%22%22', '---', '%E2%80%8B']) {
    const res = await get(`/api/documents?q=${q}`);
    assert.equal(res.status, 400, `q=${q}`);
    assert.ok(isErrorBody(res.body, 400), JSON.stringify(res.body));
    assert.equal(res.body.error.code, 'invalid_query');
    assert.match(res.body.error.message, /no words to search for/);
  }
});

test('#2 limit and offset out of range are refused with the range, not clamped into all documents or a 500', async () => {
  for (const bad of ['limit=-1', 'limit=0', 'limit=201', 'limit=abc', 'limit=1.5', 'limit=', 'offset=-1', 'offset=99999999999999999999', 'limit=1&limit=2']) {
    const res = await get(`/api/documents?${bad}`);
    assert.equal(res.status, 400, bad);
    assert.ok(isErrorBody(res.body, 400), `${bad}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.code, 'invalid_parameter');
  }
  const res = await get('/api/documents?q=oil&offset=99999999999999999999');
  assert.equal(res.status, 400);
  const page = await get('/api/documents?limit=200&offset=30');
  assert.equal(page.status, 200);
  assert.equal(page.body.total, 42);
  assert.equal(page.body.results.length, 12);
});

test('#3 health checks are answered while a long text is analysed, and a too-large body is refused at once', async () => {
  // The first analysis also loads the pipeline; the one measured below runs on a loaded one.
  assert.equal((await post('/api/analyze', JSON.stringify({ text: 'Xi visited Moscow.' }))).status, 200);
  const text = 'Russian and Chinese ships held joint drills in the Pacific on Tuesday, the ministry said. '.repeat(3000);
  let done = false;
  const analysis = post('/api/analyze', JSON.stringify({ text })).then((res) => {
    done = true;
    return res;
  });
  let answeredDuring = 0;
  let refusedDuring: boolean | undefined;
  while (!done) {
    const health = await get('/api/health');
    assert.equal(health.status, 200);
    if (!done) answeredDuring++;
    if (refusedDuring === undefined && !done) {
      // A body over the limit, announced by its Content-Length: refused before it is read, even now.
      const status = await announceBody(9 * 1024 * 1024);
      assert.equal(status, 413);
      refusedDuring = !done;
    }
  }
  const res = await analysis;
  assert.equal(res.status, 200);
  assert.ok(answeredDuring >= 5, `only ${answeredDuring} health checks were answered while the analysis ran`);
  assert.equal(refusedDuring, true, 'the too-large body was refused only after the analysis');
});

/** Sends the headers of a POST /api/analyze announcing `bytes` of JSON, and a few of them; resolves to the status of the answer. */
function announceBody(bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path: '/api/analyze', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': bytes } },
      (res) => {
        let data = '';
        res.on('data', (d) => (data += d));
        res.on('end', () => {
          assert.ok(isErrorBody(JSON.parse(data), res.statusCode!), data);
          req.destroy();
          resolve(res.statusCode!);
        });
      },
    );
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
    req.write('{"text": "');
  });
}

test('#3 eight concurrent analyses neither stall health checks nor pile up: each is answered, or refused as busy', async () => {
  const text = 'Beijing denied the report and said the diplomats had done nothing wrong. '.repeat(1500);
  assert.equal((await post('/api/analyze', JSON.stringify({ text: 'Xi visited Moscow.' }))).status, 200, 'the pipeline is loaded');
  let pending = 8;
  let analysed = 0;
  const answers = Array.from({ length: 8 }, () =>
    post('/api/analyze', JSON.stringify({ text })).then((res) => {
      pending--;
      if (res.status === 200) analysed++;
      return res;
    }),
  );
  // Counted until the first analysis is answered: a server that analyses on its event loop answers
  // health checks only between analyses, if at all.
  let answeredDuring = 0;
  while (analysed === 0 && pending > 0) {
    assert.equal((await get('/api/health')).status, 200);
    if (analysed === 0) answeredDuring++;
  }
  const results = await Promise.all(answers);
  for (const r of results) {
    assert.ok(r.status === 200 || (r.status === 503 && isErrorBody(r.body, 503) && r.body.error.code === 'busy'), JSON.stringify(r.body).slice(0, 200));
  }
  assert.ok(results.some((r) => r.status === 200));
  assert.ok(answeredDuring >= 5, `only ${answeredDuring} health checks were answered before the first of eight analyses was`);
});

test('#3 #5 an analysis answer is capped per layer, and says what it left out', async () => {
  const text = 'Moscow said on Monday it would expel two diplomats. Beijing denied the report. '.repeat(40);
  const res = await post('/api/analyze', JSON.stringify({ text }));
  assert.equal(res.status, 200);
  assert.equal(res.body.tokens.starts.length, 50, 'the token table is cut to the cap');
  assert.equal(res.body.tokens.count, res.body.page.totals.tokens);
  assert.ok(res.body.page.totals.tokens > 50);
  assert.equal(res.body.page.complete, false);
  assert.match(res.body.page.note, /cut/);
  assert.ok(res.body.sentences.length <= 50 && res.body.page.totals.sentences === 80);
});

test('#5 a long document text and a long analysis come a page at a time, with a note', async () => {
  const first = await get(`/api/documents/${long.id}`);
  assert.equal(first.status, 200);
  assert.equal(first.body.text.length, 1000);
  assert.deepEqual(first.body.textRange, { start: 0, end: 1000, total: long.text.length });
  assert.match(first.body.note, /textOffset=1000/);
  const rest = await get(`/api/documents/${long.id}?textOffset=3000`);
  assert.equal(rest.body.text, long.text.slice(3000));
  const whole = await get(`/api/documents/${analysed.id}`);
  assert.equal(whole.body.text, analysed.text);
  assert.equal(whole.body.note, undefined, 'a short text comes whole, without a note');

  const page1 = await get(`/api/documents/${analysed.id}/analysis`);
  assert.equal(page1.status, 200);
  assert.equal(page1.body.mentions.length, 5);
  assert.deepEqual(page1.body.page.totals.mentions, 12);
  assert.match(page1.body.page.note, /offset=5/);
  const page3 = await get(`/api/documents/${analysed.id}/analysis?offset=10`);
  assert.deepEqual(page3.body.mentions.map((m: any) => m.start), [10, 11]);
  assert.equal((await get(`/api/documents/${analysed.id}/analysis?limit=6`)).status, 400, 'no page larger than the cap');
});

test('#6 bad dates and fields of the wrong type are refused, and every error has one shape', async () => {
  const cases: [string, string, number, string][] = [
    [JSON.stringify({ text: 'Putin met Xi.', publishedAt: 'not-a-date' }), 'application/json', 400, 'publishedAt'],
    [JSON.stringify({ text: 'Putin met Xi.', publishedAt: { year: 2025 } }), 'application/json', 400, 'publishedAt'],
    [JSON.stringify({ text: 'Putin met Xi.', publishedAt: '2025-02-31' }), 'application/json', 400, 'publishedAt'],
    [JSON.stringify({ text: 'Putin met Xi.', title: 42 }), 'application/json', 400, 'title'],
    [JSON.stringify({ text: 'Putin met Xi.', language: 'English please' }), 'application/json', 400, 'language'],
    [JSON.stringify({ text: 'Putin met Xi.', publishedDate: '2025-06-12' }), 'application/json', 400, 'publishedDate'],
    [JSON.stringify({ text: 7 }), 'application/json', 400, 'text'],
    [JSON.stringify(['Putin met Xi.']), 'application/json', 400, 'object'],
    ['{"text": "Putin met', 'application/json', 400, 'JSON'],
    ['', 'application/json', 400, ''],
    ['text=Putin', 'application/x-www-form-urlencoded', 415, ''],
  ];
  for (const [body, type, status, mention] of cases) {
    const res = await post('/api/analyze', body, type);
    assert.equal(res.status, status, `${body}: ${JSON.stringify(res.body)}`);
    assert.ok(isErrorBody(res.body, status), `${body}: ${JSON.stringify(res.body)}`);
    assert.ok(res.body.error.message.includes(mention), `${body}: ${res.body.error.message}`);
  }
  const ok = await post('/api/analyze', JSON.stringify({ text: 'Putin met Xi.', publishedAt: '2025-06-12T09:30:00+02:00' }));
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body.document.date, { day: '2025-06-12', source: 'given' }, 'the day as the writer wrote it (docs/decisions/0700)');
  for (const path of ['/nope', '/api/documents/ffffffffffffffffffffffff', '/api/documents/zzz/brief', `/api/documents/${docs[0].id}/brief`]) {
    const res = await get(path);
    assert.equal(res.status, 404, path);
    assert.ok(isErrorBody(res.body, 404), `${path}: ${JSON.stringify(res.body)}`);
  }
});

test('#9 the API takes the short ids the CLI takes; an ambiguous one is a 400 that says so', async () => {
  const id = docs[5].id;
  const short = await get(`/api/documents/${id.slice(0, 8)}`);
  assert.equal(short.status, 200);
  assert.equal(short.body.id, id);
  assert.equal((await get(`/api/documents/${id.slice(0, 8).toUpperCase()}/analysis`)).status, 404, 'found, but stored without analysis');
  assert.match((await get(`/api/documents/${analysed.id.slice(0, 10)}/brief`)).body, /^# Putin met Xi/);
  const shared = docs.map((d) => d.id[0]).find((c, i, all) => all.indexOf(c) !== i)!;
  const ambiguous = await get(`/api/documents/${shared}`);
  assert.equal(ambiguous.status, 400);
  assert.ok(isErrorBody(ambiguous.body, 400));
  assert.equal(ambiguous.body.error.code, 'ambiguous_id');
});

test('#10 lists give untitled documents the heading their brief has: the first line', async () => {
  const res = await get('/api/documents?q=Beijing&limit=1');
  assert.equal(res.body.results[0].title, undefined);
  assert.match(res.body.results[0].heading, /^Talks \d in Beijing and Moscow ended without a statement\.$/);
  assert.equal((await get(`/api/documents?q=${encodeURIComponent('"Pipeline report 1"')}`)).body.results[0].heading, 'Pipeline report 1');
});

test('#11 a request under a foreign Host name is refused (DNS rebinding); answers carry CSP and nosniff', async () => {
  const raw = (host: string) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, path: '/api/stats', headers: { host } }, (res) => {
        let data = '';
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(data) }));
      });
      req.on('error', reject);
      req.end();
    });
  const evil = await raw('evil.example');
  assert.equal(evil.status, 403);
  assert.ok(isErrorBody(evil.body, 403));
  assert.equal(evil.body.error.code, 'host_not_allowed');
  for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`, '192.168.1.20']) {
    assert.equal((await raw(host)).status, 200, host);
  }
  for (const path of ['/', '/api/health', '/api/nope']) {
    const res = await get(path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'.*script-src 'self'/, path);
  }
  const page = (await get('/')).body as string;
  assert.doesNotMatch(page, /<script>/, 'no inline script: the CSP forbids them');
  const script = await fetch(server.base + '/dashboard.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
});

test('#3 an analysis past its time budget fails alone: 503 analysis_timeout, and the next request is answered', async () => {
  const own = await startServer(store, { analysis: { timeoutMs: 1000 } });
  try {
    const ask = async (text: string) => {
      const res = await fetch(`${own.base}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      return { status: res.status, body: (await res.json()) as any };
    };
    const slow = await ask('Russian and Chinese ships held joint drills in the Pacific on Tuesday. '.repeat(8000));
    assert.equal(slow.status, 503);
    assert.ok(isErrorBody(slow.body, 503));
    assert.equal(slow.body.error.code, 'analysis_timeout');
    assert.equal((await fetch(`${own.base}/api/health`)).status, 200);
    const next = await ask('Xi visited Moscow.');
    assert.equal(next.status, 200, JSON.stringify(next.body));
    assert.equal(next.body.document.text, 'Xi visited Moscow.');
  } finally {
    await own.close();
  }
});
