// Provenance facts from general patterns: each kind of fact, who states it, its hedge, and evidence
// that covers the words that state it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, ProvenanceFact, ProvenanceRelation } from '../src/model/index.js';
import { loadPipeline } from '../src/app/pipeline.js';
import { testDocument } from './support/documents.js';

async function analyze(text: string): Promise<Analysis> {
  const pipeline = await loadPipeline();
  return pipeline.analyze(testDocument(text, { id: 'doc-test', language: 'en', outlet: 'Test Wire', publishedAt: '2025-06-08', retrievedAt: '2025-06-08' }));
}

const evidenceOf = (a: Analysis, f: ProvenanceFact): string => a.document.text.slice(f.evidence.start, f.evidence.end);

/** The facts of one kind, as "party | evidence". */
function facts(a: Analysis, fact: ProvenanceRelation): string[] {
  return a.provenance.filter((f) => f.fact === fact).map((f) => `${f.actor ?? f.value} | ${evidenceOf(a, f)}`);
}

/** Every fact points at a document actor of the text, has a speaker, and its evidence holds each of `words`. */
function assertWellFormed(a: Analysis): void {
  const documents = new Set(a.actors.filter((x) => x.kind === 'document').map((x) => x.id));
  for (const f of a.provenance) {
    assert.ok(documents.has(f.document), `${f.id}: unknown document ${f.document}`);
    assert.ok(f.speaker, `${f.id}: no speaker`);
    assert.ok((f.actor ?? f.value) !== undefined, `${f.id}: neither actor nor value`);
    assert.ok(f.evidence.start >= 0 && f.evidence.end <= a.document.text.length && f.evidence.start < f.evidence.end, `${f.id}: evidence out of the text`);
  }
}

test('authored-by, dated, length, classification and addressed-to from the phrase and its participles', async () => {
  const a = await analyze(
    'A top-secret Pentagon memo dated March 3, 2024 warned of Chinese hacking. ' +
      'The 12-page memo was written by the Defense Intelligence Agency and addressed to President Xi Jinping.',
  );
  assertWellFormed(a);
  assert.deepEqual(facts(a, 'authored-by'), [
    'USAMIL | A top-secret Pentagon memo',
    'usa-dia | The 12-page memo was written by the Defense Intelligence Agency',
  ]);
  assert.deepEqual(facts(a, 'classification'), ['top secret | A top-secret Pentagon memo']);
  assert.deepEqual(facts(a, 'dated'), ['2024-03-03 | A top-secret Pentagon memo dated March 3, 2024']);
  assert.deepEqual(a.provenance.find((f) => f.fact === 'dated')?.time, { from: '2024-03-03', to: '2024-03-03', precision: 'day' });
  assert.deepEqual(facts(a, 'length'), ['12 pages | The 12-page memo']);
  assert.deepEqual(facts(a, 'addressed-to'), ['xi-jinping | The 12-page memo was written by the Defense Intelligence Agency and addressed to President Xi Jinping']);
  for (const f of a.provenance) assert.equal(f.speaker, 'outlet:Test Wire');
  const lengths = await analyze('A memo of eight pages warned of spies. The dossier, leaked last week, ran to some 30 pages.');
  assert.deepEqual(facts(lengths, 'length'), ['8 pages | A memo of eight pages', '30 pages | The dossier, leaked last week, ran to some 30 pages']);
});

test('a date interval, with the hedge that qualifies it, through "it"', async () => {
  const a = await analyze('An internal FSB memo surfaced last week. The document is undated, though it appears to have been written in late 2023 or early 2024.');
  const dated = a.provenance.filter((f) => f.fact === 'dated');
  assert.equal(dated.length, 1);
  assert.equal(dated[0]!.value, '2023-09-01/2024-04-30');
  assert.equal(evidenceOf(a, dated[0]!), 'it appears to have been written in late 2023 or early 2024');
  assert.equal(a.document.text.slice(dated[0]!.hedge!.start, dated[0]!.hedge!.end), 'appears');
});

test('obtained-by, leaked-via and published-by in the passive and the active voice', async () => {
  const a = await analyze(
    'Ares Leaks, a cybercrime group, obtained the dossier and posted it on a hacker forum. ' +
      'The dossier, later shown to Reuters, was obtained through the Ares Leaks platform. The BBC has seen a copy of the dossier.',
  );
  assertWellFormed(a);
  assert.deepEqual(facts(a, 'obtained-by'), ['ares-leaks | Ares Leaks, a cybercrime group, obtained the dossier']);
  assert.deepEqual(facts(a, 'leaked-via'), [
    'a hacker forum | the dossier and posted it on a hacker forum',
    'ares-leaks | The dossier, later shown to Reuters, was obtained through the Ares Leaks platform',
  ]);
  assert.deepEqual(facts(a, 'published-by'), ['reuters | The dossier, later shown to Reuters', 'bbc | The BBC has seen a copy of the dossier']);
});

test('authenticated-by, disputed-by and denied-by, with the party judging', async () => {
  const a = await analyze(
    'A leaked diplomatic cable reached the Times. The Times shared the cable with six Western intelligence agencies, all of which assessed it to be authentic. ' +
      'Reuters could not independently verify the cable. Experts questioned its authenticity, and the Kremlin dismissed the cable as a fake. ' +
      'That makes definitive authentication impossible.',
  );
  assertWellFormed(a);
  assert.deepEqual(facts(a, 'authenticated-by'), ['western-intelligence | six Western intelligence agencies, all of which assessed it to be authentic']);
  assert.deepEqual(facts(a, 'disputed-by'), [
    'reuters | Reuters could not independently verify the cable',
    'Experts | Experts questioned its authenticity',
    'outlet:Test Wire | definitive authentication impossible',
  ]);
  assert.deepEqual(facts(a, 'denied-by'), ['RUSGOV | the Kremlin dismissed the cable as a fake']);
});

test('the speaker is whoever the sentence attributes the fact to, else the outlet', async () => {
  const a = await analyze(
    'According to people familiar with the matter, the memo was drafted by aides to the defence minister. ' +
      'The memo was obtained by hackers, Reuters reported. The memo was published on Monday by Der Spiegel.',
  );
  const speakers = Object.fromEntries(a.provenance.map((f) => [f.fact, f.speaker]));
  assert.equal(speakers['authored-by'], 'outlet:Test Wire', 'unnamed sources are the outlet\'s word');
  assert.equal(speakers['obtained-by'], 'reuters');
  assert.equal(speakers['published-by'], 'outlet:Test Wire');
  assert.deepEqual(facts(a, 'published-by').map((f) => f.split(' | ')[1]), ['The memo was published on Monday by Der Spiegel'], 'past the time to the party');
});

test('what a fact is not: a verb said of something else, a time as a party, a denial of another claim', async () => {
  const a = await analyze(
    'The memo says that data was obtained by Chinese hackers. The memo was published on Monday. ' +
      'Russia denied that its troops crossed the border. China denied it. Analysts will verify the memo.',
  );
  assert.deepEqual(facts(a, 'obtained-by'), []);
  assert.deepEqual(facts(a, 'leaked-via'), []);
  assert.deepEqual(facts(a, 'denied-by'), []);
  assert.deepEqual(facts(a, 'authenticated-by'), []);
});

test('a text without a referenced document has no provenance', async () => {
  const a = await analyze('Russia and China held joint naval drills in the Sea of Japan on Monday, the defence ministry said. Trade rose to $240 billion.');
  assert.deepEqual(a.actors.filter((x) => x.kind === 'document'), []);
  assert.deepEqual(a.provenance, []);
});
