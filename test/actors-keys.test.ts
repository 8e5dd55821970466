import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyTable } from '../src/actors/key-table.js';
import { phraseKeyIds, scanKeyedWords, scanWords } from '../src/actors/words.js';
import { PhraseTrie } from '../src/actors/phrase-trie.js';
import { stemmerFor } from '../src/actors/stemmer.js';

test('keyed scan finds the words scanWords finds, with one id per key and -1 for keys no phrase has', () => {
  const keys = new KeyTable();
  const [erdogan, putin] = phraseKeyIds('Erdogan Путина', keys);
  const text = 'ERDOĞAN met Путина, then erdogan wrote to the Кремлю in 2024; 俄罗斯.';
  const keyed = scanKeyedWords(text, keys);
  const plain = scanWords(text);
  assert.equal(keyed.count, plain.count);
  assert.deepEqual([...keyed.starts], [...plain.starts]);
  assert.deepEqual([...keyed.ends], [...plain.ends]);
  assert.deepEqual([...keyed.joined], [...plain.joined]);
  const idOf = (key: string) => keyed.ids[plain.keys.indexOf(key)];
  assert.equal(idOf('erdogan'), erdogan, 'case and accents fold away');
  assert.equal(keyed.ids[0], keyed.ids[plain.keys.lastIndexOf('erdogan')]);
  assert.equal(idOf('путина'), putin, 'words are keyed as written: case endings are the stemmers\' business');
  assert.equal(idOf('met'), -1);
  assert.deepEqual([...keyed.digits], plain.keys.map((k) => (/\d/.test(k) ? 1 : 0)));
});

test('the key table keeps its ids while it grows', () => {
  const keys = new KeyTable();
  const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
  const ids = words.map((w) => keys.internString(w));
  assert.equal(keys.size, words.length);
  assert.deepEqual(words.map((w) => keys.internString(w)), ids);
  const codes = Uint16Array.from('xx w1z9 yy', (c) => c.charCodeAt(0));
  assert.equal(keys.find(codes, 3, 7), ids[words.indexOf('w1z9')]);
  assert.equal(keys.find(codes, 0, 2), -1);
});

test('a stemmer keys a text\'s words as its language\'s names are keyed, and leaves other scripts alone', () => {
  const keys = new KeyTable();
  const ru = new PhraseTrie(keys, stemmerFor('ru'));
  ru.add('Кремль', 'metonym', 'RUSGOV');
  ru.add('Путин', 'alias', 'vladimir-putin');
  const pl = new PhraseTrie(keys, stemmerFor('pl'));
  pl.add('Chiny', 'alias', 'CHN');
  const text = 'Кремлю и Путиным; Chinami, Chin i Chiny; Кремлевский';
  const keyed = scanKeyedWords(text, keys, undefined, [
    { stemmer: ru.stemmer!, has: ru.has },
    { stemmer: pl.stemmer!, has: pl.has },
  ]);
  const word = (w: string) => [...keyed.starts].indexOf(text.indexOf(w));
  const [ruRow, , plRow] = keyed.stems;
  const kremlin = ru.first(ruRow![word('Кремлю')]!);
  assert.ok(kremlin >= 0 && ru.entries(kremlin)?.[0]?.target === 'RUSGOV');
  assert.equal(ru.entries(ru.first(ruRow![word('Путиным')]!))?.[0]?.target, 'vladimir-putin');
  for (const w of ['Chinami', 'Chin', 'Chiny']) assert.equal(pl.entries(pl.first(plRow![word(w)]!))?.[0]?.target, 'CHN', w);
  assert.equal(ru.first(ruRow![word('Кремлевский')]!), -1, 'another word on the same root is not the name');
  assert.equal(ruRow![word('Chinami')], keyed.ids[word('Chinami')], 'a Russian stemmer leaves Latin words as they are');
});

test('where suffixes attach to the cited name (Hungarian), the name stays whole and a suffix comes off the text\'s word', () => {
  const keys = new KeyTable();
  const hu = new PhraseTrie(keys, stemmerFor('hu'));
  hu.add('Putyin', 'alias', 'vladimir-putin');
  hu.add('Egyesült Államok', 'alias', 'USA');
  const text = 'Putyint, Putyinnal, Egyesült Államokat';
  const keyed = scanKeyedWords(text, keys, undefined, [{ stemmer: hu.stemmer!, has: hu.has }]);
  const row = keyed.stems[0]!;
  const word = (w: string) => [...keyed.starts].indexOf(text.indexOf(w));
  assert.equal(hu.entries(hu.first(row[word('Putyint')]!))?.[0]?.target, 'vladimir-putin');
  assert.equal(hu.entries(hu.first(row[word('Putyinnal')]!))?.[0]?.target, 'vladimir-putin', 'an assimilated -val');
  const usa = hu.next(hu.first(row[word('Egyesült')]!), row[word('Államokat')]!);
  assert.equal(hu.entries(usa)?.[0]?.target, 'USA');
});

test('a word whose longest ending is not its own is read the other way too (Китая is Кита-я)', () => {
  const keys = new KeyTable();
  const ru = new PhraseTrie(keys, stemmerFor('ru'));
  ru.add('Китай', 'alias', 'CHN');
  ru.add('правительство Китая', 'alias', 'CHNGOV');
  const text = 'Китая';
  const keyed = scanKeyedWords(text, keys, undefined, [{ stemmer: ru.stemmer!, has: ru.has }]);
  const [stems, others] = keyed.stems;
  assert.equal(ru.first(stems![0]!), -1, 'by the longest ending, Кит-ая');
  assert.equal(ru.entries(ru.first(others![0]!))?.[0]?.target, 'CHN', 'by a shorter one, Кита-я');
});
