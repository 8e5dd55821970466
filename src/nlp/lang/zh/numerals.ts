// Chinese numerals: 二千四百 (2400), 三亿五千万 (350,000,000), 一万亿 (10^12), 二零二三 (2023, read digit by
// digit), and Arabic digits with the large units 万 and 亿 (2400亿 = 240,000,000,000).

const DIGITS = new Map<number, number>([
  [0x96f6, 0], [0x3007, 0], [0x4e00, 1], [0x4e8c, 2], [0x4e24, 2], [0x4e09, 3], [0x56db, 4],
  [0x4e94, 5], [0x516d, 6], [0x4e03, 7], [0x516b, 8], [0x4e5d, 9],
]); // 零 〇 一 二 两 三 四 五 六 七 八 九
const SMALL_UNITS = new Map<number, number>([[0x5341, 10], [0x767e, 100], [0x5343, 1000]]); // 十 百 千
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿

/** The digit of a code unit: ASCII, full-width or a Chinese digit character; -1 otherwise. */
export function digitOf(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return DIGITS.get(c) ?? -1;
}

/** The value of the Chinese numeral text[start, end), or NaN when it holds anything else. */
export function chineseNumeralValue(text: string, start: number, end: number): number {
  let positional = true;
  for (let k = start; k < end; k++) if (!DIGITS.has(text.charCodeAt(k))) positional = false;
  if (positional) {
    let n = 0;
    for (let k = start; k < end; k++) n = n * 10 + DIGITS.get(text.charCodeAt(k))!;
    return end > start ? n : NaN;
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const d = DIGITS.get(c);
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = SMALL_UNITS.get(c);
    if (unit !== undefined) {
      section += (digit || 1) * unit;
      digit = 0;
    } else if (c === WAN) {
      section = (section + digit) * 1e4;
      digit = 0;
    } else if (c === YI) {
      total = (total + section + digit) * 1e8;
      section = 0;
      digit = 0;
    } else return NaN;
  }
  return total + section + digit;
}

/** The value of Arabic digits (ASCII or full-width, one decimal point) in text[start, end). */
export function arabicValue(text: string, start: number, end: number): number {
  let n = 0;
  let decimals = -1;
  for (let k = start; k < end; k++) {
    const d = digitOf(text.charCodeAt(k));
    if (d >= 0 && d <= 9 && !DIGITS.has(text.charCodeAt(k))) {
      n = n * 10 + d;
      if (decimals >= 0) decimals++;
    } else if (decimals < 0) decimals = 0;
  }
  return decimals > 0 ? n / 10 ** decimals : n;
}

/** The factor of a large-unit suffix: 万 10^4, 亿 10^8, 万亿 10^12, 千 10^3, 百 10^2. */
export function scaleFactor(suffix: string | undefined): number {
  switch (suffix) {
    case '万': return 1e4;
    case '亿': return 1e8;
    case '万亿': return 1e12;
    case '千': return 1e3;
    case '百': return 1e2;
    default: return 1;
  }
}
