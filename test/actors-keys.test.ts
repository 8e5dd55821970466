import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeyTable } from '../src/actors/key-table.js';
import { phraseKeyIds, scanKeyedWords, scanWords } from '../src/actors/words.js';

test('keyed scan finds the words scanWords finds, with one id per key and -1 for keys no phrase has', () => {
  const keys = new KeyTable();
  const [erdogan, putin] = phraseKeyIds('Erdogan Путин', keys);
  const [kremlin] = phraseKeyIds('Кремль', keys);
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
  assert.equal(idOf('путин'), putin, 'a Russian case ending comes off');
  assert.equal(keyed.ids[[...keyed.starts].indexOf(text.indexOf('Кремлю'))], kremlin, 'so does a Russian one on another word');
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
