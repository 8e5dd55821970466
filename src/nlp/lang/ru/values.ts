// Numbers, amounts and times in Russian text: "240 млрд долларов", "1,5 трлн руб.", "5%", "9 июня 2025 года",
// "в конце 2023 или начале 2024 года", "в прошлом году". One scan of the text per kind with a regular
// expression; a match costs an object, the text between matches nothing.

import type { Quantity, TimeExpression } from '../../../model/index.js';
import { dayNumber, monthEnd, monthOf, monthStart, parseDocumentDate, yearOf } from '../../time/calendar.js';
import {
  EARLY, FIRST_HALF, LATE, MID, SECOND_HALF, WHOLE_YEAR, plausibleYear, precisionOf, quarterPart, timeExpression, yearOfMonth, yearRange,
  relativeTime, type RelativeUnit, type YearPart,
} from '../periods.js';

const B = '(?<![\\p{L}\\p{N}])'; // no letter or digit right before
const E = '(?![\\p{L}\\p{N}])'; // none right after

const MONTH = (name: string): string =>
  `(?<${name}>январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])`;
const MONTH_STEMS = ['янв', 'фев', 'мар', 'апр', 'ма', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];
const PART = (name: string): string =>
  `(?:(?:в|во|к)\\s+)?(?<${name}>начал[аеоу]|конц[аеу]|конец|середин[аеуы]|(?:перв|втор)(?:ой|ую|ая)\\s+половин[аеуы])`;
const YEAR_WORD = '(?:\\s*(?:год(?:а|у|ом|ах|ы|ов)?|гг?\\.))';

const TIME = new RegExp(
  [
    // 2025-06-09 · 09.06.2025
    `${B}(?:(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})|(?<nd>\\d{1,2})\\.(?<nm>\\d{2})\\.(?<ny>\\d{4}))${E}`,
    // 9 июня 2025 года · 9 июня
    `${B}(?<d>\\d{1,2})\\s+${MONTH('dm')}(?:\\s+(?<dy>\\d{4})${YEAR_WORD}?)?${E}`,
    // в первом квартале 2024 года
    `${B}(?<q>перв|втор|трет|четв[её]рт)[а-я]*\\s+квартал[а-я]*\\s+(?<qy>\\d{4})${YEAR_WORD}?${E}`,
    // в конце 2023 или начале 2024 года · в 2019–2022 годах · в 2023 году
    `${B}(?:${PART('p1')}\\s+)?(?<y>\\d{4})(?:(?:\\s*[-–—]\\s*|\\s+(?:или|и|по|до)\\s+(?:${PART('p2')}\\s+)?)(?<y2>\\d{4}))?(?<yw>${YEAR_WORD})?${E}`,
    // в феврале 2022 года · февраль 2022
    `${B}${MONTH('mm')}\\s+(?<my>\\d{4})${YEAR_WORD}?${E}`,
    // вчера · в прошлом году · на прошлой неделе
    `${B}(?<rel>позавчера|вчера|сегодня|завтра|(?:в\\s+)?(?:прошлом|этом|текущем|следующем|будущем)\\s+(?:году|месяце)|(?:на\\s+)?(?:прошлой|этой|следующей)\\s+неделе)${E}`,
    // в мае
    `${B}(?:в|во)\\s+${MONTH('bm')}${E}(?!\\s+\\d)`,
  ].join('|'),
  'giu',
);

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  for (let m = 0; m < 12; m++) if (w.startsWith(MONTH_STEMS[m]!)) return m + 1;
  return 0;
}

function partOf(word: string | undefined): YearPart {
  if (!word) return WHOLE_YEAR;
  const w = word.toLowerCase();
  if (w.startsWith('начал')) return EARLY;
  if (w.startsWith('кон')) return LATE;
  if (w.startsWith('серед')) return MID;
  return w.startsWith('перв') ? FIRST_HALF : SECOND_HALF;
}

const YEAR_PREPOSITION = /(?:^|[^\p{L}])(?:в|во|с|со|до|к|после|от|по|между|около)\s+$/iu;

