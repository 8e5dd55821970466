// The words time expressions are made of, as plain data. The shared value lexicon
// (../quantities/lexicon.ts) folds them into one lookup table with the number words.

export const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan'],
  ['february', 'feb'],
  ['march', 'mar'],
  ['april', 'apr'],
  ['may'],
  ['june', 'jun'],
  ['july', 'jul'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['october', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];

/** Monday first (ISO order). */
export const WEEKDAYS: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

export const enum TimeUnit {
  Hour = 1,
  Day,
  Week,
  Month,
  Quarter,
  Year,
  Decade,
  Weekend,
}

/** [word, unit, how many of the unit] */
export const TIME_UNITS: readonly (readonly [string, TimeUnit, number])[] = [
  ['hour', TimeUnit.Hour, 1],
  ['hours', TimeUnit.Hour, 1],
  ['day', TimeUnit.Day, 1],
  ['days', TimeUnit.Day, 1],
  ['week', TimeUnit.Week, 1],
  ['weeks', TimeUnit.Week, 1],
  ['fortnight', TimeUnit.Week, 2],
  ['fortnights', TimeUnit.Week, 2],
  ['month', TimeUnit.Month, 1],
  ['months', TimeUnit.Month, 1],
  ['quarter', TimeUnit.Quarter, 1],
  ['quarters', TimeUnit.Quarter, 1],
  ['year', TimeUnit.Year, 1],
  ['years', TimeUnit.Year, 1],
  ['decade', TimeUnit.Decade, 1],
  ['decades', TimeUnit.Decade, 1],
  ['weekend', TimeUnit.Weekend, 1],
];

/** Northern-hemisphere meteorological seasons: index 0 spring (Mar–May) … 3 winter (Dec–Feb). */
export const SEASONS: readonly (readonly [string, number])[] = [
  ['spring', 0],
  ['summer', 1],
  ['autumn', 2],
  ['fall', 2],
  ['winter', 3],
];

export const enum Modifier {
  Early = 1,
  Mid,
  Late,
  Beginning,
  End,
  Earlier,
  Later,
}

export const MODIFIERS: readonly (readonly [string, Modifier])[] = [
  ['early', Modifier.Early],
  ['mid', Modifier.Mid],
  ['middle', Modifier.Mid],
  ['late', Modifier.Late],
  ['beginning', Modifier.Beginning],
  ['start', Modifier.Beginning],
  ['end', Modifier.End],
  ['earlier', Modifier.Earlier],
  ['later', Modifier.Later],
];

/** last / this / next and their synonyms: −1, 0, +1. */
export const RELATIVES: readonly (readonly [string, number])[] = [
  ['last', -1],
  ['past', -1],
  ['previous', -1],
  ['this', 0],
  ['current', 0],
  ['next', 1],
  ['coming', 1],
];

export const ORDINALS: readonly (readonly [string, number])[] = [
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['final', 4],
];

/** Vague counts: [word, least, most]. */
export const VAGUE_COUNTS: readonly (readonly [string, number, number])[] = [
  ['few', 2, 4],
  ['several', 3, 7],
  ['couple', 2, 2],
];

/** Words that make an offset from an anchor ("three days before …"): −1 before, +1 after. */
export const OFFSET_DIRECTIONS: readonly (readonly [string, number])[] = [
  ['before', -1],
  ['prior', -1],
  ['ahead', -1],
  ['after', 1],
];

export const DAY_PARTS: readonly string[] = ['morning', 'afternoon', 'evening', 'night', 'overnight'];

/** Words that, a few words before a weekday, put it in the future ("will meet on Monday"). */
export const FUTURE_CUES: readonly string[] = [
  'will', 'll', 'shall', 'due', 'expected', 'scheduled', 'plans', 'plan', 'planned', 'set', 'upcoming', 'going', 'until', 'till',
];

/** Words a bare month name or an old year may follow ("in May", "from 1644"). */
export const DATE_CUES: readonly string[] = [
  'in', 'on', 'since', 'by', 'until', 'till', 'of', 'from', 'to', 'through', 'during', 'before', 'after', 'early', 'late',
  'mid', 'last', 'this', 'next', 'and', 'or', 'between', 'end', 'beginning', 'start', 'around', 'circa', 'throughout', 'late',
  'into', 'as', 'published', 'updated', 'dated', 'year',
];

/** Nouns for events that an offset may be anchored on ("three days before the February 2022 invasion"). */
export const EVENT_NOUNS: readonly string[] = [
  'invasion', 'war', 'election', 'elections', 'summit', 'visit', 'attack', 'attacks', 'meeting', 'talks', 'vote',
  'referendum', 'deadline', 'agreement', 'deal', 'ceasefire', 'truce', 'offensive', 'parade', 'leak', 'crisis', 'coup',
  'annexation', 'incursion', 'strike', 'strikes', 'raid', 'launch', 'conference', 'ceremony', 'inauguration', 'treaty',
  'announcement', 'decision', 'speech', 'trip', 'anniversary', 'olympics', 'games', 'protests', 'revolution', 'sanctions',
  'exercises', 'drills', 'crash', 'earthquake', 'collapse', 'mobilization', 'mobilisation', 'uprising', 'mutiny',
  'assault', 'bombing', 'explosion', 'shooting', 'arrest', 'meeting', 'forum', 'congress', 'plenum', 'session',
];

/** Determiners and possessives that may stand between an offset and its anchor. */
export const ANCHOR_FILLERS: readonly string[] = ['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'that'];
