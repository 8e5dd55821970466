import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, isoDay, parseDateBound, periodOf, periodRange, periodsBetween, spread } from '../src/relationships/periods.js';
import { channelOf } from '../src/relationships/channels.js';
import { counts, eventWeight } from '../src/relationships/weight.js';
import { emptyTally, keyPairs, keysOf, mentionsOf, timeOf, type MentionTally } from '../src/relationships/mentions.js';
import { contribute, summarize, toPoint } from '../src/relationships/series.js';
import { crosses, normalCdf, riftOf, zFor, DEFAULT_ALERT_RULE } from '../src/relationships/rift.js';
import { alertId } from '../src/relationships/alerts.js';
import { fingerprintIdentity } from '../src/relationships/identity.js';
import { sparkline } from '../src/relationships/render.js';
import type { DyadEventRecord, DyadMention, DyadSeriesRow, DyadSourceEvent, DyadSums } from '../src/store/index.js';

test('periods: days, ISO weeks across year ends, months, quarters, and their ranges', () => {
  const d = (s: string) => dayNumber(s);
  assert.equal(isoDay(d('2024-02-29')), '2024-02-29');
  assert.ok(Number.isNaN(d('2024-13-01')));
  assert.equal(periodOf('week', d('2021-01-03')), '2020-W53', 'a Sunday in week 53 of 2020');
  assert.equal(periodOf('week', d('2024-12-30')), '2025-W01', 'a Monday in the first week of 2025');
  assert.equal(periodOf('week', d('2024-05-16')), '2024-W20');
  assert.equal(periodOf('month', d('2024-05-16')), '2024-05');
  assert.equal(periodOf('quarter', d('2024-05-16')), '2024-Q2');
  assert.equal(periodOf('year', d('2024-05-16')), '2024');
  assert.deepEqual(periodRange('year', '2024')!.map(isoDay), ['2024-01-01', '2024-12-31']);
  assert.deepEqual(periodRange('week', '2025-W01')!.map(isoDay), ['2024-12-30', '2025-01-05']);
  assert.deepEqual(periodRange('quarter', '2024-Q1')!.map(isoDay), ['2024-01-01', '2024-03-31']);
  assert.deepEqual(periodRange('month', '2023-02')!.map(isoDay), ['2023-02-01', '2023-02-28']);
  assert.equal(periodRange('week', '2021-W53'), undefined, '2021 has 52 weeks');
  assert.equal(periodRange('day', '2024-02-30'), undefined);
  assert.deepEqual(periodsBetween('quarter', d('2023-11-05'), d('2024-04-01')), ['2023-Q4', '2024-Q1', '2024-Q2']);
  for (const kind of ['day', 'week', 'month', 'quarter', 'year'] as const) {
    for (const day of [d('2019-12-31'), d('2020-01-01'), d('2024-02-29'), d('2026-06-15')]) {
      const [first, last] = periodRange(kind, periodOf(kind, day))!;
      assert.ok(first <= day && day <= last, `${kind} ${isoDay(day)}`);
    }
  }
});

test('an interval is spread over the periods it covers by days, counting once; too vague a one is left out', () => {
  const parts = spread('month', dayNumber('2023-09-01'), dayNumber('2024-04-30'))!;
  assert.deepEqual(parts.map((p) => p.period), ['2023-09', '2023-10', '2023-11', '2023-12', '2024-01', '2024-02', '2024-03', '2024-04']);
  assert.ok(Math.abs(parts.reduce((n, p) => n + p.share, 0) - 1) < 1e-12);
  assert.equal(parts[0].share, 30 / 243);
  assert.deepEqual(spread('quarter', dayNumber('2024-05-16'), dayNumber('2024-05-16')), [{ period: '2024-Q2', share: 1 }]);
  assert.equal(spread('day', dayNumber('2023-01-01'), dayNumber('2023-12-31')), undefined, 'a year is not 365 days of events');
  assert.equal(spread('month', dayNumber('2023-01-01'), dayNumber('2023-12-31'))!.length, 12);
});