/** Times in Russian text, resolved against the document's day (YYYY-MM-DD). */
export function extractRussianTimes(text: string, documentDay: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  const today = parseDocumentDate(documentDay);
  const known = !Number.isNaN(today);
  const docYear = known ? yearOf(today) : NaN;
  const docMonth = known ? monthOf(today) : NaN;
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m; m = TIME.exec(text)) {
    const g = m.groups!;
    let start = m.index;
    const end = start + m[0].length;
    if (g.iy !== undefined || g.ny !== undefined) {
      const year = +(g.iy ?? g.ny)!;
      const month = +(g.im ?? g.nm)!;
      const day = +(g.id ?? g.nd)!;
      if (!plausibleYear(year) || month < 1 || month > 12 || day < 1 || day > 31) continue;
      const n = dayNumber(year, month, day);
      out.push(timeExpression(text, start, end, n, n, 'day'));
    } else if (g.d !== undefined) {
      const month = monthNumber(g.dm!);
      const year = g.dy !== undefined ? +g.dy : known ? yearOfMonth(month, docYear, docMonth) : NaN;
      const day = +g.d;
      if (!month || !plausibleYear(year) || day < 1 || day > 31) continue;
      const n = dayNumber(year, month, day);
      out.push(timeExpression(text, start, end, n, n, 'day'));
    } else if (g.q !== undefined) {
      const q = g.q.toLowerCase();
      const quarter = q.startsWith('перв') ? 1 : q.startsWith('втор') ? 2 : q.startsWith('трет') ? 3 : 4;
      const year = +g.qy!;
      if (!plausibleYear(year)) continue;
      const part = quarterPart(quarter);
      out.push(timeExpression(text, start, end, monthStart(year, part[0]), monthEnd(year, part[1]), 'quarter'));
    } else if (g.y !== undefined) {
      const year = +g.y;
      const toYear = g.y2 !== undefined ? +g.y2 : year;
      const partWord = g.p1;
      const toPartWord = g.p2;
      // A bare four-digit number is a year only with "год", a part word or a preposition of time before it.
      if (!g.yw && !partWord && !YEAR_PREPOSITION.test(text.slice(Math.max(0, start - 12), start))) continue;
      if (!plausibleYear(year) || !plausibleYear(toYear) || toYear < year || toYear - year > 50) continue;
      const part = partOf(partWord);
      const toPart = g.y2 !== undefined ? partOf(toPartWord) : part;
      const [from, to] = yearRange(year, part, toYear, toPart);
      out.push(timeExpression(text, start, end, from, to, precisionOf(part, toPart, year === toYear)));
    } else if (g.my !== undefined) {
      const month = monthNumber(g.mm!);
      const year = +g.my;
      if (!month || !plausibleYear(year)) continue;
      out.push(timeExpression(text, start, end, monthStart(year, month), monthEnd(year, month), 'month'));
    } else if (g.rel !== undefined) {
      if (!known) continue;
      const r = g.rel.toLowerCase().replace(/\s+/g, ' ');
      if (r.startsWith('в ') || r.startsWith('на ')) start += r.indexOf(' ') + 1; // the preposition is not the time
      const shift = /прошл/.test(r) ? -1 : /следующ|будущ/.test(r) ? 1 : 0;
      const unit: RelativeUnit = r.endsWith('году') ? 'year' : r.endsWith('месяце') ? 'month' : r.endsWith('неделе') ? 'week' : 'day';
      const days = r === 'позавчера' ? -2 : r === 'вчера' ? -1 : r === 'завтра' ? 1 : 0;
      out.push(relativeTime(text, start, end, today, unit, unit === 'day' ? days : shift));
    } else {
      if (!known) continue;
      const month = monthNumber(g.bm!);
      if (!month) continue;
      const y = yearOfMonth(month, docYear, docMonth);
      start = m.index + m[0].search(/\s/) + 1;
      while (/\s/.test(text[start]!)) start++;
      out.push(timeExpression(text, start, end, monthStart(y, month), monthEnd(y, month), 'month'));
    }
  }
  return out;
}

const NUMBER = '(?<num>\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?!\\d)|\\d+)(?<frac>[.,]\\d+)?';
const NUMBER_WORD =
  '(?<word>один|одна|одно|одного|два|две|двух|три|тр[её]х|четыре|четыр[её]х|пять|пяти|шесть|шести|семь|семи|восемь|восьми|девять|девяти|десять|десяти|сто|двести|триста|полтора|полторы)';
const SCALE = '(?<scale>тыс(?:\\.|яч[а-я]*)?|млн\\.?|миллион[а-я]*|млрд\\.?|миллиард[а-я]*|трлн\\.?|триллион[а-я]*)';
const CURRENCY = '(?<cur>долл(?:\\.|ар[а-я]*)?(?:\\s+США)?|руб(?:\\.|л[а-я]*)?|евро|юан[а-я]*|иен[а-я]*|фунт[а-я]*\\s+стерлингов|USD|RUB|EUR|CNY)';
const SYMBOL = '(?<sym>[$€₽¥£])';
const PERCENT = '(?<pct>%|процент[а-я]*|проц\\.)';
const UNIT = '(?<unit>тонн[а-я]*|т\\.|баррел[а-я]*|км|километр[а-я]*|кубометр[а-я]*|куб\\.\\s?м)';

