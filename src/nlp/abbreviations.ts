// Words that keep their final period in news text (lower case, without the period).

/** Titles and honorifics: a sentence never ends after them ("Gen. Gerasimov", "ген. Герасимов", "см. ст. 5"). */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'adm', 'cmdr',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'amb', 'sec', 'st', 'mt', 'ft', 'supt', 'insp', 'messrs', 'mme',
  // Russian
  'проф', 'ген', 'акад', 'тов', 'им', 'ул', 'пр', 'просп', 'пл', 'св', 'зам', 'пред', 'ред', 'докт', 'канд', 'полк',
  'подполк', 'лейт', 'генерал-лейт', 'адм', 'см', 'напр', 'англ', 'рус', 'кит', 'лат', 'нем', 'франц', 'соч', 'ср',
]);

/** Other abbreviations: a sentence may still end after them, when the next word starts one. */
export const ABBREVIATIONS = new Set([
  ...TITLES,
  'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'thu', 'thur', 'thurs', 'fri',
  'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'jr', 'sr', 'vs', 'etc', 'approx', 'dept',
  'vol', 'ave', 'blvd', 'univ', 'assn', 'govt', 'intl', 'natl', 'mln', 'bln', 'pct',
  'ala', 'ariz', 'calif', 'colo', 'conn', 'fla', 'kan', 'ky', 'md', 'mich', 'minn', 'mont', 'neb',
  'nev', 'okla', 'tenn', 'tex', 'vt', 'wis', 'wyo',
  // Russian: amounts, and the ends of "и т. д.", "и т. п.", "и др."
  'млн', 'млрд', 'трлн', 'тыс', 'руб', 'долл', 'коп', 'д', 'п', 'др', 'стр', 'обл', 'гос', 'мес', 'ежег',
]);

/** Abbreviations that keep their period only before a number ("No. 1", "Art. 5"). */
export const NUMBER_ABBREVIATIONS = new Set(['no', 'nos', 'art', 'p', 'pp', 'para', 'sec', 'ch', 'ст', 'ч', 'гл', 'рис', 'табл', 'с', 'т', 'разд']);

/** Words that start sentences often and names rarely: after "U.S." they mark a new sentence. */
export const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'there',
  'in', 'on', 'at', 'but', 'and', 'or', 'so', 'if', 'when', 'while', 'after', 'before', 'as', 'for',
  'however', 'meanwhile', 'his', 'her', 'its', 'their', 'our', 'my', 'some', 'many', 'most', 'one',
  'officials', 'analysts', 'what', 'why', 'how', 'who', 'since', 'despite', 'although', 'yet', 'still',
  // Russian: capitalized, these start a sentence ("… 9 июня 2025 г. Её итоги …"); a name does not
  'это', 'эта', 'этот', 'эти', 'её', 'ее', 'его', 'их', 'он', 'она', 'оно', 'они', 'мы', 'я', 'вы', 'но', 'а', 'и',
  'в', 'во', 'на', 'по', 'как', 'так', 'тем', 'затем', 'однако', 'при', 'кроме', 'также', 'после', 'до', 'позже',
  'ранее', 'сейчас', 'теперь', 'между', 'согласно', 'об', 'о', 'с', 'со', 'к', 'для', 'из', 'у', 'за', 'не', 'что',
  'когда', 'если', 'хотя', 'поэтому', 'впрочем', 'тогда', 'там', 'здесь', 'уже', 'ещё', 'еще', 'среди', 'против',
  'всего', 'вместе', 'несмотря', 'ни', 'ведь', 'лишь', 'только', 'именно', 'кто', 'где', 'почему', 'зачем',
]);