test('date bounds as users type them', () => {
  const day = (s: string, side: 'start' | 'end') => {
    const n = parseDateBound(s, side);
    return n === undefined ? undefined : isoDay(n);
  };
  assert.equal(day('2023', 'start'), '2023-01-01');
  assert.equal(day('2023', 'end'), '2023-12-31');
  assert.equal(day('2024-02', 'end'), '2024-02-29');
  assert.equal(day('2024-q3', 'start'), '2024-07-01');
  assert.equal(day('2024-W01', 'start'), '2024-01-01');
  assert.equal(day('2024-05-16', 'end'), '2024-05-16');
  assert.equal(day('May 2024', 'start'), undefined);
  assert.equal(day('2024-02-30', 'start'), undefined);
});

test('channels: who made a fact known, except for acts public by nature', () => {
  assert.equal(channelOf({ claimChannel: 'public-statement', cameo: '111', joint: false }), 'public');
  assert.equal(channelOf({ claimChannel: 'leaked-document', cameo: '111', joint: false }), 'private');
  assert.equal(channelOf({ claimChannel: 'private-document', cameo: '170', joint: false }), 'private');
  assert.equal(channelOf({ claimChannel: 'intelligence-assessment', cameo: '170', joint: false }), 'assessment');
  assert.equal(channelOf({ claimChannel: 'anonymous-source', cameo: '170', joint: false }), 'journalist');
  assert.equal(channelOf({ cameo: '112', joint: false }), 'journalist', 'no claim: the reporter');
  // Trade, summits, signed agreements: public whoever mentions them; joint drills public, one side's arms transfer not.
  assert.equal(channelOf({ claimChannel: 'private-document', cameo: '061', joint: true }), 'public');
  assert.equal(channelOf({ claimChannel: 'journalist', cameo: '043', joint: false }), 'public');
  assert.equal(channelOf({ claimChannel: 'leaked-document', cameo: '0571', joint: false }), 'public');
  assert.equal(channelOf({ claimChannel: 'journalist', cameo: '062', joint: true }), 'public');
  assert.equal(channelOf({ claimChannel: 'leaked-document', cameo: '062', joint: false }), 'private');
});

test('what counts and what it weighs', () => {
  for (const m of ['asserted', 'alleged', 'reported', 'historical']) assert.ok(counts(m), m);
  for (const m of ['hypothetical', 'negated', 'denied', 'future']) assert.ok(!counts(m), m);
  assert.equal(eventWeight(0.6), 0.6);
  assert.equal(eventWeight(0.9, 'B2'), 0.9 * 0.9);
  assert.equal(eventWeight(0.9, 'F5'), 0.9 * 0.1);
  assert.equal(eventWeight(1.7), 1);
  assert.equal(eventWeight(Number.NaN), 0);
});

test('keys and pairs: actor, sector, country; domestic pairs only at one level; unknown actors left out', () => {
  assert.deepEqual(keysOf({ code: 'RUSSPY', country: 'RUS' }).map((k) => k.key), ['RUSSPY', 'RUS']);
  assert.deepEqual(keysOf({ code: 'CHNBUSLEG', country: 'CHN' }).map((k) => k.key), ['CHNBUSLEG', 'CHNBUS', 'CHN']);
  assert.deepEqual(keysOf({ code: 'RUS', country: 'RUS' }).map((k) => k.key), ['RUS']);
  assert.deepEqual(keysOf({ code: 'IGOUNO' }).map((k) => k.key), ['IGOUNO']);
  assert.deepEqual(keysOf({ code: 'UNKGOV', country: 'UNK' }), []);
  assert.deepEqual(keysOf({ code: 'vladimir-putin', country: 'RUS' }).map((k) => k.key), ['vladimir-putin', 'RUS']);
  const pairs = (s: string[], t: string[]) => keyPairs(s.map((code) => ({ code })), t.map((code) => ({ code }))).map((p) => p.join('>')).sort();
  assert.deepEqual(pairs(['RUSSPY'], ['CHNGOV']), ['RUS>CHN', 'RUS>CHNGOV', 'RUSSPY>CHN', 'RUSSPY>CHNGOV']);
  assert.deepEqual(pairs(['RUSGOV'], ['RUSOPP']), ['RUSGOV>RUSOPP'], 'RUS>RUS and RUS>RUSOPP are not pairs');
  assert.deepEqual(pairs(['RUS', 'RUSGOV'], ['CHN']), ['RUS>CHN', 'RUSGOV>CHN'], 'RUS>CHN once');
  assert.deepEqual(pairs(['RUS', 'CHN'], ['RUS', 'CHN']), ['CHN>RUS', 'RUS>CHN'], 'joint acts: both directions, no self pairs');
  assert.deepEqual(pairs(['RUS'], []), []);
});

