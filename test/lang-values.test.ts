import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractRussianQuantities, extractRussianTimes } from '../src/nlp/lang/ru/values.js';
import { extractChineseQuantities, extractChineseTimes } from '../src/nlp/lang/zh/values.js';
import { chineseNumeralValue } from '../src/nlp/lang/zh/numerals.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize, tokenTexts } from '../src/nlp/tokenizer.js';

const DAY = '2025-06-09';
const times = (found: { text: string; from: string; to: string }[]) => found.map((t) => `${t.text}: ${t.from}..${t.to}`);
const amounts = (found: { text: string; kind: string; value: number; unit?: string }[]) => found.map((q) => `${q.text}: ${q.kind} ${q.value}${q.unit ? ' ' + q.unit : ''}`);

function russian(text: string) {
  const t = extractRussianTimes(text, DAY);
  return { times: times(t), amounts: amounts(extractRussianQuantities(text, t)) };
}

function chinese(text: string) {
  const t = extractChineseTimes(text, DAY);
  return { times: times(t), amounts: amounts(extractChineseQuantities(text, t)) };
}

test('Russian money: scale words and abbreviations, currency words and signs, decimal commas, spaced thousands', () => {
  assert.deepEqual(russian('Товарооборот достиг 240 млрд долларов, а рост составил 26,3%.').amounts, [
    '240 млрд долларов: MONEY 240000000000 USD', '26,3%: PERCENT 26.3',
  ]);
  assert.deepEqual(russian('Сделка на 1,5 трлн руб. и ещё $25 млн; поставки — 240 000 тонн, два миллиарда рублей.').amounts, [
    '1,5 трлн руб.: MONEY 1500000000000 RUB', '$25 млн: MONEY 25000000 USD', '240 000 тонн: QUANTITY 240000 tonnes', 'два миллиарда рублей: MONEY 2000000000 RUB',
  ]);
  assert.deepEqual(russian('один из шести агентств').amounts, [], 'a lone number word is no amount');
});

test('Russian times: dates, parts of years and their ranges, quarters, months, relative days and years', () => {
  assert.deepEqual(russian('документ был написан в конце 2023 или начале 2024 года').times, ['в конце 2023 или начале 2024 года: 2023-09-01..2024-04-30']);
  assert.deepEqual(russian('9 июня 2025 года; 2025-06-01 и 02.09.2025').times, ['9 июня 2025 года: 2025-06-09..2025-06-09', '2025-06-01: 2025-06-01..2025-06-01', '02.09.2025: 2025-09-02..2025-09-02']);
  assert.deepEqual(russian('в феврале 2022 года, в мае и в прошлом году').times, [
    'феврале 2022 года: 2022-02-01..2022-02-28', 'мае: 2025-05-01..2025-05-31', 'прошлом году: 2024-01-01..2024-12-31',
  ]);
  assert.deepEqual(russian('в 2019–2022 годах; во второй половине 2024 г.; в первом квартале 2024 года').times, [
    '2019–2022 годах: 2019-01-01..2022-12-31', 'во второй половине 2024 г.: 2024-07-01..2024-12-31', 'первом квартале 2024 года: 2024-01-01..2024-03-31',
  ]);
  assert.deepEqual(russian('В 2023 году 3 встречи').amounts, ['3: NUMBER 3'], 'a year is a time, not a number');
  assert.deepEqual(russian('код 2024 и 1500 человек').times, [], 'a bare four-digit number is a year only after a preposition of time or before год');
});

test('Chinese numerals: units, large units, digit-by-digit years', () => {
  const value = (s: string) => chineseNumeralValue(s, 0, s.length);
  assert.equal(value('二千四百'), 2400);
  assert.equal(value('三亿五千万'), 350_000_000);
  assert.equal(value('一万亿'), 1e12);
  assert.equal(value('十五'), 15);
  assert.equal(value('二零二三'), 2023);
  assert.ok(Number.isNaN(value('中国')));
});

