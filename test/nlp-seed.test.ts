import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedFile } from './support/cli.js';
import { loadStages } from '../src/app/pipeline.js';
import type { Analysis } from '../src/model/index.js';
import { testDocument } from './support/documents.js';

const seedPath = sharedFile('corpus/seed-leaked-fsb-memo-article.txt');
const skip = seedPath ? false : 'shared data not found (../shared/corpus/seed-leaked-fsb-memo-article.txt; set RIFT_SHARED)';

async function analyzeSeed(): Promise<Analysis> {
  const text = readFileSync(seedPath!, 'utf8');
  return (await loadStages(['tokenizer', 'sentences', 'pos', 'ner', 'values'])).analyze(testDocument(text, { id: 'seed' }));
}

test('seed article: the people, organizations and places the story is about', { skip }, async () => {
  const a = await analyzeSeed();
  const found = new Set(a.mentions.map((m) => `${m.kind} ${m.text}`));
  const expected = [
    'PER Vladimir Putin', 'PER Xi Jinping',
    'ORG FSB', 'ORG Federal Security Service', 'ORG Ares Leaks', 'ORG NATO',
    'GPE Russia', 'GPE China', 'GPE Moscow', 'GPE Beijing', 'GPE Ukraine', 'LOC Arctic', 'LOC Russian Far East',
    'NORP Chinese', 'NORP Russian',
  ];
  const missing = expected.filter((e) => !found.has(e));
  assert.deepEqual(missing, [], `found: ${[...found].join(', ')}`);
  for (const m of a.mentions) assert.equal(a.document.text.slice(m.start, m.end), m.text);
});

test('seed article: each "At a Glance" bullet is one sentence, and so is each headline', { skip }, async () => {
  const a = await analyzeSeed();
  const text = a.document.text;
  const sentences = a.sentences.map((s) => text.slice(s.start, s.end));
  const bullets = sentences.filter((s) => s.startsWith('- '));
  assert.equal(bullets.length, 5);
  for (const b of bullets) assert.ok(!b.includes('\n'), b);
  for (const headline of ['At a Glance', 'Shadowed Trust', 'Operational Implications', 'A Fracturing Alliance']) {
    assert.ok(sentences.includes(headline), headline);
  }
});
