import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openStore, type DyadSeriesRow, type Store } from '../src/store/index.js';
import { RelationshipsStage, dyadReport, dyadSeries, pairBrief } from '../src/relationships/index.js';
import type { RiftAlert } from '../src/model/index.js';
import { tempDir } from './support/cli.js';
import { onBothStores } from './support/postgres.js';
import { drills, fixtureDocument } from './support/relationships.js';

// The relationships stage over each database: the same documents give the same series, rift and alerts.

const NOW = '2025-07-01T00:00:00.000Z';

const summit = fixtureDocument('Summit report', [
  drills('Russian and Chinese forces held joint naval drills in the Sea of Japan.', '2024-05-16'),
  {
    sentence: 'Putin and Xi signed a treaty on a partnership without limits.', sources: ['RUSGOV'], targets: ['CHNGOV'], type: 'SUPPORT',
    cameo: '057', goldstein: 8, quad: 1, channel: 'public-statement', speaker: 'RUSGOV', time: { from: '2024-05-16', to: '2024-05-16' },
  },
  {
    sentence: 'Moscow might impose tariffs on Chinese cars.', sources: ['RUSGOV'], targets: ['CHN'], type: 'SANCTION', cameo: '163',
    goldstein: -8, quad: 4, modality: 'hypothetical', time: { from: '2024-05-16', to: '2024-05-16' },
  },
  {
    sentence: 'Russia did not expel Chinese diplomats.', sources: ['RUS'], targets: ['CHNGOV'], type: 'COERCE', cameo: '1246',
    goldstein: -5, quad: 3, modality: 'negated', time: { from: '2024-05-16', to: '2024-05-16' },
  },
], { publishedAt: '2024-05-17' });

// The same drills, told by another outlet: one event, two documents.
const copy = fixtureDocument('Wire copy', [drills('Joint naval drills by Russia and China went ahead in the Sea of Japan.', '2024-05-16')], {
  publishedAt: '2024-05-18',
});

const memo = fixtureDocument('Leaked memo', [
  {
    sentence: 'The FSB memo calls China the enemy.', sources: ['RUSSPY'], targets: ['CHN'], type: 'ACCUSE', cameo: '111', goldstein: -2,
    quad: 3, channel: 'leaked-document', speaker: 'document:memo', time: { from: '2024-04-01', to: '2024-06-30' },
  },
  {
    sentence: 'Chinese agents allegedly recruit Russian scientists, the memo says.', sources: ['CHNSPY'], targets: ['RUSEDU'], type: 'COERCE',
    cameo: '170', goldstein: -7, quad: 4, modality: 'alleged', certainty: 0.6, channel: 'private-document', speaker: 'document:memo',
    time: { from: '2024-04-01', to: '2024-06-30' },
  },
  {
    sentence: 'Western services judge that Beijing spies on Moscow.', sources: ['CHN'], targets: ['RUS'], type: 'COERCE', cameo: '170',
    goldstein: -7, quad: 4, channel: 'intelligence-assessment', speaker: 'GBRSPY', time: { from: '2024-05-01', to: '2024-05-31' },
  },
], { publishedAt: '2025-06-07' });

// A second outlet on the memo: its accusation again (one event, two documents).
const memoCopy = fixtureDocument('Memo, second outlet', [
  {
    sentence: 'A leaked FSB memo brands China the enemy.', sources: ['RUSSPY'], targets: ['CHN'], type: 'ACCUSE', cameo: '111', goldstein: -2,
    quad: 3, channel: 'leaked-document', speaker: 'document:memo', certainty: 0.85, time: { from: '2024-04-01', to: '2024-06-30' },
  },
], { publishedAt: '2025-06-08' });

// No date anywhere but the retrieval day: its events date nothing.
const undated = fixtureDocument('Undated blog', [
  { sentence: 'Russia praises China.', sources: ['RUS'], targets: ['CHN'], type: 'SUPPORT', cameo: '051', goldstein: 3.4, quad: 1 },
], { publishedAt: '2026-01-01', dateSource: 'assumed' });

// Dated by its report: month precision only.
const monthly = fixtureDocument('Monthly trade note', [
  { sentence: 'Trade between Russia and China grew.', sources: ['RUS'], targets: ['CHN'], type: 'COOPERATE', cameo: '061', goldstein: 6.4, quad: 2, channel: 'private-document' },
], { publishedAt: '2024-03' });

