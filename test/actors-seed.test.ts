import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadDictionary } from '../src/actors/dictionary.js';
import { resolveActors } from '../src/actors/resolver.js';
import { sharedFile } from './support/cli.js';

const seedPath = sharedFile('corpus/seed-leaked-fsb-memo-article.txt');
const corpusPath = sharedFile('corpus/news/articles.jsonl');
const dict = loadDictionary();

test('seed article: the actors of the leaked FSB memo story', { skip: seedPath ? false : 'shared/corpus not found (set RIFT_SHARED)' }, () => {
  const text = readFileSync(seedPath!, 'utf8');
  const r = resolveActors(dict, text, { date: '2025-06-15' });
  const codesOf = (phrase: string) => r.resolutions.filter((x) => x.text === phrase).map((x) => x.code);
  const actorsOf = (phrase: string) => r.resolutions.filter((x) => x.text === phrase).map((x) => dict.get(x.actorId)!);

  assert.deepEqual(new Set(codesOf('Russian President Vladimir Putin')), new Set(['RUSGOV']));
  assert.ok(codesOf('Putin').every((c) => c === 'RUSGOV') && codesOf('Putin').length >= 1);
  assert.deepEqual(new Set(codesOf('Xi Jinping')), new Set(['CHNGOV']));
  const fsb = actorsOf('FSB');
  assert.ok(fsb.length >= 3 && fsb.every((a) => a.id === fsb[0]!.id && a.kind === 'agency'));
  assert.deepEqual(new Set(codesOf('FSB')), new Set(['RUSSPY']));
  assert.equal(actorsOf('Federal Security Service')[0]?.id, fsb[0]!.id);
  assert.ok(codesOf('Beijing').length >= 4 && codesOf('Beijing').every((c) => c === 'CHNGOV'));
  assert.ok(codesOf('Moscow').length >= 2 && codesOf('Moscow').every((c) => c === 'RUSGOV'));
  assert.deepEqual(codesOf('Kremlin'), ['RUSGOV']);
  assert.equal(actorsOf('NATO')[0]?.kind, 'igo');
  const ares = actorsOf('Ares Leaks');
  assert.ok(ares.length === 2 && ares.every((a) => a.kind === 'group' && !a.country));
  assert.equal(actorsOf('Western intelligence')[0]?.kind, 'group');
  assert.deepEqual(codesOf('Chinese operatives'), ['CHNSPY']);
  assert.deepEqual(codesOf('Russian scientists'), ['RUSEDU']);
  assert.deepEqual(codesOf('Moscow’s security elite'), ['RUSSPY']);
});

test('corpus: ФСБ in Russian reports and 俄联邦安全局 in Chinese ones are the same agency as FSB', { skip: corpusPath ? false : 'shared/corpus not found (set RIFT_SHARED)' }, () => {
  const fsbId = dict.lookup('FSB')[0]!.id;
  let ru = 0;
  let zh = 0;
  for (const line of readFileSync(corpusPath!, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const article = JSON.parse(line) as { text: string; lang: string; date?: string | null };
    const r = resolveActors(dict, article.text, { date: article.date ?? '2025-06-15' });
    for (const res of r.resolutions) {
      if (/^ФСБ/.test(res.text) && article.lang === 'ru') (ru++, assert.equal(res.actorId, fsbId, res.text));
      if (/^(俄罗斯|俄)联邦安全局$/.test(res.text) && article.lang === 'zh') (zh++, assert.equal(res.actorId, fsbId, res.text));
    }
  }
  assert.ok(ru >= 3, `ФСБ resolved ${ru} times`);
  assert.ok(zh >= 2, `俄联邦安全局 resolved ${zh} times`);
});
