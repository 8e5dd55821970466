import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanCues, scanChannels, firstAtOrAfter } from '../src/nlp/cues/index.js';

function kinds(text: string): string[] {
  return scanCues(text).map((c) => `${c.kind}:${text.slice(c.start, c.end)}`);
}

test('modality cues by kind, phrases whole', () => {
  assert.deepEqual(kinds('Moscow did not deny it.'), ['negation:did not', 'denial:deny']);
  assert.deepEqual(kinds('Beijing rejected claims that it could help.'), ['denial:rejected claims', 'modal:could']);
  assert.deepEqual(kinds('If talks fail, Kyiv plans to appeal.'), ['condition:If', 'future:plans to']);
  assert.deepEqual(kinds('He was accused of spying, reportedly.'), ['alleged:accused of', 'reported:reportedly']);
  assert.deepEqual(kinds('The army is set to withdraw.'), ['future:is set to']);
});

test('"reported" is an adjective before a noun, a reporting verb before "that"', () => {
  assert.deepEqual(kinds('The reported changes began.'), ['reported:reported']);
  assert.deepEqual(kinds('Reuters reported that troops left.'), ['report-verb:reported']);
});

test('month May is not a modal', () => {
  assert.deepEqual(kinds('Talks began in May 2024.'), []);
  assert.deepEqual(kinds('Talks may begin.'), ['modal:may']);
});

test('channel phrases', () => {
  const text = 'Officials who spoke on condition of anonymity said a leaked memo, authenticated by Western intelligence, was read at a press conference.';
  assert.deepEqual(
    scanChannels(text).map((c) => `${c.channel}:${text.slice(c.start, c.end)}`),
    [
      'anonymous-source:on condition of anonymity',
      'leaked-document:leaked memo',
      'intelligence-assessment:authenticated by Western intelligence',
      'public-statement:at a press conference',
    ],
  );
});

test('firstAtOrAfter is a lower bound on start', () => {
  const spans = [{ start: 1, end: 2 }, { start: 5, end: 6 }, { start: 5, end: 7 }, { start: 9, end: 10 }];
  assert.equal(firstAtOrAfter(spans, 0), 0);
  assert.equal(firstAtOrAfter(spans, 5), 1);
  assert.equal(firstAtOrAfter(spans, 6), 3);
  assert.equal(firstAtOrAfter(spans, 11), 4);
});

test('"obtained by" marks a leak only for a document', () => {
  const leaked = 'The eight-page report, obtained by The New York Times, details espionage.';
  assert.deepEqual(scanChannels(leaked).map((c) => c.channel), ['leaked-document']);
  assert.deepEqual(scanChannels('Weapons obtained by the rebels were used.'), []);
});