const event = (over: Partial<DyadSourceEvent> = {}): DyadSourceEvent => ({
  id: 'e1', docId: 'd1', start: 0, end: 10, ploverType: 'ACCUSE', cameo: '111', goldstein: -2, quadClass: 3, modality: 'asserted', confidence: 0.8,
  sources: [{ code: 'RUSSPY', country: 'RUS' }], targets: [{ code: 'CHN', country: 'CHN' }],
  claims: [{ id: 'c1', speaker: 'document:memo', channel: 'leaked-document', certainty: 0.9, icd: 'very likely' }],
  ...over,
});

test('time: the event’s own, else its document’s date (a month or a year named), never an assumed one', () => {
  assert.deepEqual(timeOf(event({ time: { from: '2023-09-01', to: '2024-04-30', precision: 'fuzzy', basis: 'event' } })), {
    from: '2023-09-01', to: '2024-04-30', basis: 'event', precision: 'fuzzy',
  });
  assert.deepEqual(timeOf(event(), { id: 'd1', signature: '', day: '2025-06-07', daySource: 'published' }), {
    from: '2025-06-07', to: '2025-06-07', basis: 'report', precision: 'day',
  });
  assert.deepEqual(timeOf(event(), { id: 'd1', signature: '', day: '2025-06', daySource: 'published' }), {
    from: '2025-06-01', to: '2025-06-30', basis: 'report', precision: 'month',
  });
  assert.equal(timeOf(event(), { id: 'd1', signature: '', day: '2026-01-02', daySource: 'assumed' }), undefined);
  assert.equal(timeOf(event()), undefined);
});

test('reports of a batch: one per event and pair, the most certain claim, modality and dates checked', () => {
  const tally: MentionTally = emptyTally();
  const sources = {
    documents: [{ id: 'd1', signature: 's', day: '2025-06-07', daySource: 'published' }],
    events: [
      event({
        claims: [
          { id: 'c1', speaker: 'outlet:x', channel: 'journalist', certainty: 0.5, icd: 'roughly even chance' },
          { id: 'c2', speaker: 'document:memo', channel: 'leaked-document', certainty: 0.85, icd: 'very likely' },
        ],
      }),
      event({ id: 'e2', modality: 'denied' }),
      event({ id: 'e3', docId: 'd2' }),
      event({ id: 'e4', targets: [] }),
    ],
  };
  const reports = mentionsOf(sources, fingerprintIdentity, tally);
  assert.deepEqual(tally, { events: 4, notCounted: 1, undated: 1, noPair: 1, byChannel: { public: 0, private: 1, assessment: 0, journalist: 0 } });
  assert.deepEqual(reports.map((r) => `${r.source}>${r.target}`).sort(), ['RUS>CHN', 'RUSSPY>CHN']);
  for (const r of reports) {
    assert.equal(r.channel, 'private');
    assert.equal(r.weight, 0.85);
    assert.equal(r.claim?.id, 'c2');
    assert.equal(r.fingerprint, `${r.source}>${r.target}|private|111|2025-06-07|2025-06-07`);
  }
});

const report = (over: Partial<DyadMention>): DyadMention => ({
  fingerprint: 'f', source: 'RUS', target: 'CHN', channel: 'private', ploverType: 'ACCUSE', cameo: '111', quadClass: 3, goldstein: -2,
  weight: 0.9, timeFrom: '2024-04-01', timeTo: '2024-06-30', basis: 'event', eventId: 'e1', docId: 'd1', start: 0, end: 5, reportDay: '2025-06-09',
  ...over,
});

test('copies count once: the strongest report stands for the event, with how many documents carry it', () => {
  const event = summarize([
    report({ docId: 'd2', eventId: 'e2', weight: 0.6 }),
    report({ docId: 'd1', eventId: 'e1', weight: 0.9, reportDay: '2025-06-10' }),
    report({ docId: 'd3', eventId: 'e3', weight: 0.9, reportDay: '2025-06-07' }),
    report({ docId: 'd3', eventId: 'e4', weight: 0.5 }),
  ])!;
  assert.deepEqual([event.eventId, event.mentions, event.documents], ['e3', 4, 3]);
  assert.equal(summarize([]), undefined);
});

