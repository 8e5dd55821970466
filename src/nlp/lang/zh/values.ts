// Numbers, amounts and times in Chinese text (simplified and traditional): "2400亿美元", "百分之五", "5%",
// "2025年6月9日", "二零二三年末至二零二四年初", "上个月", "去年".

import type { Quantity, TimeExpression } from '../../../model/index.js';
import { dayNumber, monthEnd, monthOf, monthStart, parseDocumentDate, yearOf } from '../../time/calendar.js';
import {
  EARLY, FIRST_HALF, LATE, MID, SECOND_HALF, WHOLE_YEAR, plausibleYear, precisionOf, quarterPart, timeExpression, yearOfMonth, yearRange,
  relativeTime, type RelativeUnit, type YearPart,
} from '../periods.js';
import { arabicValue, chineseNumeralValue, scaleFactor } from './numerals.js';

const ARABIC = '[0-9０-９]';
const YEAR = `(?:${ARABIC}{4}|[零〇一二三四五六七八九]{4})`;
const MONTH = `(?:${ARABIC}{1,2}|十[一二]?|[一二三四五六七八九])`;
const DAY = `(?:${ARABIC}{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])`;
// 中 after 年 is mid-year only when it does not start a name: "2023年中俄贸易" is 2023 and Sino-Russian trade,
// "2023年中国" 2023 and China (中 opens the short names of China and of the pairs it is in).
const PART = '(?:初|底|末|中(?![国國俄美日欧歐印非方共亚亞韩韓英法德朝越巴澳加东東西南北外])|上半年|下半年|前半年|后半年|後半年|第[一二三四1-4]季度)';

const TIME = new RegExp(
  [
    `(?<![0-9])(?<iy>[0-9]{4})[-/.](?<im>[0-9]{1,2})[-/.](?<id>[0-9]{1,2})(?![0-9])`,
    `(?<y>${YEAR})年(?<m>${MONTH})月(?:(?<d>${DAY})[日号號])?`,
    `(?<!${ARABIC}|[零〇一二三四五六七八九十])(?<m2>${MONTH})月(?:(?<d2>${DAY})[日号號])?`,
    `(?<y1>${YEAR})年(?<p1>${PART})?(?:(?:至|到|或|和|－|-|—|–|～|~)(?<y2>${YEAR})年(?<p2>${PART})?)?`,
    '(?<rel>前年|去年|今年|明年|上个月|上個月|上月|本月|下个月|下個月|前天|昨天|昨日|今天|今日|明天|上周|上週|本周|本週|下周|下週)',
  ].join('|'),
  'g',
);

function numeral(s: string): number {
  const v = chineseNumeralValue(s, 0, s.length);
  return Number.isNaN(v) ? arabicValue(s, 0, s.length) : v;
}

function partOf(p: string | undefined): YearPart {
  if (!p) return WHOLE_YEAR;
  if (p === '初') return EARLY;
  if (p === '底' || p === '末') return LATE;
  if (p === '中') return MID;
  if (p.startsWith('第')) return quarterPart(numeral(p[1]!));
  return p[0] === '上' || p[0] === '前' ? FIRST_HALF : SECOND_HALF;
}

/** Times in Chinese text, resolved against the document's day (YYYY-MM-DD). */
export function extractChineseTimes(text: string, documentDay: string): TimeExpression[] {
  const out: TimeExpression[] = [];
  const today = parseDocumentDate(documentDay);
  const known = !Number.isNaN(today);
  const docYear = known ? yearOf(today) : NaN;
  const docMonth = known ? monthOf(today) : NaN;
  TIME.lastIndex = 0;
  for (let m = TIME.exec(text); m; m = TIME.exec(text)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (g.iy !== undefined) {
      const year = +g.iy;
      const month = +g.im!;
      const day = +g.id!;
      if (!plausibleYear(year) || month < 1 || month > 12 || day < 1 || day > 31) continue;
      const n = dayNumber(year, month, day);
      out.push(timeExpression(text, start, end, n, n, 'day'));
    } else if (g.m !== undefined || g.m2 !== undefined) {
      const month = numeral(g.m ?? g.m2!);
      const year = g.y !== undefined ? numeral(g.y) : known ? yearOfMonth(month, docYear, docMonth) : NaN;
      if (month < 1 || month > 12 || !plausibleYear(year)) continue;
      const dayText = g.d ?? g.d2;
      if (dayText !== undefined) {
        const day = numeral(dayText);
        if (day < 1 || day > 31) continue;
        const n = dayNumber(year, month, day);
        out.push(timeExpression(text, start, end, n, n, 'day'));
      } else out.push(timeExpression(text, start, end, monthStart(year, month), monthEnd(year, month), 'month'));
    } else if (g.y1 !== undefined) {
      const year = numeral(g.y1);
      const toYear = g.y2 !== undefined ? numeral(g.y2) : year;
      if (!plausibleYear(year) || !plausibleYear(toYear) || toYear < year) continue;
      const part = partOf(g.p1);
      const toPart = g.y2 !== undefined ? partOf(g.p2) : part;
      const [from, to] = yearRange(year, part, toYear, toPart);
      out.push(timeExpression(text, start, end, from, to, precisionOf(part, toPart, year === toYear)));
    } else if (known) {
      const r = g.rel!;
      const unit: RelativeUnit = r.endsWith('年') ? 'year' : r.endsWith('月') ? 'month' : r.endsWith('周') || r.endsWith('週') ? 'week' : 'day';
      const shift =
        unit === 'year' ? (r === '前年' ? -2 : r === '去年' ? -1 : r === '明年' ? 1 : 0)
        : unit === 'day' ? (r === '前天' ? -2 : r[0] === '昨' ? -1 : r[0] === '明' ? 1 : 0)
        : r[0] === '上' ? -1 : r[0] === '下' ? 1 : 0;
      out.push(relativeTime(text, start, end, today, unit, shift));
    }
  }
  return out;
}

