// Hand-built events over sentences of the seed article (../shared, skipped when missing): the
// modality and claims components must read their hedges, sources and channels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis, Claim, Event } from '../src/model/index.js';
import { FACTUAL_MODALITIES } from '../src/model/index.js';
import { emptyAnalysis } from '../src/pipeline/pipeline.js';
import { DocumentRun } from '../src/pipeline/document-run.js';
import { loadStage, runStages } from './support/stages.js';
import { testDocument } from './support/documents.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const SEED = join(resolve(process.env.RIFT_SHARED ?? join(ROOT, '../shared')), 'corpus/seed-leaked-fsb-memo-article.txt');
const skip = existsSync(SEED) ? false : `shared data not found: ${SEED}`;

interface Coded {
  event: Event;
  claim: Claim;
}

let coded: Map<string, Coded> | undefined;
let text = '';

/** Each name → [evidence text, trigger inside it]. */
const EVENTS: Record<string, [string, string]> = {
  destabilize: ['a sharp conflict that could destabilize their', 'destabilize'],
  shift: ['counterintelligence posture may now shift sharply', 'shift'],
  infiltrate: ['Chinese operatives allegedly infiltrate Russian institutions', 'infiltrate'],
  changes: ['reported changes in FSB operations', 'changes'],
  tout: ['Putin and Chinese leader Xi Jinping continue to tout a “no limits” partnership', 'tout'],
  brands: ['A leaked FSB memo brands China “the enemy”', 'brands'],
  drills: ['Russia and China continue joint military drills', 'drills'],
};

/** The seed through the real language stages (tokens, sentences, part of speech, entities), then hand-built events. */
async function analyzeSeed(): Promise<Map<string, Coded>> {
  if (coded) return coded;
  text = readFileSync(SEED, 'utf8');
  const a: Analysis = emptyAnalysis(testDocument(text, { id: 'seed' }));
  const run = new DocumentRun();
  runStages(a, await Promise.all(['tokenizer', 'sentences', 'pos', 'ner', 'values'].map(loadStage)), run);
  const names = Object.keys(EVENTS);
  for (const name of names) {
    const [evidence, trigger] = EVENTS[name];
    const start = text.indexOf(evidence);
    assert.ok(start >= 0, `seed text lacks "${evidence}"`);
    const t = text.indexOf(trigger, start);
    a.events.push({
      id: name, evidence: { start, end: start + evidence.length }, trigger: { start: t, end: t + trigger.length },
      sources: [], targets: [], ploverType: 'ACCUSE', cameo: '112', goldstein: -2, quadClass: 3, modality: 'asserted', confidence: 1,
      time: { from: '2025-06-01', to: '2025-06-01', precision: 'day', basis: 'report' },
    });
  }
  runStages(a, [await loadStage('modality'), await loadStage('claims')], run);
  coded = new Map(names.map((n, i) => [n, { event: a.events[i], claim: a.claims[i] }]));
  return coded;
}

test('"could destabilize" and "may now shift" are hypothetical, not events that happened', { skip }, async () => {
  for (const name of ['destabilize', 'shift']) {
    const { event } = (await analyzeSeed()).get(name)!;
    assert.equal(event.modality, 'hypothetical', name);
    assert.ok(!FACTUAL_MODALITIES.includes(event.modality));
  }
});

test('"Chinese operatives allegedly infiltrate" is alleged, asserted by the memo, through a leaked document', { skip }, async () => {
  const { event, claim } = (await analyzeSeed()).get('infiltrate')!;
  assert.equal(event.modality, 'alleged');
  assert.equal(claim.attributionChain[0], 'outlet:unknown');
  assert.ok(claim.attributionChain.slice(1).some((s) => /memo/.test(s)), claim.attributionChain.join(' → '));
  assert.equal(claim.speaker, claim.attributionChain[claim.attributionChain.length - 1]);
  assert.ok(claim.channel === 'leaked-document' || claim.channel === 'private-document', claim.channel);
  assert.ok(claim.certainty < 0.8, `hedged: ${claim.certainty}`);
  assert.ok(claim.cues.some((c) => text.slice(c.start, c.end) === 'allegedly'));
});

test('"reported changes in FSB operations" is reported', { skip }, async () => {
  assert.equal((await analyzeSeed()).get('changes')!.event.modality, 'reported');
});

test('Putin and Xi touting a "no limits" partnership goes through the public channel', { skip }, async () => {
  const { event, claim } = (await analyzeSeed()).get('tout')!;
  assert.equal(claim.channel, 'public-statement');
  assert.equal(event.modality, 'asserted');
  const drills = (await analyzeSeed()).get('drills')!;
  assert.equal(drills.claim.channel, 'public-statement');
});

test('the memo branding China "the enemy" goes through the leaked channel', { skip }, async () => {
  const { event, claim } = (await analyzeSeed()).get('brands')!;
  assert.equal(event.modality, 'asserted');
  assert.equal(claim.channel, 'leaked-document');
});
