// Fuzz suite, HTTP side (beside the readers' in ingest-fuzz.test.ts): seeded random requests to every
// route (methods, paths, ids, query parameters, bodies) and mutated raw HTTP requests. Every answer must
// be a well-formed success or an error in the API's one shape, and the server must be alive at the end.
// RIFT_HTTP_FUZZ_ITERATIONS sets the number of requests of each kind (default 400), RIFT_FUZZ_SEED the seed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { seededRandom } from '../src/nlp/train/random.js';
import type { Store } from '../src/store/index.js';
import { isErrorBody, layersOnly, memoryStore, startServer, testDocument } from './support/server.js';

const ITERATIONS = Number(process.env.RIFT_HTTP_FUZZ_ITERATIONS ?? 400);
const SEED = Number(process.env.RIFT_FUZZ_SEED ?? 20250612);

const docs = [
  testDocument('Moscow said on Monday it would expel two diplomats. Not all of them had left.', { title: 'Expulsions' }),
  testDocument('俄罗斯联邦安全局把中国称为敌人。'),
  testDocument('Beijing denied the report. "We have done nothing wrong," a spokesman said.'),
];
const layers = {
  stages: ['tokenizer'], sentences: [{ start: 0, end: 10, tokenStart: 0, tokenEnd: 2 }],
  mentions: [{ start: 0, end: 6, text: 'Moscow', kind: 'LOC', confidence: 1 }],
  quantities: [], times: [], resolutions: [], actors: [], events: [], claims: [], provenance: [],
};

let store: Store;
let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  store = await memoryStore([{ document: docs[0], analysis: layersOnly(docs[0].id, layers) }, { document: docs[1] }, { document: docs[2] }]);
  server = await startServer(store, { analysis: { maxWaiting: 2, maxItems: 100 } });
});
after(async () => {
  await server.close();
  await store.close();
});

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];

const WORDS = ['oil', 'Moscow', 'NOT', 'OR', 'AND', '"', '(', ')', '*', '中国', '%00', '%', '%zz', '\u0000', '-', ':', '^', 'NEAR', "'", '\\', '😀', '\ud800', ' ', '+', '&', '=', '#'];
const NUMBERS = ['', '0', '1', '-1', '20', '200', '201', '1e3', '1.5', 'abc', '99999999999999999999', '0x10', ' 5', '+3', '-0', 'NaN', 'Infinity', '9007199254740993'];

function randomText(random: Random, max = 8): string {
  return Array.from({ length: Math.floor(random() * max) }, () => pick(random, WORDS)).join(random() < 0.6 ? ' ' : '');
}

