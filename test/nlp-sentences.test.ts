import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../src/nlp/tokenizer.js';
import { splitSentences } from '../src/nlp/sentences.js';

function sentences(text: string): string[] {
  return splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
}

test('abbreviations and initials do not end sentences', () => {
  assert.deepEqual(sentences('Gen. Valery Gerasimov met U.S. officials on Jan. 5. Talks failed.'), [
    'Gen. Valery Gerasimov met U.S. officials on Jan. 5.',
    'Talks failed.',
  ]);
  assert.deepEqual(sentences('He met John F. Kennedy. It was 1961.'), ['He met John F. Kennedy.', 'It was 1961.']);
});

test('an initialism ends a sentence when the next word clearly starts one', () => {
  assert.deepEqual(sentences('Troops left the U.S. The talks ended.'), ['Troops left the U.S.', 'The talks ended.']);
});

test('closing quotes stay with their sentence; a quote ending in ? or ! before "he said" does not split', () => {
  assert.deepEqual(sentences('China is now labeled “the enemy.” The document was leaked.'), [
    'China is now labeled “the enemy.”',
    'The document was leaked.',
  ]);
  assert.deepEqual(sentences('“Why now?” he asked. Nobody knew.'), ['“Why now?” he asked.', 'Nobody knew.']);
});

test('headlines and bullet lines are sentences of their own', () => {
  const text = 'At a Glance\n- A leaked memo brands China “the enemy”\n- Trade rose to $240 billion.\n• Moscow denies it\nShadowed Trust\nA memo has surfaced.';
  assert.deepEqual(sentences(text), [
    'At a Glance',
    '- A leaked memo brands China “the enemy”',
    '- Trade rose to $240 billion.',
    '• Moscow denies it',
    'Shadowed Trust',
    'A memo has surfaced.',
  ]);
});

test('hard-wrapped lines inside a sentence are not split', () => {
  const text = 'Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects.\n    The dry period means a late crop.';
  assert.deepEqual(sentences(text), [
    'Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects.',
    'The dry period means a late crop.',
  ]);
});

test('a blank line always ends a sentence, and token ranges cover every token once', () => {
  const text = 'Breaking news from Kyiv\n\nofficials said nothing';
  const tokens = tokenize(text);
  const split = splitSentences(text, tokens);
  assert.equal(split.length, 2);
  assert.equal(split[0].tokenStart, 0);
  assert.equal(split[0].tokenEnd, split[1].tokenStart);
  assert.equal(split[1].tokenEnd, tokens.count);
});
