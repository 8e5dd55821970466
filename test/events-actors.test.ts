// One dated-role system: every actor code on an event is an actor of the analysis, with a resolution as its
// evidence where the event names it. Checked over the seed and the English reports of the news corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Analysis, Span } from '../src/model/index.js';
import { loadPipeline } from '../src/app/pipeline.js';
import { testDocument } from './support/documents.js';
import { sharedFile } from './support/cli.js';

const seedPath = sharedFile('corpus/seed-leaked-fsb-memo-article.txt');
const corpusPath = sharedFile('corpus/news/articles.jsonl');
const skip = seedPath && corpusPath ? false : 'shared/corpus not found (set RIFT_SHARED)';

/** Where an event's actor code lacks evidence: a message per problem. */
function unbacked(a: Analysis): string[] {
  const text = a.document.text;
  const actors = new Set(a.actors.map((x) => x.id));
  const problems: string[] = [];
  const check = (code: string, span: Span | undefined, eventId: string) => {
    if (!span) return problems.push(`${eventId}: ${code} without a span`);
    const named = text.slice(span.start, span.end);
    const resolvedHere = a.resolutions.some((r) => r.start < span.end && r.end > span.start && (r.code === code || r.actorId === code) && actors.has(r.actorId));
    if (resolvedHere) return;
    // "trade between the two": the coder refers back to the last two states named, resolved earlier in the text.
    const referredBack = /^(?:the\s+)?(?:two|both)\b/i.test(named) && a.resolutions.some((r) => r.end <= span.start && r.code === code && actors.has(r.actorId));
    if (!referredBack) problems.push(`${eventId}: ${code} at "${named}" is no resolved actor there`);
  };
  for (const e of a.events) {
    e.sources.forEach((code, i) => check(code, e.sourceSpans?.[i], e.id));
    e.targets.forEach((code, i) => check(code, e.targetSpans?.[i], e.id));
  }
  return problems;
}

test('every actor code on an event is an actor of the analysis, resolved where the event names it (seed and news corpus)', { skip }, async () => {
  const pipeline = await loadPipeline();
  const rows = readFileSync(corpusPath!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; lang: string; date: string | null; text: string })
    .filter((r) => r.lang === 'en');
  const documents = [{ id: 'seed', text: readFileSync(seedPath!, 'utf8'), date: '2025-06-08' }, ...rows];
  let events = 0;
  const problems: string[] = [];
  for (const d of documents) {
    const a = pipeline.analyze(testDocument(d.text, { id: d.id, language: 'en', publishedAt: d.date ?? undefined, retrievedAt: '2025-06-10T00:00:00Z' }));
    events += a.events.length;
    for (const p of unbacked(a)) problems.push(`${d.id} ${p}`);
  }
  assert.ok(documents.length > 100 && events > 500, `${documents.length} documents, ${events} events`);
  assert.deepEqual(problems, []);
});

test('the check catches a code no resolution backs', () => {
  const text = 'Russia attacked Ukraine.';
  const a = {
    document: { id: 'd', text },
    actors: [{ id: 'RUS', name: 'Russia', kind: 'state', aliases: [], roles: [] }],
    resolutions: [{ start: 0, end: 6, text: 'Russia', actorId: 'RUS', code: 'RUS', method: 'alias', confidence: 1 }],
    events: [{ id: 'e', sources: ['RUSGOV'], targets: ['UKR'], sourceSpans: [{ start: 0, end: 6 }], targetSpans: [{ start: 16, end: 23 }] }],
  } as unknown as Analysis;
  assert.equal(unbacked(a).length, 2);
});