const QUANTITY = new RegExp(
  `(?:${SYMBOL}\\s?)?${B}(?:${NUMBER}|${NUMBER_WORD})(?:\\s*${SCALE})?(?:\\s*(?:${CURRENCY}${E}|${PERCENT}|${UNIT}(?![\\p{L}\\p{N}]))|(?=[^\\p{L}\\p{N}]|$))`,
  'giu',
);

const WORD_VALUES: Record<string, number> = {
  один: 1, одна: 1, одно: 1, одного: 1, два: 2, две: 2, двух: 2, три: 3, трех: 3, трёх: 3, четыре: 4, четырех: 4, четырёх: 4,
  пять: 5, пяти: 5, шесть: 6, шести: 6, семь: 7, семи: 7, восемь: 8, восьми: 8, девять: 9, девяти: 9, десять: 10, десяти: 10,
  сто: 100, двести: 200, триста: 300, полтора: 1.5, полторы: 1.5,
};

function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  const w = word.toLowerCase();
  if (w.startsWith('тыс')) return 1e3;
  if (w.startsWith('млн') || w.startsWith('миллион')) return 1e6;
  if (w.startsWith('млрд') || w.startsWith('миллиард')) return 1e9;
  return 1e12;
}

function currencyOf(word: string | undefined, symbol: string | undefined): string | undefined {
  if (symbol) return symbol === '$' ? 'USD' : symbol === '€' ? 'EUR' : symbol === '₽' ? 'RUB' : symbol === '£' ? 'GBP' : 'CNY';
  if (!word) return undefined;
  const w = word.toLowerCase();
  if (w.startsWith('долл') || w === 'usd') return 'USD';
  if (w.startsWith('руб') || w === 'rub') return 'RUB';
  if (w.startsWith('евро') || w === 'eur') return 'EUR';
  if (w.startsWith('юан') || w === 'cny') return 'CNY';
  if (w.startsWith('иен')) return 'JPY';
  return 'GBP';
}

function unitOf(word: string): string {
  const w = word.toLowerCase();
  if (w.startsWith('т')) return 'tonnes';
  if (w.startsWith('барр')) return 'barrels';
  if (w.startsWith('к') && !w.startsWith('куб')) return 'km';
  return 'm3';
}

/** "240 000" → 240000, "1,5" → 1.5 (a comma before one or two digits, or any not three, is a decimal comma). */
function numberValue(whole: string, frac: string | undefined): number {
  let n = 0;
  for (let k = 0; k < whole.length; k++) {
    const c = whole.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) n = n * 10 + (c - 0x30);
  }
  if (!frac) return n;
  const digits = frac.slice(1);
  if (frac[0] === ',' && digits.length === 3 && whole.length <= 3) return n * 1000 + +digits; // 240,000 written the English way
  return n + +digits / 10 ** digits.length;
}

/**
 * Numbers, money and percentages in Russian text. Numbers inside `times` (years, days of dates) are
 * left to them; a lone number word counts only with a scale, a currency or a percent sign.
 */
export function extractRussianQuantities(text: string, times: readonly TimeExpression[] = []): Quantity[] {
  const out: Quantity[] = [];
  let t = 0;
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const g = m.groups!;
    let end = m.index + m[0].length;
    while (end > m.index && /\s/.test(text[end - 1]!)) end--;
    const start = m.index;
    while (t < times.length && times[t]!.end <= start) t++;
    if (t < times.length && times[t]!.start < end) continue;
    const base = g.word !== undefined ? WORD_VALUES[g.word.toLowerCase()]! : numberValue(g.num!, g.frac);
    if (g.word !== undefined && !g.scale && !g.cur && !g.pct && !g.sym && !g.unit) continue;
    const value = base * scaleOf(g.scale);
    const unit = currencyOf(g.cur, g.sym);
    const rounded = Math.round(value * 1e6) / 1e6;
    if (unit) out.push({ start, end, text: text.slice(start, end), kind: 'MONEY', value: rounded, unit });
    else if (g.unit) out.push({ start, end, text: text.slice(start, end), kind: 'QUANTITY', value: rounded, unit: unitOf(g.unit) });
    else if (g.pct) out.push({ start, end, text: text.slice(start, end), kind: 'PERCENT', value: rounded });
    else out.push({ start, end, text: text.slice(start, end), kind: 'NUMBER', value: rounded });
  }
  return out;
}