test('series cells: an event added then taken away leaves zeros; points from sums', () => {
  const cells = new Map<string, DyadSeriesRow>();
  const e: DyadEventRecord = { ...report({}), mentions: 1, documents: 1 };
  contribute(e, 1, cells);
  const quarter = [...cells.values()].find((c) => c.by === 'quarter')!;
  assert.equal(quarter.period, '2024-Q2');
  assert.equal(quarter.events, 1);
  assert.equal([...cells.values()].filter((c) => c.by === 'month').length, 3);
  assert.equal([...cells.values()].filter((c) => c.by === 'day').length, 0, '91 days: too vague for a day series');
  const point = toPoint(quarter);
  assert.deepEqual(point.quad, { verbalCooperation: 0, materialCooperation: 0, verbalConflict: 1, materialConflict: 0 });
  assert.deepEqual([point.direction, point.goldsteinMean, point.goldsteinWeighted, point.weight], ['RUS->CHN', -2, -2, 0.9]);
  contribute(e, -1, cells);
  for (const c of cells.values()) assert.ok(Math.abs(c.events) < 1e-12 && Math.abs(c.weightedSum) < 1e-12);
});

function sums(events: [goldstein: number, weight: number][]): DyadSums {
  const s: DyadSums = {
    events: 0, quad: { verbalCooperation: 0, materialCooperation: 0, verbalConflict: 0, materialConflict: 0 },
    goldsteinSum: 0, weightSum: 0, weightedSum: 0, weightedSquares: 0, byReport: 0,
  };
  for (const [g, w] of events) {
    s.events += 1;
    s.goldsteinSum += g;
    s.weightSum += w;
    s.weightedSum += w * g;
    s.weightedSquares += w * g * g;
  }
  return s;
}

test('the rift: shrunk toward zero with few events, surer with many, symmetric, and its alert rule', () => {
  assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
  assert.ok(Math.abs(normalCdf(1.96) - 0.975) < 1e-4);
  assert.ok(Math.abs(zFor(0.9) - 1.6449) < 1e-3);
  const one = riftOf('p', sums([[7, 0.9]]), sums([[-7, 0.9]]));
  const many = riftOf('p', sums(Array(10).fill([7, 0.9])), sums(Array(10).fill([-7, 0.9])));
  assert.ok(one.score > 0 && one.score < many.score && many.score < 14, `${one.score} < ${many.score} < 14`);
  assert.ok(many.high - many.low < one.high - one.low, 'more events, narrower interval');
  assert.ok(many.probability > one.probability);
  assert.ok(!crosses(one, DEFAULT_ALERT_RULE), 'one event a side is not enough');
  assert.ok(crosses(many, DEFAULT_ALERT_RULE));
  const reversed = riftOf('p', sums(Array(10).fill([-7, 0.9])), sums(Array(10).fill([7, 0.9])));
  assert.equal(reversed.score, -many.score);
  assert.ok(crosses(reversed, DEFAULT_ALERT_RULE), 'a hostile public face and a warm private one diverge too');
  const agree = riftOf('p', sums(Array(10).fill([5, 0.9])), sums(Array(10).fill([5, 0.9])));
  assert.equal(agree.score, 0);
  assert.ok(!crosses(agree, DEFAULT_ALERT_RULE));
  // Low-weight (alleged, uncertain) evidence moves the score less than certain evidence.
  const alleged = riftOf('p', sums(Array(10).fill([7, 0.9])), sums(Array(10).fill([-7, 0.2])));
  assert.ok(alleged.score < many.score);
});

test('alert ids are the same for a pair in either order; sparklines span the Goldstein scale', () => {
  assert.equal(alertId(['RUS', 'CHN'], 'quarter', '2024-Q2'), alertId(['CHN', 'RUS'], 'quarter', '2024-Q2'));
  assert.notEqual(alertId(['RUS', 'CHN'], 'quarter', '2024-Q2'), alertId(['RUS', 'CHN'], 'quarter', '2024-Q3'));
  assert.equal(sparkline([-10, undefined, 0, 10, 25]), '▁ ▅██');
});
