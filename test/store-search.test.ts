import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../src/store/index.js';
import type { Document } from '../src/model/index.js';
import { substringSnippet, queryTerms } from '../src/store/cjk.js';
import { testDocument } from './support/documents.js';

const doc = (text: string, language: string, publishedAt: string): Document =>
  testDocument(text, { language, publishedAt, retrievedAt: '2025-06-10T00:00:00Z' });

async function storeWith(docs: Document[]): Promise<Store> {
  const store = await openStore(':memory:');
  await store.documents.put(docs.map((document) => ({ document })));
  return store;
}

test('Chinese and Japanese words are found inside unspaced text, with highlighted snippets', async () => {
  const store = await storeWith([
    doc('该文件由俄罗斯联邦安全局反间谍部门编写，把中国称为敌人。', 'zh', '2025-06-09'),
    doc('ロシア連邦保安庁（FSB）の文書で、中国が「敵」と位置づけられている。', 'ja', '2025-06-08'),
    doc('The Federal Security Service calls China the enemy.', 'en', '2025-06-07'),
  ]);
  const { hits: agency } = await store.documents.search('联邦安全局', { highlight: ['[', ']'] });
  assert.equal(agency.length, 1);
  assert.equal(agency[0].language, 'zh');
  assert.match(agency[0].snippet, /俄罗斯\[联邦安全局\]反间谍/);
  const { hits: china } = await store.documents.search('中国');
  assert.deepEqual(china.map((h) => h.language), ['zh', 'ja'], 'two-character words too, newest first');
  const { hits: both } = await store.documents.search('中国 FSB');
  assert.deepEqual(both.map((h) => h.language), ['ja'], 'every term must match');
  assert.deepEqual((await store.documents.search('100%_ 中')).hits, [], 'LIKE wildcards in a query are plain characters');
  const { hits: english } = await store.documents.search('"Federal Security Service"');
  assert.deepEqual(english.map((h) => h.language), ['en']);
  await store.close();
});

test('substring snippets and query terms', () => {
  assert.deepEqual(queryTerms('中国 "Entente-4" OR 敌人'), ['中国', 'Entente-4', '敌人']);
  const text = 'x'.repeat(100) + '中国' + 'y'.repeat(200);
  const snippet = substringSnippet(text, ['中国'], ['<', '>']);
  assert.ok(snippet.startsWith('…') && snippet.endsWith('…'));
  assert.ok(snippet.includes('<中国>'));
  assert.equal(snippet, '…' + 'x'.repeat(60) + '<中国>' + 'y'.repeat(118) + '…');
});
