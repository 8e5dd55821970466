// Admiralty grades: the pure grading function, the ratings an analyst edits, and the stage that
// grades each claim (and re-grades it when the stories stage brings corroboration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '../src/model/index.js';
import { loadPipeline } from '../src/app/pipeline.js';
import { testDocument } from './support/documents.js';
import { admiraltyGrade, gradeClaims, loadRatings, ratingsFrom, type GradeInput, type RatingsData } from '../src/provenance/index.js';

const wire = { label: 'Test Wire', rating: 'B' as const, basis: 'a news agency' };
const base: GradeInput = { source: wire, modality: 'asserted', certainty: 0.9, icd: 'very likely' };

test('credibility follows how sure the text is; forecasts cannot be judged', () => {
  assert.equal(admiraltyGrade(base).admiralty, 'B2');
  assert.equal(admiraltyGrade({ ...base, certainty: 0.6, icd: 'likely', modality: 'alleged' }).admiralty, 'B3');
  assert.equal(admiraltyGrade({ ...base, certainty: 0.5, icd: 'roughly even chance', modality: 'alleged' }).admiralty, 'B3');
  assert.equal(admiraltyGrade({ ...base, certainty: 0.25, icd: 'unlikely', modality: 'denied' }).admiralty, 'B4');
  assert.equal(admiraltyGrade({ ...base, certainty: 0.03, icd: 'almost no chance', modality: 'negated' }).admiralty, 'B5');
  const forecast = admiraltyGrade({ ...base, certainty: 0.35, icd: 'unlikely', modality: 'hypothetical' });
  assert.equal(forecast.admiralty, 'B6');
  assert.match(forecast.why.join(' '), /hypothesis/);
});

test('reliability is the speaker\'s, and no better than a poorly rated outlet that carries it', () => {
  const ministry = { label: 'the defence ministry', rating: 'C' as const, basis: 'a government' };
  assert.equal(admiraltyGrade({ ...base, source: ministry, outlet: wire }).reliability, 'C');
  const poor = { label: 'a tabloid', rating: 'E' as const, basis: 'a record of fabrication' };
  const capped = admiraltyGrade({ ...base, source: ministry, outlet: poor });
  assert.equal(capped.reliability, 'E');
  assert.match(capped.why.join(' '), /carried by a tabloid/);
  const unknown = { label: 'someone', rating: 'F' as const, basis: 'no basis' };
  assert.equal(admiraltyGrade({ ...base, source: unknown, outlet: poor }).reliability, 'F', 'F is no rank: it is not capped');
});

test('the document a claim comes from: authenticated one step up (never to 1), disputed one step down', () => {
  const memo = { label: 'the FSB memo', authenticatedBy: ['Western intelligence'], disputedBy: [], deniedBy: [] };
  const alleged = { ...base, certainty: 0.6, icd: 'likely' as const, modality: 'alleged' as const };
  const up = admiraltyGrade({ ...alleged, document: memo });
  assert.equal(up.credibility, 2);
  assert.match(up.why.join(' '), /the FSB memo was authenticated by Western intelligence, one step up/);
  assert.equal(admiraltyGrade({ ...base, document: memo }).credibility, 2, 'only other sources confirm (1)');
  const doubted = admiraltyGrade({ ...alleged, document: { ...memo, authenticatedBy: [], disputedBy: ['Reuters'], deniedBy: ['the Kremlin'] } });
  assert.equal(doubted.credibility, 4);
  assert.match(doubted.why.join(' '), /disputed by Reuters and denied by the Kremlin/);
  assert.equal(admiraltyGrade({ ...alleged, document: { ...memo, disputedBy: ['Reuters'] } }).credibility, 3, 'both: no change');
});

test('corroboration from other independent sources re-grades the same claim', () => {
  const alleged = { ...base, certainty: 0.6, icd: 'likely' as const, modality: 'alleged' as const };
  assert.equal(admiraltyGrade({ ...alleged, corroboration: { independentSources: 2, contradictions: 0 } }).credibility, 1);
  assert.equal(admiraltyGrade({ ...alleged, certainty: 0.3, icd: 'unlikely', corroboration: { independentSources: 1, contradictions: 0 } }).credibility, 3);
  assert.equal(admiraltyGrade({ ...base, corroboration: { independentSources: 0, contradictions: 1 } }).credibility, 4);
  assert.equal(admiraltyGrade({ ...alleged, corroboration: { independentSources: 0, contradictions: 2 } }).credibility, 5);
  assert.equal(admiraltyGrade({ ...base, corroboration: { independentSources: 3, contradictions: 1 } }).credibility, 3);
  const alone = admiraltyGrade({ ...base, corroboration: { independentSources: 0, contradictions: 0 } });
  assert.equal(alone.credibility, 2);
  assert.match(alone.why.join(' '), /no other independent source/);
  // a pure function: the same input, the same grade
  assert.deepEqual(admiraltyGrade(alleged), admiraltyGrade(alleged));
});

