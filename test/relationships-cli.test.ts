import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { openStore } from '../src/store/index.js';
import { ingest } from '../src/ingest/index.js';
import { buildServer } from '../src/server/app.js';
import { loadCorpusStages } from '../src/app/pipeline.js';
import { rift, riftJson, tempDir } from './support/cli.js';
import { drills, fixtureDocument } from './support/relationships.js';

// rift dyad, rift alerts (ack), rift brief pair and rift relationships over a store whose documents the
// stage has not read yet (the commands catch up first), and the same over the HTTP API.

const tmp = tempDir();
const db = join(tmp.dir, 'store.db');
after(() => tmp.cleanup());

const summit = fixtureDocument('Summit', [
  drills('Russian and Chinese forces held joint naval drills.', '2024-05-16'),
  {
    sentence: 'Putin and Xi signed a treaty of friendship.', sources: ['RUSGOV'], targets: ['CHNGOV'], type: 'SUPPORT', cameo: '057',
    goldstein: 8, quad: 1, channel: 'public-statement', speaker: 'RUSGOV', time: { from: '2024-05-16', to: '2024-05-16' },
  },
], { publishedAt: '2024-05-17' });
const memo = fixtureDocument('Memo', [
  {
    sentence: 'The FSB memo calls China the enemy.', sources: ['RUSSPY'], targets: ['CHN'], type: 'ACCUSE', cameo: '111', goldstein: -2,
    quad: 3, channel: 'leaked-document', speaker: 'document:memo', time: { from: '2024-04-01', to: '2024-06-30' },
  },
  {
    sentence: 'Chinese spies steal Russian research, the memo says.', sources: ['CHNSPY'], targets: ['RUSEDU'], type: 'COERCE', cameo: '170',
    goldstein: -7, quad: 4, channel: 'private-document', certainty: 0.6, modality: 'alleged', speaker: 'document:memo',
    time: { from: '2024-04-01', to: '2024-06-30' },
  },
], { publishedAt: '2025-06-07' });

const treaty = fixtureDocument('Treaty wire', [
  {
    sentence: 'Russia and China signed a friendship treaty.', sources: ['RUS'], targets: ['CHN'], type: 'SUPPORT', cameo: '057',
    goldstein: 8, quad: 1, channel: 'journalist', time: { from: '2024-05-16', to: '2024-05-16' },
  },
], { publishedAt: '2024-05-18' });
const memoCopy = fixtureDocument('Memo copy', [
  {
    sentence: 'A leaked FSB memo brands China the enemy.', sources: ['RUSSPY'], targets: ['CHN'], type: 'ACCUSE', cameo: '111', goldstein: -2,
    quad: 3, channel: 'leaked-document', speaker: 'document:memo', time: { from: '2024-04-01', to: '2024-06-30' },
  },
], { publishedAt: '2025-06-08' });

before(async () => {
  const store = await openStore(db, { create: true });
  await store.documents.put([summit, treaty, memo, memoCopy]);
  await store.close();
});

test('rift dyad --json: both directions and channels, the rift per period and the alert, after catching up', () => {
  const report = riftJson(['dyad', 'RUS', 'CHN', '--by', 'quarter', '--db', db]);
  assert.deepEqual(report.pair, ['RUS', 'CHN']);
  assert.equal(report.by, 'quarter');
  const keys = Object.keys(report.series[0]).sort();
  for (const k of ['channel', 'direction', 'events', 'goldsteinMean', 'goldsteinWeighted', 'period', 'quad']) assert.ok(keys.includes(k), k);
  assert.deepEqual(Object.keys(report.series[0].quad).sort(), ['materialConflict', 'materialCooperation', 'verbalConflict', 'verbalCooperation']);
  const channels = new Set(report.series.map((p: any) => `${p.direction} ${p.channel}`));
  assert.deepEqual([...channels].sort(), ['CHN->RUS private', 'CHN->RUS public', 'RUS->CHN private', 'RUS->CHN public']);
  assert.equal(report.rift.length, 1);
  assert.equal(report.rift[0].period, '2024-Q2');
  assert.ok(report.rift[0].score > 4);
  assert.deepEqual(report.alerts.map((a: any) => a.period), ['2024-Q2', '2024'], 'by quarter, and by year');
  assert.ok(report.evidence.private.some((e: any) => e.text === 'The FSB memo calls China the enemy.'));
});

