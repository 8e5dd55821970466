import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadDictionary } from '../src/actors/dictionary.js';
import { resolveActors } from '../src/actors/resolver.js';
import { evaluateLanguageReports } from '../src/actors/evaluate-languages.js';
import type { CorpusExpectations, CorpusReport } from '../src/actors/evaluate-languages.js';
import { settleLanguage } from '../src/ingest/language.js';
import { sharedFile } from './support/cli.js';

const dict = loadDictionary();
const corpusPath = sharedFile('corpus/news/articles.jsonl');
// the fixture lies in the source tree, beside this test's source (dist/test → test/fixtures)
const expectations = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../test/fixtures/actors/corpus-languages.json', import.meta.url)), 'utf8'),
) as CorpusExpectations;

function resolved(text: string, language: string | undefined, date = '2025-06-15') {
  return resolveActors(dict, text, { date, language }).resolutions.map((r) => `${r.text}→${r.actorId}`);
}

test('non-English reports of the corpus: China, Russia, Beijing, Moscow, Putin and Xi resolve wherever the text names them', { skip: corpusPath ? false : 'shared/corpus not found (set RIFT_SHARED)' }, async () => {
  const reports: CorpusReport[] = [];
  for (const line of readFileSync(corpusPath!, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as Omit<CorpusReport, 'language'>;
    if (!expectations.reports[record.id]) continue;
    const report: CorpusReport = { ...record, language: undefined };
    await settleLanguage(report); // as the pipeline does: the detector's language, not the corpus's label
    reports.push(report);
  }
  assert.equal(reports.length, Object.keys(expectations.reports).length, 'every report the expectations list is in the corpus');
  const scores = evaluateLanguageReports(dict, reports, expectations);
  assert.deepEqual(scores.missed, [], 'expected actors that did not resolve (report:actor)');
  assert.ok(Object.keys(scores.byLanguage).length >= 15, 'the reports span the corpus\'s languages');
});

test('a capital, a country and a leader in Italian, French, Polish and Spanish resolve in their own language', () => {
  assert.deepEqual(resolved('Mosca e Pechino firmano; la Cina e la Russia, il Cremlino tace.', 'it'), [
    'Mosca→RUSGOV', 'Pechino→CHNGOV', 'Cina→CHN', 'Russia→RUS', 'Cremlino→RUSGOV',
  ]);
  assert.deepEqual(resolved('Pékin accuse Moscou ; Poutine répond à la Chine.', 'fr'), ['Pékin→CHNGOV', 'Moscou→RUSGOV', 'Poutine→vladimir-putin', 'Chine→CHN']);
  assert.deepEqual(resolved('Chiny i Rosja. Pekin ostrzega Moskwę.', 'pl'), ['Chiny→CHN', 'Rosja→RUS', 'Pekin→CHNGOV', 'Moskwę→RUSGOV']);
  assert.deepEqual(resolved('Pekín y Moscú', 'es'), ['Pekín→CHNGOV', 'Moscú→RUSGOV']);
});

test('a Latin-script name of another language matches only in that language\'s documents', () => {
  assert.deepEqual(resolved('Pechino e Mosca', 'en'), [], 'Italian names in an English text');
  assert.deepEqual(resolved('Pechino e Mosca', undefined), [], 'nor where the language is unknown');
  // French "Maurice" is Mauritius; in English it is a first name
  assert.ok(resolved('Maurice est une île.', 'fr').includes('Maurice→MUS'));
  assert.ok(!resolved('Maurice said so.', 'en').some((r) => r.endsWith('→MUS')));
});

test('inflected forms match by stem in the language that inflects them, and only there', () => {
  assert.deepEqual(resolved('Współpraca z Chinami, granica Chin, wizyta w Chinach, rozmowa Putina z Xi Jinpingiem.', 'pl'), [
    'Chinami→CHN', 'Chin→CHN', 'Chinach→CHN', 'Putina→vladimir-putin', 'Xi Jinpingiem→xi-jinping',
  ]);
  assert.deepEqual(resolved('Китаем, Китая и Путиным', 'ru'), ['Китаем→CHN', 'Китая→CHN', 'Путиным→vladimir-putin']);
  assert.deepEqual(resolved('Росії, Росією і Китаєм', 'uk'), ['Росії→RUS', 'Росією→RUS', 'Китаєм→CHN']);
  assert.deepEqual(resolved('Chinas Präsident und Putins Berater', 'de'), ['Chinas→CHN', 'Putins→vladimir-putin']);
  assert.deepEqual(resolved('Kínával és Oroszországgal tárgyalt Putyin.', 'hu'), ['Kínával→CHN', 'Oroszországgal→RUS', 'Putyin→vladimir-putin']);
  assert.deepEqual(resolved('Chinami', 'cs'), [], 'Polish endings are not Czech ones');
});

test('traditional Chinese characters meet simplified names', () => {
  assert.deepEqual(resolved('俄國聯邦安全局認為中國是敵人，習近平與普京會晤。', 'zh'), [
    '俄國聯邦安全局→rus-fsb', '中國→CHN', '習近平→xi-jinping', '普京→vladimir-putin',
  ]);
});

test('a short foreign word does not pass for a long name', () => {
  // Icelandic "Rússa" (of the Russians) is not Ignazio La Russa, on any date
  for (const date of ['2010-06-01', '2025-06-15']) {
    for (const language of ['is', undefined]) {
      const found = resolved('Leyniþjónusta Rússa grunar Kínverja um njósnir.', language, date);
      assert.ok(!found.some((r) => r.includes('russa')), `${language} ${date}: ${found}`);
    }
  }
  assert.ok(resolved('Leyniþjónusta Rússa grunar Kínverja um njósnir.', 'is').includes('Rússa→RUS'), 'in Icelandic it names the Russians');
  // a surname keeps its particle: "La Russa" still names him
  assert.ok(resolved('Il presidente del Senato La Russa ha parlato.', 'it', '2010-06-01').includes('La Russa→ignazio-la-russa'));
  // a bare surname the text also writes in lower case is the text's word (Italian "guerra", war)
  assert.deepEqual(resolved('La Guerra Fredda e la guerra delle spie tra Stati Uniti e Cina.', 'it', '2009-06-01').filter((r) => /guerra/i.test(r)), []);
  // a katakana name inside a longer katakana word (タイ, Thailand, in タイムズ, Times)
  assert.ok(!resolved('ニューヨーク・タイムズが報じた。', 'ja').some((r) => r.endsWith('→THA')));
  assert.ok(resolved('タイと中国', 'ja').includes('タイ→THA'));
});