// Public anger later in the same quarter: enough to close the gap.
const quarrel = fixtureDocument('Quarrel', [1, 2, 3, 4, 5, 6].map((n) => ({
  sentence: `Russia's foreign ministry publicly threatened China over border trade, statement ${n}.`, sources: ['RUSGOV'], targets: ['CHNGOV'],
  type: 'THREATEN' as const, cameo: '138', goldstein: -7, quad: 3 as const, channel: 'public-statement' as const, speaker: 'RUSGOV',
  time: { from: `2024-06-0${n}`, to: `2024-06-0${n}` },
})), { publishedAt: '2024-06-10' });

const all = [summit, copy, memo, memoCopy, undated, monthly];
const ids = (docs: typeof all) => docs.map((d) => d.document.id);

function snapshot(rows: DyadSeriesRow[]): string[] {
  const r = (n: number) => n.toFixed(6);
  return rows.map((x) => [x.source, x.target, x.by, x.period, x.channel, r(x.events), r(x.weightSum), r(x.weightedSum), r(x.weightedSquares), r(x.quad.materialConflict)].join(' ')).sort();
}

async function everything(store: Store, a: string, b: string): Promise<string[]> {
  const rows: DyadSeriesRow[] = [];
  for (const by of ['day', 'week', 'month', 'quarter', 'year'] as const) rows.push(...(await store.relationships.series({ a, b, by })));
  return snapshot(rows);
}