test('the shipped ratings load; outlets by domain, subdomain and name; an actor entry wins over its kind', () => {
  const ratings = loadRatings();
  assert.equal(ratings.outlet('reuters.com').rating, 'B');
  assert.equal(ratings.outlet('https://www.reuters.com/world/').rating, 'B');
  assert.equal(ratings.outlet('uk.reuters.com').rating, 'B');
  assert.equal(ratings.outlet('The New York Times').rating, 'B');
  assert.equal(ratings.outlet('tass.ru').rating, 'D');
  assert.deepEqual(ratings.outlet(undefined), { rating: 'F', basis: 'no rating for this outlet', name: 'an unknown outlet' });
  assert.equal(ratings.outlet('example.org').rating, 'F');
  const data: RatingsData = {
    outlets: { default: { rating: 'F', basis: 'unknown' }, outlets: {} },
    kinds: { kinds: { agency: { rating: 'C', basis: 'an agency' } }, speakers: { intelligence: { rating: 'C', basis: 'x' }, anonymous: { rating: 'F', basis: 'x' }, other: { rating: 'F', basis: 'x' } } },
    actors: { actors: { 'rus-fsb': { rating: 'D', basis: 'an analyst says so' } } },
  };
  const edited = ratingsFrom(data);
  const agency = { id: 'usa-cia', name: 'CIA', kind: 'agency' as const, aliases: [], roles: [] };
  assert.equal(edited.actor(agency).rating, 'C');
  assert.equal(edited.actor({ ...agency, id: 'rus-fsb' }).rating, 'D');
});

test('a bad ratings file stops with the file and entry named', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rift-ratings-'));
  try {
    writeFileSync(join(dir, 'outlets.json'), JSON.stringify({ default: { rating: 'F', basis: 'x' }, outlets: { 'a.com': { rating: 'G', basis: 'x' } } }));
    writeFileSync(join(dir, 'actor-kinds.json'), JSON.stringify({ kinds: {}, speakers: {} }));
    writeFileSync(join(dir, 'actors.json'), JSON.stringify({ actors: {} }));
    assert.throws(() => loadRatings(dir), /outlets\.json outlets\.a\.com needs "rating" \(one of A–F\)/);
    writeFileSync(join(dir, 'actors.json'), '{ not json');
    assert.throws(() => loadRatings(dir), /cannot read .*actors\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function analyze(text: string, outlet: string): Promise<Analysis> {
  const pipeline = await loadPipeline();
  return pipeline.analyze(testDocument(text, { id: 'doc-test', language: 'en', outlet: outlet, publishedAt: '2025-06-08', retrievedAt: '2025-06-08' }));
}

test('every claim is graded with reasons; a claim from an authenticated memo gains from it; corroboration re-grades', async () => {
  const a = await analyze(
    'A leaked FSB memo, authenticated by Western intelligence, says Chinese agents allegedly recruited Russian scientists. ' +
      'Russia and China held joint naval drills on Monday.',
    'reuters.com',
  );
  assert.ok(a.claims.length >= 2);
  for (const c of a.claims) {
    assert.match(c.admiralty ?? '', /^[A-F][1-6]$/);
    assert.ok(c.why!.length >= 2);
  }
  const fromMemo = a.claims.find((c) => c.speaker === 'document:memo');
  assert.ok(fromMemo, a.claims.map((c) => c.speaker).join(', '));
  assert.equal(fromMemo.admiralty![0], 'C', 'a memo is rated as its author, the FSB (an agency)');
  assert.ok(fromMemo.why!.some((w) => /authenticated by Western intelligence/.test(w)), fromMemo.why!.join('; '));
  const drills = a.claims.find((c) => c.speaker === 'outlet:reuters.com');
  assert.ok(drills);
  assert.equal(drills.admiralty, 'B2');
  // the stories stage re-grades with what other reports say
  gradeClaims(a, loadRatings(), (c) => (c === drills ? { independentSources: 3, contradictions: 0 } : undefined));
  assert.equal(drills.admiralty, 'B1');
  assert.match(drills.why!.join(' '), /confirmed by 3 other independent sources/);
});

test('an unnamed source is the outlet\'s word, rated as the description says: anonymous sources F', async () => {
  const a = await analyze('Russian troops shelled Ukrainian positions at dawn, people familiar with the matter said.', 'reuters.com');
  const crossed = a.claims.find((c) => c.channel === 'anonymous-source');
  assert.ok(crossed, a.claims.map((c) => `${c.speaker} ${c.channel}`).join(', '));
  assert.equal(crossed.speaker, 'outlet:reuters.com');
  assert.equal(crossed.admiralty![0], 'F', crossed.why!.join('; '));
  assert.match(crossed.why!.join(' '), /anonymous source/);
});