/** encodeURIComponent, with lone surrogates (which it refuses) sent as they are. */
function encodeUriLoosely(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

function randomId(random: Random): string {
  const id = pick(random, docs).id;
  return pick(random, [id, id.slice(0, 1 + Math.floor(random() * 23)), id.toUpperCase(), 'ffffffff', 'zzz', '', '..', '%2e%2e', '%E0%A4%A', 'a'.repeat(300), encodeUriLoosely(randomText(random, 3))]);
}

function randomQuery(random: Random, names: string[]): string {
  const parts: string[] = [];
  for (let k = Math.floor(random() * 4); k > 0; k--) {
    const name = pick(random, [...names, 'x', 'limit', 'q']);
    const value = name === 'q' ? randomText(random) : pick(random, NUMBERS);
    parts.push(`${name}=${random() < 0.8 ? encodeUriLoosely(value) : value}`);
  }
  return parts.length ? '?' + parts.join('&') : '';
}

const BODIES: ((random: Random) => string)[] = [
  (r) => JSON.stringify({ text: randomText(r, 12) || 'Putin met Xi.' }),
  (r) => JSON.stringify({ text: 'Xi visited Moscow.', publishedAt: pick(r, ['2025-06-12', 'not-a-date', '2025-02-31', '', '1987-03-02T10:00:00Z', 'D:2024']) }),
  (r) => JSON.stringify({ text: 'Xi visited Moscow.', [pick(r, ['title', 'language', 'publishedAt', 'extra'])]: pick(r, [1, null, [], {}, 'en', true, 'x'.repeat(2000)]) }),
  (r) => JSON.stringify(pick(r, [null, [], 'text', 42, { text: 42 }, { text: '' }, { text: '   ' }, {}])),
  (r) => { const s = JSON.stringify({ text: 'Putin met Xi in Moscow.' }); const at = Math.floor(r() * s.length); return s.slice(0, at) + pick(r, ['', '"', '}', '\u0000', '\\', '{', ',']) + s.slice(at + 1); },
];

interface Sent {
  method: string;
  path: string;
  body?: string;
  type?: string;
}

function randomRequest(random: Random): Sent {
  const method = random() < 0.85 ? 'GET' : pick(random, ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']);
  const route = Math.floor(random() * 10);
  if (route === 0) return { method, path: pick(random, ['/', '/dashboard.js', '/dashboard.css', '/api/health', '/api/stats', '/api/openapi.json']) };
  if (route <= 3) return { method, path: '/api/documents' + randomQuery(random, ['q', 'limit', 'offset']) };
  if (route <= 6) {
    const tail = pick(random, ['', '/analysis', '/brief', '/nope']);
    return { method, path: `/api/documents/${randomId(random)}${tail}${randomQuery(random, ['offset', 'limit', 'textOffset', 'textLimit'])}` };
  }
  if (route <= 8) {
    return { method: random() < 0.9 ? 'POST' : method, path: '/api/analyze', body: pick(random, BODIES)(random), type: pick(random, ['application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']) };
  }
  return { method, path: '/' + randomText(random, 4).replace(/[\s#?]/g, '') };
}

const TEXT_ROUTES: Record<string, RegExp> = { '/': /text\/html/, '/dashboard.js': /javascript/, '/dashboard.css': /text\/css/ };

/** Checks one answer; returns why it is malformed, or undefined. */
function malformed(sent: Pick<Sent, 'method' | 'path'>, status: number, contentType: string, body: string): string | undefined {
  if (!(status >= 200 && status < 600)) return `status ${status}`;
  if (status >= 500 && status !== 503) return `a server error (${status}): ${body.slice(0, 200)}`;
  if (sent.method === 'HEAD' || status === 204) return undefined;
  let path: string;
  try {
    path = new URL(sent.path, 'http://127.0.0.1').pathname; // as the client sent it: fetch trims spaces and controls
  } catch {
    path = sent.path.split('?')[0];
  }
  if (status < 300 && TEXT_ROUTES[path]) return TEXT_ROUTES[path].test(contentType) ? undefined : `content type ${contentType}`;
  if (status < 300 && path.endsWith('/brief')) return /markdown/.test(contentType) ? undefined : `content type ${contentType}`;
  if (!/application\/json/.test(contentType)) return `content type ${contentType} for ${status}`;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `not JSON: ${body.slice(0, 100)}`;
  }
  if (status >= 400) return isErrorBody(json, status) ? undefined : `not the error shape: ${body.slice(0, 200)}`;
  return json !== null && typeof json === 'object' ? undefined : `not a JSON object: ${body.slice(0, 100)}`;
}

test(`the API answers ${ITERATIONS} random requests to every route in its shapes`, { timeout: 120_000 }, async () => {
  const random = seededRandom(SEED);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const send = async (sent: Sent) => {
    const headers: Record<string, string> = sent.type ? { 'content-type': sent.type } : {};
    const res = await fetch(server.base + sent.path, { method: sent.method, headers, body: sent.method === 'GET' || sent.method === 'HEAD' ? undefined : sent.body });
    const body = await res.text();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const why = malformed(sent, res.status, res.headers.get('content-type') ?? '', body);
    if (why) failures.push(`${sent.method} ${sent.path} ${sent.body ?? ''} → ${res.status}: ${why}`);
  };
  for (let i = 0; i < ITERATIONS; i += 8) {
    const batch = Array.from({ length: Math.min(8, ITERATIONS - i) }, () => randomRequest(random));
    await Promise.all(batch.map(send));
  }
  assert.deepEqual(failures.slice(0, 5), [], `${failures.length} malformed answers (seed ${SEED})`);
  assert.ok(statuses.get(200)! > ITERATIONS / 10, `few successes: ${JSON.stringify([...statuses])}`);
  assert.ok([...statuses.keys()].filter((s) => s >= 400).length >= 4, `few kinds of error: ${JSON.stringify([...statuses])}`);
  assert.deepEqual(await (await fetch(server.base + '/api/health')).json(), { ok: true });
});

const RAW_TOKENS = ['\r\n', '\r\n\r\n', '\n', ' ', ':', '\u0000', '%', '%00', '?', '#', '/', '..', 'Content-Length: 5\r\n', 'Transfer-Encoding: chunked\r\n', 'Host: evil.example\r\n', 'Expect: 100-continue\r\n', '0\r\n\r\n', 'GET / HTTP/1.1\r\n', 'HTTP/9.9', '\xff', 'x'.repeat(200)];

/** A raw request with a few mutations: bytes flipped, tokens inserted, ranges deleted or repeated, the end cut. */
function mutateRaw(random: Random, request: string): Buffer {
  let bytes = Buffer.from(request, 'latin1');
  for (let r = 1 + Math.floor(random() * 3); r > 0; r--) {
    const at = Math.floor(random() * (bytes.length + 1));
    switch (Math.floor(random() * 5)) {
      case 0:
        for (let k = 0; k < 1 + random() * 4 && bytes.length; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        break;
      case 1:
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(pick(random, RAW_TOKENS), 'latin1'), bytes.subarray(at)]);
        break;
      case 2:
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + Math.floor(random() * 16)))]);
        break;
      case 3: {
        const end = Math.min(bytes.length, at + Math.floor(random() * 64));
        bytes = Buffer.concat([bytes.subarray(0, end), ...Array.from({ length: 1 + Math.floor(random() * 8) }, () => bytes.subarray(at, end)), bytes.subarray(end)]);
        break;
      }
      default:
        bytes = bytes.subarray(0, at);
    }
  }
  return bytes;
}