test('Chinese money, percentages and counts, simplified and traditional; ordinals and 一个 are no numbers', () => {
  assert.deepEqual(chinese('双边贸易额达到2400亿美元，增长26.3%。').amounts, ['2400亿美元: MONEY 240000000000 USD', '26.3%: PERCENT 26.3']);
  assert.deepEqual(chinese('三千五百亿元人民币，1.5万亿卢布，100万吨石油，百分之五').amounts, [
    '三千五百亿元: MONEY 350000000000 CNY', '1.5万亿卢布: MONEY 1500000000000 RUB', '100万吨: QUANTITY 1000000 tonnes', '百分之五: PERCENT 5',
  ]);
  assert.deepEqual(chinese('雙邊貿易額達2400億美元').amounts, ['2400億美元: MONEY 240000000000 USD']);
  assert.deepEqual(chinese('分享给了六家情报机构，第七处，一个单位').amounts, ['六家: NUMBER 6']);
});

test('Chinese times: full and partial dates, parts of years and their ranges, relative words', () => {
  assert.deepEqual(chinese('该文件应该是在二零二三年末至二零二四年初起草的').times, ['二零二三年末至二零二四年初: 2023-09-01..2024-04-30']);
  assert.deepEqual(chinese('2025年6月9日，6月1日，2023-03-20').times, ['2025年6月9日: 2025-06-09..2025-06-09', '6月1日: 2025-06-01..2025-06-01', '2023-03-20: 2023-03-20..2023-03-20']);
  assert.deepEqual(chinese('上个月在莫斯科；去年；2024年上半年').times, ['上个月: 2025-05-01..2025-05-31', '去年: 2024-01-01..2024-12-31', '2024年上半年: 2024-01-01..2024-06-30']);
  assert.deepEqual(chinese('2024年中，双方会晤').times, ['2024年中: 2024-05-01..2024-08-31'], '年中 is mid-year');
  assert.deepEqual(chinese('2023年中俄贸易额；2022年中国经济').times, ['2023年: 2023-01-01..2023-12-31', '2022年: 2022-01-01..2022-12-31'], '中 that opens a name is no mid-year');
});

test('Chinese and Japanese sentences end at the full-width 。！？, with the closing quote', () => {
  const text = '文件称中国为“敌人。”克里姆林宫拒绝置评！这是真的吗？是的';
  const sentences = splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(sentences, ['文件称中国为“敌人。”', '克里姆林宫拒绝置评！', '这是真的吗？', '是的']);
});

test('Russian abbreviations: amounts and titles keep their period; a sentence ends after one only before a word that starts sentences', () => {
  const split = (text: string) => splitSentences(text, tokenize(text)).map((s) => text.slice(s.start, s.end));
  assert.deepEqual(split('Встреча состоялась 9 июня 2025 г. Её итоги подвели в Кремле.'), ['Встреча состоялась 9 июня 2025 г.', 'Её итоги подвели в Кремле.']);
  assert.deepEqual(split('В 2023 г. Китай и Россия подписали договор и т. д. В Москве прошли переговоры.'), [
    'В 2023 г. Китай и Россия подписали договор и т. д.', 'В Москве прошли переговоры.',
  ]);
  assert.deepEqual(split('Проф. Иванов и ген. Герасимов сказали, что В. В. Путин прав. См. ст. 5 УК РФ.'), [
    'Проф. Иванов и ген. Герасимов сказали, что В. В. Путин прав.', 'См. ст. 5 УК РФ.',
  ]);
  const text = 'товарооборот достиг 240 млрд. долл. Это рекорд.';
  const tokens = tokenize(text);
  assert.ok(tokenTexts(text, tokens).includes('млрд.') && tokenTexts(text, tokens).includes('долл.'));
  assert.deepEqual(russian(text).amounts, ['240 млрд. долл.: MONEY 240000000000 USD']);
});
