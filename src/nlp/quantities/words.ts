// The words numbers, amounts of money and quantities are made of, as plain data.

/** Cardinal number words and their values; "hundred" and the scales are handled apart. */
export const NUMBER_WORDS: readonly (readonly [string, number])[] = [
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['dozen', 12],
];

/** Words that multiply the number before them: [word, power of ten, how it may stand]. */
export const enum ScaleUse {
  /** "two million", "5.93 mln", "3.5bn": after a space or written on. */
  Any = 1,
  /** "£600m", "$5b", "10k": only written on to the digits; m and b only for money. */
  Attached = 2,
}

export const SCALES: readonly (readonly [string, number, ScaleUse])[] = [
  ['hundred', 2, ScaleUse.Any],
  ['thousand', 3, ScaleUse.Any],
  ['million', 6, ScaleUse.Any],
  ['millions', 6, ScaleUse.Any],
  ['billion', 9, ScaleUse.Any],
  ['trillion', 12, ScaleUse.Any],
  ['mln', 6, ScaleUse.Any],
  ['mn', 6, ScaleUse.Any],
  ['bln', 9, ScaleUse.Any],
  ['bn', 9, ScaleUse.Any],
  ['trln', 12, ScaleUse.Any],
  ['tn', 12, ScaleUse.Any],
  ['lakh', 5, ScaleUse.Any],
  ['crore', 7, ScaleUse.Any],
  ['тыс', 3, ScaleUse.Any],
  ['млн', 6, ScaleUse.Any],
  ['млрд', 9, ScaleUse.Any],
  ['трлн', 12, ScaleUse.Any],
  ['k', 3, ScaleUse.Attached],
  ['m', 6, ScaleUse.Attached],
  ['b', 9, ScaleUse.Attached],
];

/** Currency names written after (or, rarely, before) the amount, with their ISO 4217 code. */
export const CURRENCY_WORDS: readonly (readonly [string, string])[] = [
  ['dollar', 'USD'], ['dollars', 'USD'], ['dlr', 'USD'], ['dlrs', 'USD'],
  ['euro', 'EUR'], ['euros', 'EUR'],
  ['pound', 'GBP'], ['pounds', 'GBP'], ['sterling', 'GBP'], ['stg', 'GBP'],
  ['yen', 'JPY'], ['yuan', 'CNY'], ['renminbi', 'CNY'],
  ['rouble', 'RUB'], ['roubles', 'RUB'], ['ruble', 'RUB'], ['rubles', 'RUB'],
  ['rupee', 'INR'], ['rupees', 'INR'],
  ['franc', 'CHF'], ['francs', 'CHF'],
  ['mark', 'DEM'], ['marks', 'DEM'], ['guilder', 'NLG'], ['guilders', 'NLG'], ['lire', 'ITL'], ['lira', 'TRY'],
  ['peso', 'MXN'], ['pesos', 'MXN'], ['won', 'KRW'], ['rand', 'ZAR'], ['riyal', 'SAR'], ['riyals', 'SAR'],
  ['dirham', 'AED'], ['dirhams', 'AED'], ['shekel', 'ILS'], ['shekels', 'ILS'], ['hryvnia', 'UAH'], ['hryvnias', 'UAH'],
  ['hryvnia', 'UAH'], ['zloty', 'PLN'], ['zlotys', 'PLN'], ['reais', 'BRL'], ['cruzado', 'BRC'], ['cruzados', 'BRC'],
  ['naira', 'NGN'], ['tenge', 'KZT'], ['baht', 'THB'], ['ringgit', 'MYR'], ['rupiah', 'IDR'],
  ['schilling', 'ATS'], ['schillings', 'ATS'], ['peseta', 'ESP'], ['pesetas', 'ESP'], ['bolivar', 'VEB'], ['bolivars', 'VEB'],
  ['escudo', 'PTE'], ['escudos', 'PTE'], ['forint', 'HUF'], ['forints', 'HUF'], ['sucre', 'ECS'], ['sucres', 'ECS'],
  ['доллар', 'USD'], ['доллара', 'USD'], ['долларов', 'USD'], ['долл', 'USD'],
  ['рубль', 'RUB'], ['рубля', 'RUB'], ['рублей', 'RUB'], ['руб', 'RUB'],
  ['евро', 'EUR'], ['юань', 'CNY'], ['юаня', 'CNY'], ['юаней', 'CNY'],
];

/** Hundredths of a currency, after the amount ("4 cts", "50 Canadian cents", "30 pence"): [word, code]. */
export const CURRENCY_SUBUNITS: readonly (readonly [string, string])[] = [
  ['cent', 'USD'], ['cents', 'USD'], ['ct', 'USD'], ['cts', 'USD'], ['pence', 'GBP'], ['penny', 'GBP'],
  ['kopeck', 'RUB'], ['kopecks', 'RUB'], ['kopeks', 'RUB'], ['копеек', 'RUB'], ['pfennig', 'DEM'], ['pfennigs', 'DEM'],
];

/** Fractions written after a hyphen ("two-thirds"): [word, denominator]. */
export const FRACTION_WORDS: readonly (readonly [string, number])[] = [
  ['half', 2], ['halves', 2], ['third', 3], ['thirds', 3], ['quarter', 4], ['quarters', 4], ['fifth', 5], ['fifths', 5],
  ['sixth', 6], ['sixths', 6], ['eighth', 8], ['eighths', 8], ['tenth', 10], ['tenths', 10],
];