/** Sends bytes on a fresh connection, closes the sending side, and collects what comes back (within 3 s). */
function exchange(port: number, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1', () => socket.end(bytes));
    const timer = setTimeout(() => socket.destroy(), 3000);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

/** The responses in a byte stream: status, headers and body (Content-Length or chunked), as far as they are whole. */
function parseResponses(raw: Buffer): { status: number; headers: Record<string, string>; body: string }[] {
  const out: { status: number; headers: Record<string, string>; body: string }[] = [];
  let rest = raw;
  while (rest.length) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd < 0) break;
    const [statusLine, ...lines] = rest.subarray(0, headEnd).toString('latin1').split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
    if (!m) throw new Error(`not an HTTP response: ${statusLine.slice(0, 80)}`);
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
    }
    let body = rest.subarray(headEnd + 4);
    if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      let at = 0;
      for (;;) {
        const lineEnd = body.indexOf('\r\n', at);
        if (lineEnd < 0) break;
        const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
        if (!size) {
          at = lineEnd + 4;
          break;
        }
        parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      rest = body.subarray(at);
      body = Buffer.concat(parts);
    } else {
      const length = Number(headers['content-length'] ?? body.length);
      rest = body.subarray(length);
      body = body.subarray(0, length);
    }
    out.push({ status: Number(m[1]), headers, body: body.toString('utf8') });
  }
  return out;
}

test(`the server answers ${ITERATIONS} mutated raw HTTP requests in its shapes, or closes the connection`, { timeout: 120_000 }, async () => {
  const random = seededRandom(SEED + 1);
  const analyze = '{"text": "Putin met Xi in Moscow."}';
  const bases = [
    'GET /api/documents?q=oil&limit=5 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    `GET /api/documents/${docs[0].id.slice(0, 8)}/analysis?offset=0 HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n`,
    `POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${analyze.length}\r\n\r\n${analyze}`,
    'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
  ];
  const failures: string[] = [];
  let answered = 0;
  for (let i = 0; i < ITERATIONS; i += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, ITERATIONS - i) }, async () => {
        const base = pick(random, bases);
        const bytes = mutateRaw(random, base);
        const raw = await exchange(server.port, bytes);
        let responses;
        try {
          responses = parseResponses(raw);
        } catch (err) {
          failures.push(`${JSON.stringify(bytes.toString('latin1'))} → ${(err as Error).message}`);
          return;
        }
        if (responses.length) answered++;
        for (const r of responses) {
          if (r.status < 200) continue; // 100 Continue, before the answer
          const method = /^\s*HEAD /.test(bytes.toString('latin1')) ? 'HEAD' : 'GET';
          const path = /^\s*\w+ +(\S+)/.exec(bytes.toString('latin1'))?.[1] ?? '/?';
          const why = malformed({ method, path }, r.status, r.headers['content-type'] ?? '', r.body);
          if (why) failures.push(`${JSON.stringify(bytes.toString('latin1').slice(0, 200))} → ${r.status}: ${why}`);
        }
      }),
    );
  }
  assert.deepEqual(failures.slice(0, 5), [], `${failures.length} malformed answers (seed ${SEED + 1})`);
  assert.ok(answered > ITERATIONS / 2, `only ${answered} of ${ITERATIONS} mutated requests got an answer`);
  assert.deepEqual(await (await fetch(server.base + '/api/health')).json(), { ok: true });
});
