import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { rift, riftJson, sharedFile, tempDir } from './support/cli.js';

// Issue 12's acceptance on the shared news corpus (read at run time, never copied): after `rift ingest`,
// RUS–CHN cooperates in public and quarrels in private over 2023–2025, and an alert ties the memo's
// accusation to the public partnership or the trade record.

const corpus = sharedFile('corpus/news/articles.jsonl');
const skip = corpus ? undefined : 'the shared news corpus is not at ../shared/corpus/news (set RIFT_SHARED)';
const tmp = tempDir();
const db = join(tmp.dir, 'news.db');
after(() => tmp.cleanup());

before(() => {
  if (!corpus) return;
  const res = rift(['ingest', corpus, '--db', db, '--workers', '1']);
  assert.equal(res.status, 0, res.stderr);
});

const weighted = (points: any[]) => {
  const weight = points.reduce((n, p) => n + p.weight, 0);
  return { events: points.reduce((n, p) => n + p.events, 0), mean: points.reduce((n, p) => n + p.goldsteinWeighted * p.weight, 0) / weight };
};

test('RUS–CHN 2023–2025 by quarter: cooperation on the public channel, conflict on the private one', { skip }, () => {
  const report = riftJson(['dyad', 'RUS', 'CHN', '--by', 'quarter', '--from', '2023', '--to', '2025', '--db', db]);
  assert.ok(report.series.every((p: any) => p.period >= '2023-Q1' && p.period <= '2025-Q4'));
  const pub = weighted(report.series.filter((p: any) => p.channel === 'public'));
  const priv = weighted(report.series.filter((p: any) => p.channel === 'private'));
  assert.ok(pub.events >= 5 && pub.mean > 1, `public: ${JSON.stringify(pub)}`);
  assert.ok(priv.events >= 1 && priv.mean < -1, `private: ${JSON.stringify(priv)}`);
});

/**
 * The alert needs private evidence from two documents dated within a quarter or year that also holds public
 * evidence. Events now carry their time (issue 10), but most of the corpus's reports of the memo carry no
 * publication date, and a report time taken from an assumed date dates nothing, so the private side holds
 * about one dated report. Until undated reports are dated through the story they belong to (issue 11) this
 * test is a todo; once two private reports are dated, it binds.
 */
const enoughPrivateEvidence = (): boolean => {
  const report = riftJson(['dyad', 'RUS', 'CHN', '--by', 'year', '--evidence', '0', '--db', db]);
  return report.series.filter((p: any) => p.channel === 'private').reduce((n: number, p: any) => n + p.events, 0) >= 2;
};

test('a RUS–CHN alert: the memo’s accusation in private, the partnership or the trade in public', { skip }, (t) => {
  if (!enoughPrivateEvidence()) t.todo('fewer than two dated private reports: undated reports of the memo date nothing until stories date them (issue 11)');
  const alerts = riftJson(['alerts', '--all', '--db', db]).filter((a: any) => a.pair.join() === 'CHN,RUS' && !a.withdrawnAt);
  assert.ok(alerts.length > 0, 'no RUS–CHN alert');
  const memo = (e: any) => /enemy|threat|spy|espionage|FSB/i.test(e.text) && ['ACCUSE', 'COERCE', 'THREATEN'].includes(e.ploverType);
  const partnership = (e: any) => /no limits|no-limits|without limits|unlimited|trade/i.test(e.text);
  assert.ok(alerts.some((a: any) => a.private.some(memo) && a.public.some(partnership)), JSON.stringify(alerts.map((a: any) => ({
    period: a.period, public: a.public.map((e: any) => e.text), private: a.private.map((e: any) => e.text),
  })), null, 1));
});

test('the pair brief on the corpus ties every judgment to evidence', { skip }, () => {
  const brief = riftJson(['brief', 'pair', 'RUS', 'CHN', '--db', db]);
  assert.ok(brief.judgments.length >= 2);
  for (const j of brief.judgments) assert.ok(j.evidence.length > 0 && j.evidence.every((n: number) => brief.evidence[n - 1]), j.text);
  for (const e of brief.evidence) assert.ok(e.text.length > 0 && e.text.length <= 400, 'a span, never a paragraph');
});