/** Upper-case codes, before or after the amount ("RMB 10 billion", "5 billion USD"). */
export const CURRENCY_CODES: readonly (readonly [string, string])[] = [
  ['usd', 'USD'], ['eur', 'EUR'], ['gbp', 'GBP'], ['jpy', 'JPY'], ['cny', 'CNY'], ['rmb', 'CNY'], ['rub', 'RUB'],
  ['inr', 'INR'], ['chf', 'CHF'], ['cad', 'CAD'], ['aud', 'AUD'], ['hkd', 'HKD'], ['sgd', 'SGD'], ['krw', 'KRW'],
  ['brl', 'BRL'], ['try', 'TRY'], ['uah', 'UAH'], ['sar', 'SAR'], ['dm', 'DEM'],
];

/** Adjectives that pick the currency of a following dollar, franc or pound word. */
export const CURRENCY_ADJECTIVES: readonly (readonly [string, string, string])[] = [
  // [adjective, currency word's default code it refines, code]
  ['us', 'USD', 'USD'], ['american', 'USD', 'USD'], ['canadian', 'USD', 'CAD'], ['australian', 'USD', 'AUD'],
  ['singapore', 'USD', 'SGD'], ['taiwan', 'USD', 'TWD'], ['zimbabwe', 'USD', 'ZWD'], ['hk', 'USD', 'HKD'],
  ['swiss', 'CHF', 'CHF'], ['french', 'CHF', 'FRF'], ['belgian', 'CHF', 'BEF'], ['egyptian', 'GBP', 'EGP'],
  ['mexican', 'MXN', 'MXN'], ['philippine', 'MXN', 'PHP'], ['chinese', 'CNY', 'CNY'], ['russian', 'RUB', 'RUB'],
];

/** Letters written before "$" ("US$5", "HK$3"). */
export const DOLLAR_PREFIXES: readonly (readonly [string, string])[] = [
  ['us', 'USD'], ['a', 'AUD'], ['au', 'AUD'], ['c', 'CAD'], ['ca', 'CAD'], ['can', 'CAD'], ['hk', 'HKD'], ['s', 'SGD'],
  ['nz', 'NZD'], ['r', 'BRL'], ['nt', 'TWD'], ['z', 'ZWD'],
];

/** Currency symbols and their codes ("¥" is read as yen: Chinese texts mostly write "yuan" or "RMB"). */
export const CURRENCY_SYMBOLS: ReadonlyMap<number, string> = new Map([
  [0x24, 'USD'], [0x20ac, 'EUR'], [0xa3, 'GBP'], [0xa5, 'JPY'], [0x20bd, 'RUB'], [0x20b9, 'INR'], [0x20a9, 'KRW'],
  [0x20b4, 'UAH'], [0x20aa, 'ILS'], [0x20ba, 'TRY'],
]);

export const PERCENT_WORDS: readonly string[] = ['percent', 'pct', 'процента', 'процентов', 'процент'];

/**
 * Units of measure and count nouns that are not plain plurals ending in s: a number before one
 * of these is a quantity. Plurals ending in s ("bags", "troops") are recognized without a list.
 */
export const UNIT_WORDS: readonly string[] = [
  'tonne', 'ton', 'kg', 'kilo', 'kilogram', 'gram', 'lb', 'oz', 'ounce', 'barrel', 'bpd', 'gallon', 'litre', 'liter',
  'metre', 'meter', 'km', 'kilometre', 'kilometer', 'mile', 'hectare', 'acre', 'mw', 'gw', 'kw', 'kwh', 'mwh', 'gwh', 'twh',
  'megawatt', 'gigawatt', 'bcm', 'tcf', 'mt', 'feet', 'foot', 'ft', 'inch', 'bag', 'bale', 'bushel', 'people', 'men',
  'women', 'children', 'personnel', 'aircraft', 'staff', 'cattle', 'sheep', 'police', 'head', 'carat', 'vessel', 'ship',
  'tank', 'drone', 'missile', 'soldier', 'troop', 'person', 'job', 'page', 'mile', 'dwt', 'teu', 'sq', 'unit',
  'т', 'тонн', 'км', 'кг', 'человек',
];

/** Words that make part of a unit when they stand before it ("metric tonnes", "square kilometres"). */
export const UNIT_QUALIFIERS: readonly string[] = ['metric', 'cubic', 'square', 'short', 'long', 'troy', 'light'];

/** Words allowed between a number and its unit without being part of it ("10,000 more troops"). */
export const UNIT_ADJECTIVES: readonly string[] = ['more', 'additional', 'new', 'extra', 'other', 'fewer', 'further', 'million', 'billion'];

/** Lower-case words ending in s that are not count nouns: a number before one stays a bare number. */
export const NOT_UNITS: readonly string[] = [
  'is', 'was', 'has', 'as', 'us', 'his', 'its', 'this', 'thus', 'yes', 'plus', 'minus', 'less', 'unless', 'versus', 'vs',
  'whereas', 'across', 'always', 'perhaps', 'besides', 'towards', 'afterwards', 'hers', 'ours', 'yours', 'theirs', 'does',
  'goes', 'says', 'gives', 'makes', 'takes', 'comes', 'seems', 'remains', 'includes', 'sometimes', 'nevertheless',
  'regardless', 'nonetheless', 'alongside', 'sees', 'shows', 'rises', 'falls', 'gains', 'loses', 'represents', 'means',
  'stands', 'contains', 'becomes', 'lies', 'ends', 'begins', 'whose', 'pcs',
];