function suite(name: string, open: () => Promise<Store | undefined>, skip?: string): void {
  describe(`relationships over ${name}`, { skip }, () => {
    let store: Store;
    const stage = new RelationshipsStage({ now: () => NOW });
    before(async () => {
      store = (await open())!;
      await store.documents.put(all);
    });
    after(async () => store?.close());

    test('a batch is read into series: channels apart, copies once, hypothetical and negated left out, undated left out', async () => {
      const summary = await stage.update(store, ids(all));
      assert.equal(summary.documents, 6);
      assert.equal(summary.notCounted, 2, 'hypothetical and negated');
      assert.equal(summary.undated, 1, 'an assumed date dates nothing');
      assert.equal(await store.relationships.countPending(), 0);
      const q2 = await dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'quarter', from: '2024-Q2', to: '2024-Q2' });
      const point = (direction: string, channel: string) => q2.series.find((p) => p.direction === direction && p.channel === channel);
      // Drills (joint, public whoever reports them; two documents, one event) and the treaty.
      const pub = point('RUS->CHN', 'public')!;
      assert.equal(pub.events, 2);
      assert.deepEqual(pub.quad, { verbalCooperation: 1, materialCooperation: 1, verbalConflict: 0, materialConflict: 0 });
      assert.equal(pub.goldsteinMean, 7.7);
      assert.equal(point('CHN->RUS', 'public')!.events, 1, 'joint drills count in both directions');
      // The memo's accusation, its interval inside the quarter; the allegation weighs its certainty.
      const priv = point('RUS->CHN', 'private')!;
      assert.deepEqual([priv.events, priv.goldsteinMean, priv.weight], [1, -2, 0.9]);
      const alleged = point('CHN->RUS', 'private')!;
      assert.deepEqual([alleged.events, alleged.goldsteinWeighted, alleged.weight], [1, -7, 0.6]);
      assert.equal(point('CHN->RUS', 'assessment')!.events, 1);
      const drillsEvent = (await store.relationships.events({ a: 'RUSMIL', b: 'CHNMIL' }))[0];
      assert.equal(drillsEvent.documents, 2);
      assert.equal(drillsEvent.mentions, 2);
    });

    test('levels: actor codes, sectors and countries; an interval spread over the periods it covers', async () => {
      const actor = await dyadSeries(store, { a: 'RUSSPY', b: 'CHN', by: 'month' });
      const months = actor.series.filter((p) => p.direction === 'RUSSPY->CHN');
      assert.deepEqual(months.map((p) => p.period), ['2024-04', '2024-05', '2024-06']);
      assert.ok(Math.abs(months.reduce((n, p) => n + p.events, 0) - 1) < 0.002, 'spread over three months, counted once');
      assert.equal((await dyadSeries(store, { a: 'RUSGOV', b: 'CHNGOV', by: 'day' })).series.length, 1);
      assert.equal((await dyadSeries(store, { a: 'rus', b: 'chngov', by: 'day' })).series.length, 1, 'mixed levels, codes in lower case');
      // A quarter-long interval is too vague for days and weeks.
      assert.equal((await dyadSeries(store, { a: 'RUSSPY', b: 'CHN', by: 'day' })).series.length, 0);
      // A document dated to a month: its events spread over that month's days are too vague; by month they count.
      const trade = await dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'month', from: '2024-03', to: '2024-03' });
      assert.deepEqual(trade.series.map((p) => [p.direction, p.channel, p.events, p.byReportTime]), [['RUS->CHN', 'public', 1, 1]], 'trade is public even in a private document');
    });

    test('the rift per period, and an alert with the events on each side, their spans and claims', async () => {
      const q2 = await dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'quarter', from: '2024-Q2', to: '2024-Q2' });
      assert.equal(q2.rift.length, 1);
      const rift = q2.rift[0];
      assert.ok(rift.score > 4 && rift.low > 0, `public warmer than private: ${JSON.stringify(rift)}`);
      assert.ok(rift.public.shrunk < rift.public.mean, 'shrunk toward zero');
      const alerts = await store.relationships.alerts();
      assert.deepEqual(alerts.map((x) => [x.pair, x.by, x.period]), [[['CHN', 'RUS'], 'quarter', '2024-Q2'], [['CHN', 'RUS'], 'year', '2024']]);
      const alert = alerts[0];
      assert.equal(alert.score, rift.score);
      assert.ok(alert.private.some((e) => e.text === 'The FSB memo calls China the enemy.' && e.claim?.channel === 'leaked-document'));
      assert.ok(alert.public.some((e) => e.text.startsWith('Putin and Xi signed a treaty')));
      const docs = new Map(all.map((d) => [d.document.id, d.document.text]));
      for (const e of [...alert.public, ...alert.private]) assert.equal(docs.get(e.documentId)!.slice(e.start, e.end), e.text);
      assert.ok(alert.private.every((e) => e.channel === 'private') && alert.public.every((e) => e.channel === 'public'));
    });

    test('alerts are acknowledged, kept, and withdrawn when later evidence closes the gap', async () => {
      const [alert, yearly] = await store.relationships.alerts();
      const found = await store.relationships.findAlertIds(alert.id.slice(0, 4));
      assert.deepEqual(found, [alert.id]);
      assert.equal(await store.relationships.acknowledgeAlert(alert.id, NOW, 'analyst'), true);
      assert.equal(await store.relationships.acknowledgeAlert('nope', NOW), false);
      assert.deepEqual((await store.relationships.alerts()).map((x) => x.id), [yearly.id]);
      const kept = (await store.relationships.alerts({ all: true, pair: ['RUS', 'CHN'] }))[0];
      assert.deepEqual([kept.acknowledgedAt, kept.acknowledgedBy], [NOW, 'analyst']);
      await store.documents.put([quarrel]);
      const summary = await stage.update(store, [quarrel.document.id]);
      assert.equal(summary.alertsWithdrawn, 2, 'the quarter and the year');
      assert.deepEqual(await store.relationships.alerts(), []);
      const withdrawn = (await store.relationships.alerts({ all: true })).find((x) => x.id === alert.id) as RiftAlert;
      assert.equal(withdrawn.withdrawnAt, NOW);
      assert.equal(withdrawn.acknowledgedAt, NOW, 'its acknowledgement is kept');
    });

    test('updating batch by batch gives what a rebuild gives; a reanalysed document replaces its reports', async () => {
      const incremental = await everything(store, 'RUS', 'CHN');
      const actors = await everything(store, 'RUSSPY', 'CHN');
      await stage.rebuild(store);
      assert.deepEqual(await everything(store, 'RUS', 'CHN'), incremental);
      assert.deepEqual(await everything(store, 'RUSSPY', 'CHN'), actors);
      // The copy is reanalysed with no events: the drills are then reported by one document, still one event.
      const emptied = fixtureDocument('Wire copy', []);
      await store.analyses.replace([{ ...emptied.analysis!, docId: copy.document.id }]);
      await stage.update(store, [copy.document.id]);
      const drillsEvent = (await store.relationships.events({ a: 'RUSMIL', b: 'CHNMIL' }))[0];
      assert.equal(drillsEvent.documents, 1);
      assert.deepEqual(await everything(store, 'RUS', 'CHN'), incremental, 'counts unchanged: copies counted once');
      // The summit too: now the drills are gone from every series.
      await store.analyses.replace([{ ...fixtureDocument('Summit report', []).analysis!, docId: summit.document.id }]);
      await stage.update(store, [summit.document.id]);
      assert.deepEqual(await store.relationships.events({ a: 'RUSMIL', b: 'CHNMIL' }), []);
      assert.deepEqual((await dyadSeries(store, { a: 'RUSMIL', b: 'CHNMIL', by: 'month' })).series, []);
      await stage.rebuild(store);
      assert.deepEqual((await dyadSeries(store, { a: 'RUSMIL', b: 'CHNMIL', by: 'month' })).series, []);
    });

    test('a report with alerts and evidence, bounds checked; a pair brief with every line tied to evidence', async () => {
      const report = await dyadReport(store, { a: 'RUS', b: 'CHN', by: 'month', from: '2024', to: '2024' });
      assert.ok(report.series.every((p) => p.period >= '2024-01' && p.period <= '2024-12'));
      assert.ok(report.evidence.public!.length > 0 && report.evidence.private!.length > 0);
      await assert.rejects(dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'month', from: 'yesterday' }), /cannot read the date/);
      await assert.rejects(dyadSeries(store, { a: 'RUS', b: 'RUS', by: 'month' }), /two different/);
      const brief = await pairBrief(store, { a: 'RUS', b: 'CHN' });
      assert.match(brief.markdown, /## Bottom line/);
      assert.match(brief.markdown, /## Key judgments/);
      assert.ok(brief.judgments.length >= 2);
      for (const line of [brief.bottomLine, ...brief.trends, ...brief.judgments]) {
        assert.ok(line.evidence.length > 0, `no evidence for: ${line.text}`);
        for (const n of line.evidence) assert.ok(brief.evidence[n - 1], `evidence [${n}] missing`);
      }
      for (const j of brief.judgments) assert.match(j.text, /^It is (almost no chance|very unlikely|unlikely|roughly even chance|likely|very likely|almost certain) that/);
      const none = await pairBrief(store, { a: 'USA', b: 'BRA' });
      assert.match(none.bottomLine.text, /No counted events/);
    });
  });
}