test('rift dyad as text: a table with sparklines, the alert marked, the evidence quoted; bad input refused', () => {
  const res = rift(['dyad', 'rus', 'chn', '--by', 'month', '--db', db]);
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /RUS ↔ CHN by month/);
  assert.match(res.stdout, /public\s+RUS->CHN\s+2\s+\+7\.7/);
  assert.match(res.stdout, /[▁▂▃▄▅▆▇█]/);
  assert.match(res.stdout, /Strongest evidence/);
  assert.match(res.stdout, /“The FSB memo calls China the enemy\.”/);
  const quarter = rift(['dyad', 'RUS', 'CHN', '--by', 'quarter', '--db', db]);
  assert.match(quarter.stdout, /2024-Q2 .* ALERT/);
  for (const [args, message] of [
    [['dyad', 'RUS', 'CHN', '--by', 'decade'], /--by must be one of day, week, month, quarter, year/],
    [['dyad', 'RUS', 'RUS'], /two different/],
    [['dyad', 'RUS', 'CHN', '--from', 'last-week'], /cannot read the date/],
    [['dyad', 'RUS', 'CHN', '--from', '2025', '--to', '2024'], /after --to/],
  ] as const) {
    const bad = rift([...args, '--db', db]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, message);
  }
  const none = rift(['dyad', 'USA', 'BRA', '--db', db]);
  assert.equal(none.status, 0);
  assert.match(none.stdout, /No counted events between USA and BRA/);
});

