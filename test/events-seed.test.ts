import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Analysis, Event } from '../src/model/index.js';
import { codeDocument } from '../src/events/coder-component.js';
import { EVENT_TABLES } from '../src/events/resources.js';
import { loadPipeline, loadStages, processResources } from '../src/app/pipeline.js';
import { sharedFile } from './support/cli.js';
import { testDocument } from './support/documents.js';

const seedPath = sharedFile('corpus/seed-leaked-fsb-memo-article.txt');
const skip = seedPath ? false : 'shared/corpus not found (set RIFT_SHARED)';

async function codeSeed(): Promise<Analysis> {
  const text = readFileSync(seedPath!, 'utf8');
  const upstream = await loadStages(['tokenizer', 'sentences', 'pos', 'ner', 'values', 'actors']);
  const a = upstream.analyze(testDocument(text, { id: 'seed', publishedAt: '2025-06-15', retrievedAt: '2025-06-15T00:00:00Z' }));
  codeDocument(a, processResources.get(EVENT_TABLES));
  return a;
}

const country = (code: string) => code.slice(0, 3);
const triggerText = (a: Analysis, e: Event) => a.document.text.slice(e.trigger!.start, e.trigger!.end).toLowerCase();
const evidenceText = (a: Analysis, e: Event) => a.document.text.slice(e.evidence.start, e.evidence.end);

test('seed article: the memo names China "the enemy" — an accusation by the FSB', { skip }, async () => {
  const a = await codeSeed();
  const accusations = a.events.filter((e) => e.ploverType === 'ACCUSE' && e.sources.includes('RUSSPY') && e.targets.some((t) => country(t) === 'CHN'));
  const triggers = new Set(accusations.map((e) => triggerText(a, e)));
  assert.ok(triggers.has('brands'), `brands: ${[...triggers]}`);
  assert.ok(triggers.has('labeled'), 'the passive "China is now labeled the enemy"');
  const brands = accusations.find((e) => triggerText(a, e) === 'brands')!;
  assert.match(evidenceText(a, brands), /A leaked FSB memo brands China “the enemy”/);
  assert.equal(brands.cameo, '111');
  assert.equal(brands.quadClass, 3);
});

test('seed article: Chinese espionage, recruitment and theft against Russia', { skip }, async () => {
  const a = await codeSeed();
  const spying = a.events.filter((e) => e.ploverMode === 'espionage' && e.sources.some((s) => country(s) === 'CHN'));
  const triggers = new Set(spying.map((e) => triggerText(a, e)));
  for (const t of ['espionage', 'recruitment', 'theft', 'infiltrate', 'poaching']) assert.ok(triggers.has(t), `${t} in ${[...triggers]}`);
  for (const t of ['espionage', 'recruitment', 'theft', 'infiltrate']) {
    assert.ok(spying.some((e) => triggerText(a, e) === t && e.targets.some((x) => country(x) === 'RUS')), `${t} targets Russia`);
  }
  const operatives = spying.find((e) => triggerText(a, e) === 'infiltrate')!;
  assert.deepEqual(operatives.sources, ['CHNSPY']);
});

test('seed article: public cooperation — the "no limits" partnership, drills, summits, trade with its amount', { skip }, async () => {
  const a = await codeSeed();
  const coop = a.events.filter((e) => e.quadClass <= 2);
  const byTrigger = (t: string) => coop.filter((e) => triggerText(a, e) === t);
  const tout = byTrigger('tout')[0];
  assert.ok(tout, 'Putin and Xi tout a partnership');
  assert.deepEqual(new Set(tout.sources), new Set(['RUSGOV', 'CHNGOV']));
  for (const t of ['drills', 'summits']) {
    const [e] = byTrigger(t);
    assert.ok(e, t);
    assert.deepEqual(new Set(e.sources.map(country)), new Set(['RUS', 'CHN']));
    assert.equal(e.reciprocal, true);
  }
  assert.equal(byTrigger('drills')[0].cameo, '062');
  const trade = byTrigger('trade');
  assert.ok(trade.length >= 2, 'the bullet and the body both report the trade');
  const withYear = trade.find((e) => e.time.from === '2023-01-01' && e.time.to === '2023-12-31')!;
  assert.ok(withYear, 'trade in 2023');
  assert.deepEqual(withYear.time, { from: '2023-01-01', to: '2023-12-31', precision: 'year', basis: 'event' });
  assert.equal(withYear.ploverType, 'COOPERATE');
  assert.equal(withYear.ploverContext, 'economic');
  assert.deepEqual(withYear.amount, { start: a.document.text.indexOf('$240 billion in 2023'), end: a.document.text.indexOf('$240 billion in 2023') + 12, value: 240e9, currency: 'USD', text: '$240 billion' });
  assert.deepEqual(new Set(withYear.sources), new Set(['RUS', 'CHN']), '"between the two" resolves to the two countries just named');
});

test('seed article: the FSB intensifies vetting and surveillance', { skip }, async () => {
  const a = await codeSeed();
  const measures = a.events.filter((e) => e.ploverType === 'MOBILIZE' && e.ploverMode === 'police' && e.sources.includes('RUSSPY'));
  assert.deepEqual(new Set(measures.map((e) => triggerText(a, e))), new Set(['vetting', 'surveillance']));
  assert.ok(measures.every((e) => e.modality === 'asserted'), 'the coder leaves modality to the modality stage');
});

test('seed article, whole pipeline: "may now shift" is hypothetical; "a conflict that could destabilize" is no actor\'s act', { skip }, async () => {
  const text = readFileSync(seedPath!, 'utf8');
  const a = (await loadPipeline()).analyze(testDocument(text, { id: 'seed', publishedAt: '2025-06-15', retrievedAt: '2025-06-15T00:00:00Z' }));
  const shifts = a.events.filter((e) => triggerText(a, e) === 'shift');
  assert.ok(shifts.length > 0, 'an event is coded for "shift"');
  for (const e of shifts) assert.equal(e.modality, 'hypothetical');
  assert.equal(a.events.filter((e) => triggerText(a, e) === 'destabilize').length, 0, 'its subject is "a sharp conflict", not the FSB');
  const shift = a.events.find((e) => triggerText(a, e) === 'shift')!;
  assert.deepEqual(shift.sources, ['RUSSPY']);
  assert.deepEqual(shift.targets, ['CHNGOV']);
});