const tmp = tempDir();
after(() => tmp.cleanup());
onBothStores(suite, tmp.dir);

test('an alert rests on more than one document a side', async () => {
  const store = await openStore(join(tmp.dir, 'one-document.db'), { create: true });
  try {
    const stage = new RelationshipsStage();
    await store.documents.put([summit, copy, memo]);
    await stage.update(store, [summit, copy, memo].map((d) => d.document.id));
    const [rift] = (await dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'quarter', from: '2024-Q2', to: '2024-Q2' })).rift;
    assert.ok(rift.score > 4 && rift.low > 0, 'the score crosses');
    assert.deepEqual(await store.relationships.alerts({ all: true }), [], 'but the private side is one document');
    await store.documents.put([memoCopy]);
    await stage.update(store, [memoCopy.document.id]);
    assert.equal((await store.relationships.alerts()).length, 2);
  } finally {
    await store.close();
  }
});

test('no alert where there is no private channel', async () => {
  const store = await openStore(join(tmp.dir, 'public-only.db'), { create: true });
  try {
    await store.documents.put([summit, copy, quarrel]);
    const summary = await new RelationshipsStage().update(store, [summit, copy, quarrel].map((d) => d.document.id));
    assert.equal(summary.alertsRaised, 0);
    assert.deepEqual(await store.relationships.alerts({ all: true }), []);
    assert.deepEqual((await dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'quarter' })).rift, []);
  } finally {
    await store.close();
  }
});

test('a claim\'s Admiralty grade weighs its event: improbable information counts for little, confirmed for its certainty', async () => {
  const store = await openStore(join(tmp.dir, 'graded.db'), { create: true });
  try {
    const graded = fixtureDocument('Graded', [
      {
        sentence: 'Beijing is said to have threatened Moscow.', sources: ['CHNGOV'], targets: ['RUSGOV'], type: 'THREATEN', cameo: '138',
        goldstein: -7, quad: 3, channel: 'anonymous-source', certainty: 0.8, admiralty: 'E5', time: { from: '2024-02-01', to: '2024-02-01' },
      },
      {
        sentence: 'Moscow and Beijing signed a trade deal.', sources: ['RUSGOV'], targets: ['CHNGOV'], type: 'COOPERATE', cameo: '061',
        goldstein: 6.4, quad: 2, channel: 'public-statement', certainty: 0.8, admiralty: 'A1', time: { from: '2024-02-02', to: '2024-02-02' },
      },
    ], { publishedAt: '2024-02-03' });
    await store.documents.put([graded]);
    await new RelationshipsStage().update(store, [graded.document.id]);
    const { series } = await dyadSeries(store, { a: 'RUS', b: 'CHN', by: 'month', from: '2024-02', to: '2024-02' });
    const weight = (direction: string) => series.find((p) => p.direction === direction)!.weight;
    assert.equal(weight('CHN->RUS'), 0.08, 'certainty 0.8 × credibility 5 (improbable, 0.1)');
    assert.equal(weight('RUS->CHN'), 0.8, 'certainty 0.8 × credibility 1 (confirmed, 1)');
  } finally {
    await store.close();
  }
});