test('rift alerts lists, acknowledges by id prefix, and keeps acknowledged alerts under --all', () => {
  const alerts = riftJson(['alerts', '--db', db]);
  assert.equal(alerts.length, 2);
  const [alert, yearly] = alerts;
  for (const k of ['id', 'pair', 'period', 'score', 'public', 'private']) assert.ok(k in alert, k);
  for (const e of [...alert.public, ...alert.private]) {
    for (const k of ['documentId', 'start', 'end', 'text', 'eventId']) assert.ok(k in e, k);
  }
  const text = rift(['alerts', '--db', db]);
  assert.match(text.stdout, new RegExp(`${alert.id}\\s+CHN–RUS\\s+2024-Q2`));
  assert.match(text.stdout, /private \(2 events/);
  const ack = rift(['alerts', 'ack', alert.id.slice(0, 6), '--db', db]);
  assert.equal(ack.status, 0, ack.stderr);
  assert.match(ack.stdout, new RegExp(`acknowledged ${alert.id}`));
  assert.deepEqual(riftJson(['alerts', '--db', db]).map((a: any) => a.id), [yearly.id]);
  const all = riftJson(['alerts', '--all', '--pair', 'RUS,CHN', '--db', db]);
  assert.equal(all.length, 2);
  assert.ok(all.find((a: any) => a.id === alert.id).acknowledgedAt);
  const missing = rift(['alerts', 'ack', 'ffffffff', '--db', db]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /no alert with id "ffffffff"/);
});

test('rift brief pair: bottom line, trends, alerts, key judgments and numbered evidence', () => {
  const res = rift(['brief', 'pair', 'RUS', 'CHN', '--db', db]);
  assert.equal(res.status, 0, res.stderr);
  const md = res.stdout;
  for (const heading of ['## Bottom line', '## Trend by channel', '## Alerts', '## Key judgments', '## Evidence']) assert.ok(md.includes(heading), heading);
  assert.match(md, /It is (likely|very likely|almost certain) that the private channel was more hostile than the public one in 2024-Q2/);
  // Every statement line ends with its evidence numbers, and each number is listed.
  const body = md.slice(md.indexOf('## Bottom line'), md.indexOf('## Evidence'));
  for (const line of body.split('\n').filter((l) => /^(\d+\.|-) /.test(l) || /^[A-Z]{3}–/.test(l))) assert.match(line, /\[\d+\]$/, line);
  const listed = md.slice(md.indexOf('## Evidence')).split('\n').filter((l) => /^\d+\. /.test(l)).length;
  const cited = Math.max(...[...body.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  assert.equal(cited, listed);
  const bad = rift(['brief', 'pair', 'RUS', '--db', db]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /two codes/);
});

test('rift relationships --rebuild reads everything again and keeps the alert', () => {
  const res = riftJson(['relationships', '--rebuild', '--db', db]);
  assert.equal(res.documents, 4);
  assert.equal(res.events, 6);
  assert.equal(riftJson(['alerts', '--all', '--db', db]).filter((a: any) => !a.withdrawnAt).length, 2);
});

test('the API serves series, alerts, acknowledgement and pair briefs, and describes them', async () => {
  const store = await openStore(db);
  const app = buildServer(store);
  try {
    const dyad = await app.inject({ url: '/api/dyads/RUS/CHN?by=quarter' });
    assert.equal(dyad.statusCode, 200);
    assert.equal(dyad.json().rift[0].period, '2024-Q2');
    assert.equal((await app.inject({ url: '/api/dyads/RUS/CHN?by=decade' })).statusCode, 400);
    assert.equal((await app.inject({ url: '/api/dyads/RUS/RUS' })).statusCode, 400);
    const alerts = await app.inject({ url: '/api/alerts?all=true' });
    assert.equal(alerts.json().length, 2);
    const id = alerts.json()[0].id;
    const ack = await app.inject({ method: 'POST', url: `/api/alerts/${id}/ack`, payload: { by: 'api-user' } });
    assert.equal(ack.json().acknowledgedBy, 'api-user');
    assert.equal((await app.inject({ method: 'POST', url: '/api/alerts/zzzz/ack' })).statusCode, 404);
    const brief = await app.inject({ url: '/api/briefs/pair/RUS/CHN' });
    assert.match(brief.headers['content-type'] as string, /text\/markdown/);
    assert.match(brief.body, /## Key judgments/);
    const json = await app.inject({ url: '/api/briefs/pair/RUS/CHN?format=json' });
    assert.ok(json.json().judgments.length > 0);
    const paths = Object.keys((await app.inject({ url: '/api/openapi.json' })).json().paths);
    for (const p of ['/api/dyads/{a}/{b}', '/api/alerts', '/api/alerts/{id}/ack', '/api/briefs/pair/{a}/{b}']) assert.ok(paths.includes(p), p);
  } finally {
    await app.close();
    await store.close();
  }
});

test('the registered relationships stage reads each batch ingest stores: nothing is left for a catch-up', async () => {
  const file = join(tmp.dir, 'wire.jsonl');
  const lines = [1, 2, 3].map((n) => JSON.stringify({ text: `Moscow accused Beijing of spying, officials said. Report ${n}.`, date: '2025-06-02', outlet: 'Wire' }));
  writeFileSync(file, lines.join('\n') + '\n');
  const store = await openStore(join(tmp.dir, 'registered.db'), { create: true });
  try {
    const corpus = await loadCorpusStages();
    assert.deepEqual(corpus.map((s) => s.name), ['stories', 'relationships']);
    const summary = await ingest([file], { store, pipeline: 'default', workers: 0, batchSize: 2, corpus });
    assert.equal(summary.ingested, 3);
    assert.equal(await store.relationships.countPending(), 0, 'every analysed document was read by the stage');
    const [accusation] = await store.relationships.events({ a: 'RUS', b: 'CHN' });
    assert.equal(accusation?.ploverType, 'ACCUSE');
    assert.equal(accusation.documents, 3, 'three reports of one accusation on one day: one event');
  } finally {
    await store.close();
  }
});

