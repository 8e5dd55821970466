import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSearchQuery, parseSearchQuery, positiveTerms, SearchQueryError, MAX_QUERY_CHARS } from '../src/store/fts-query.js';
import { toFts5Match, toLikeCondition } from '../src/store/sqlite/fts5-query.js';
import { openStore } from '../src/store/index.js';
import { seededRandom } from '../src/nlp/train/random.js';
import { testDocument } from './support/server.js';

const shape = (q: string) => formatSearchQuery(parseSearchQuery(q));

test('words must all match; phrases, prefixes and punctuation inside words are kept as typed', () => {
  assert.equal(shape('oil pipeline'), '(oil AND pipeline)');
  assert.equal(shape('"joint patrol" Entente-4 U.S.'), '("joint patrol" AND Entente-4 AND U.S.)');
  assert.equal(shape('sanction*'), 'sanction*');
  assert.equal(shape('ab*'), 'ab', 'a prefix of two letters matches too much of the index: a word');
  assert.equal(shape('"unclosed phrase'), '"unclosed phrase"');
  assert.equal(shape('  "spaced \t out"  '), '"spaced out"');
});

test('AND, OR and NOT are operators between two operands, and words elsewhere', () => {
  assert.equal(shape('oil OR gas'), '(oil OR gas)');
  assert.equal(shape('oil AND gas'), '(oil AND gas)');
  assert.equal(shape('oil NOT gas'), '(oil NOT gas)');
  assert.equal(shape('oil gas NOT Russia OR coal'), '((oil AND (gas NOT Russia)) OR coal)');
  assert.equal(shape('NOT'), 'NOT');
  assert.equal(shape('OR'), 'OR');
  assert.equal(shape('AND'), 'AND');
  assert.equal(shape('oil OR'), '(oil AND OR)');
  assert.equal(shape('NOT oil'), '(NOT AND oil)');
  assert.equal(shape('oil OR OR gas'), '(oil OR (OR AND gas))');
  assert.equal(shape('or and not'), '(or AND and AND not)', 'only capitals are operators');
  assert.equal(shape('(oil OR gas) NOT Russia'), '((oil OR gas) NOT Russia)');
  assert.equal(shape('(oil OR gas'), '(oil OR gas)', 'an unclosed parenthesis closes at the end');
  assert.equal(shape('oil) gas ('), '(oil AND gas)', 'stray parentheses are skipped');
  assert.equal(shape('oil NOT ---'), 'oil', 'an exclusion without words excludes nothing');
});

test('a query with nothing to search for, or too much, is a SearchQueryError that says why', () => {
  for (const q of ['', '   ', '\u0000', '---', '""', '()', '* * *', '\u200b', '😀']) {
    assert.throws(() => parseSearchQuery(q), (err: Error) => err instanceof SearchQueryError && /no words to search for/.test(err.message), JSON.stringify(q));
  }
  assert.throws(() => parseSearchQuery('--- NOT gas'), /only says what to leave out/);
  assert.throws(() => parseSearchQuery('x'.repeat(MAX_QUERY_CHARS + 1)), /at most 1,000 are searched/);
  assert.throws(() => parseSearchQuery(Array.from({ length: 65 }, (_, i) => `w${i}`).join(' ')), /at most 64/);
  assert.match((() => { try { parseSearchQuery('\u0000\u0001'); } catch (e) { return (e as Error).message; } return ''; })(), /\\u0000\\u0001/, 'control characters are shown escaped');
});

test('FTS5 rendering quotes every term, so its punctuation is never FTS5 syntax', () => {
  assert.equal(toFts5Match(parseSearchQuery('oil OR "gas leak" NOT col:umn*')), '("oil" OR ("gas leak" NOT "col:umn" *))');
  assert.equal(toFts5Match({ kind: 'term', text: 'say "no"' }), '"say ""no"""');
  assert.equal(toFts5Match(parseSearchQuery('a\u0000b')), '("a" AND "b")', 'a NUL is a space');
  const like = toLikeCondition(parseSearchQuery('中国 NOT 100%_'), 't');
  assert.equal(like.sql, "(t LIKE ? ESCAPE '\\' AND NOT t LIKE ? ESCAPE '\\')");
  assert.deepEqual(like.params, ['%中国%', '%100\\%\\_%']);
  assert.deepEqual(positiveTerms(parseSearchQuery('(a OR "b c") NOT d')), ['a', 'b c']);
});

test('any string either parses into a query SQLite runs, or is refused with a SearchQueryError (seeded fuzz)', async () => {
  const store = await openStore(':memory:');
  await store.documents.put([
    { document: testDocument('Moscow said the oil pipeline would not reopen, or not soon.') },
    { document: testDocument('俄罗斯联邦安全局把中国称为敌人。') },
  ]);
  const random = seededRandom(16);
  const pieces = ['AND', 'OR', 'NOT', '(', ')', '"', '*', 'oil', 'Moscow', 'not', '中国', '-', ':', '^', '\u0000', ' ', '  ', 'NEAR', '{', '}', '+', "'", '\\', 'é', '\ud800'];
  try {
    for (let i = 0; i < 3000; i++) {
      const q = Array.from({ length: 1 + Math.floor(random() * 8) }, () => pieces[Math.floor(random() * pieces.length)]).join(random() < 0.5 ? ' ' : '');
      try {
        const { total, hits } = await store.documents.search(q);
        assert.ok(total >= hits.length, q);
      } catch (err) {
        assert.ok(err instanceof SearchQueryError, `${JSON.stringify(q)}: ${(err as Error).message}`);
      }
    }
  } finally {
    await store.close();
  }
});