const CURRENCIES: Record<string, string> = {
  美元: 'USD', 美金: 'USD', 人民币: 'CNY', 人民幣: 'CNY', 元: 'CNY', 卢布: 'RUB', 盧布: 'RUB', 欧元: 'EUR', 歐元: 'EUR',
  日元: 'JPY', 英镑: 'GBP', 英鎊: 'GBP', 港元: 'HKD', 港币: 'HKD', 港幣: 'HKD', 新台币: 'TWD', 新臺幣: 'TWD', 新台幣: 'TWD',
};
const UNITS: Record<string, string> = { 吨: 'tonnes', 噸: 'tonnes', 桶: 'barrels', 公里: 'km', 千米: 'km', 平方公里: 'km2', 立方米: 'm3' };
/** Measure words after which a Chinese numeral is a count ("六家", "八页"); Arabic digits are numbers anywhere. */
const COUNTERS = '家|名|个|個|架|艘|页|頁|枚|次|项|項|座|辆|輛|人|位|国|國|种|種|条|條|件|所|处|處';

const QUANTITY = new RegExp(
  `(?<pre>百分之)?(?:(?<ar>${ARABIC}+(?:[.．]${ARABIC}+)?)(?<big>万亿|萬億|亿|億|万|萬|千)?|(?<cn>[零〇一二两兩三四五六七八九十百千万萬亿億]+))` +
    `(?:(?<cur>${Object.keys(CURRENCIES).sort((a, b) => b.length - a.length).join('|')})|(?<pct>[%％])|(?<unit>${Object.keys(UNITS).sort((a, b) => b.length - a.length).join('|')})|(?<cnt>${COUNTERS}))?`,
  'g',
);

function traditionalScale(s: string | undefined): string | undefined {
  return s === '萬' ? '万' : s === '億' ? '亿' : s === '萬億' ? '万亿' : s;
}

/**
 * Numbers, money, percentages and quantities in Chinese text. Numbers inside `times` are left to them;
 * a Chinese numeral counts only with a currency, a percent, a unit or a measure word, or after 百分之,
 * and never after 第 (an ordinal) or as the one of 一个.
 */
export function extractChineseQuantities(text: string, times: readonly TimeExpression[] = []): Quantity[] {
  const out: Quantity[] = [];
  let t = 0;
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    while (t < times.length && times[t]!.end <= start) t++;
    if (t < times.length && times[t]!.start < end) continue;
    if (start > 0 && (text[start - 1] === '第' || text[start - 1] === '星')) continue;
    let value: number;
    if (g.ar !== undefined) value = arabicValue(g.ar, 0, g.ar.length) * scaleFactor(traditionalScale(g.big));
    else {
      const cn = g.cn!.replace(/萬/g, '万').replace(/億/g, '亿').replace(/兩/g, '两');
      value = chineseNumeralValue(cn, 0, cn.length);
      if (Number.isNaN(value)) continue;
      const counted = g.pre || g.cur || g.pct || g.unit || (g.cnt && value >= 2);
      if (!counted) continue;
    }
    const rounded = Math.round(value * 1e6) / 1e6;
    const span = { start, end, text: text.slice(start, end) };
    if (g.cur) out.push({ ...span, kind: 'MONEY', value: rounded, unit: CURRENCIES[g.cur] });
    else if (g.pre || g.pct) out.push({ ...span, kind: 'PERCENT', value: rounded });
    else if (g.unit) out.push({ ...span, kind: 'QUANTITY', value: rounded, unit: UNITS[g.unit] });
    else out.push({ ...span, kind: 'NUMBER', value: rounded });
  }
  return out;
}
