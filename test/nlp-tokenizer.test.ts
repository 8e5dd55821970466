import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, tokenTexts } from '../src/nlp/tokenizer.js';

const words = (text: string) => tokenTexts(text, tokenize(text));

test('offsets are UTF-16 code units into the original text', () => {
  const text = '  “No limits,” said\tPutin.\n';
  const t = tokenize(text);
  assert.deepEqual(words(text), ['“', 'No', 'limits', ',', '”', 'said', 'Putin', '.']);
  assert.equal(t.starts[0], 2);
  assert.equal(t.ends[t.count - 1], text.length - 1);
  assert.ok(t.starts instanceof Uint32Array && t.ends instanceof Uint32Array);
});

test('possessives and negations split off, with straight and curly apostrophes', () => {
  assert.deepEqual(words("Russia’s army and China's navy"), ['Russia', '’s', 'army', 'and', 'China', "'s", 'navy']);
  assert.deepEqual(words("It isn't, they don’t"), ['It', 'is', "n't", ',', 'they', 'do', 'n’t']);
  assert.deepEqual(words("O'Brien's rock"), ["O'Brien", "'s", 'rock']);
});

test('hyphenated names stay whole; dashes do not join words', () => {
  assert.deepEqual(words('the Russia-China relationship and Entente-4'), ['the', 'Russia-China', 'relationship', 'and', 'Entente-4']);
  assert.deepEqual(words('threats—despite it'), ['threats', '—', 'despite', 'it']);
  assert.deepEqual(words('wait -- no'), ['wait', '--', 'no']);
});

test('abbreviations keep their period; a sentence-final period does not', () => {
  assert.deepEqual(words('The U.S. Gen. Smith met on Jan. 5 at 3 p.m. in Washington.'), [
    'The', 'U.S.', 'Gen.', 'Smith', 'met', 'on', 'Jan.', '5', 'at', '3', 'p.m.', 'in', 'Washington', '.',
  ]);
  assert.deepEqual(words('No. 5 said no.'), ['No.', '5', 'said', 'no', '.']);
});

test('numbers and currency', () => {
  assert.deepEqual(words('record $240 billion trade'), ['record', '$', '240', 'billion', 'trade']);
  assert.deepEqual(words('155,221 bags, 3.5% and €1.2bn at 10:30 on 1996-08-22'), [
    '155,221', 'bags', ',', '3.5', '%', 'and', '€', '1.2bn', 'at', '10:30', 'on', '1996-08-22',
  ]);
});

test('URLs, handles, hashtags and e-mail addresses are one token each', () => {
  assert.deepEqual(words('See https://example.com/a?b=1. Follow @rift_news #OSINT or mail desk@example.org.'), [
    'See', 'https://example.com/a?b=1', '.', 'Follow', '@rift_news', '#OSINT', 'or', 'mail', 'desk@example.org', '.',
  ]);
  assert.deepEqual(words('(www.fsb.ru)'), ['(', 'www.fsb.ru', ')']);
});

test('non-Latin scripts: words stay whole, Han and kana go one character a token, nothing is lost', () => {
  assert.deepEqual(words('Владимир Путин встретился с Си Цзиньпином.'), ['Владимир', 'Путин', 'встретился', 'с', 'Си', 'Цзиньпином', '.']);
  assert.deepEqual(words('普京和习近平。'), ['普', '京', '和', '习', '近', '平', '。']);
  const text = '東京で会議があった。 Émile Zola — naïve café 😀 𠀋x';
  const t = tokenize(text);
  assert.equal(tokenTexts(text, t).join(''), text.replace(/\s/g, ''));
  for (let i = 1; i < t.count; i++) assert.ok(t.starts[i] >= t.ends[i - 1]);
  assert.ok(words(text).includes('Émile') && words(text).includes('naïve') && words(text).includes('café'));
});

test('empty and blank texts have no tokens', () => {
  assert.equal(tokenize('').count, 0);
  assert.equal(tokenize(' \n\t ').count, 0);
});
