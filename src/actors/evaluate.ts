import type { Actor, ActorResolution } from '../model/index.js';
import type { ActorDictionary } from './dictionary.js';
import { ActorResolver } from './resolver.js';
import { prf } from '../eval/prf.js';

/** One Reuters-21578 article as ../shared/data/news/reuters21578.jsonl has it. */
export interface ReutersArticle {
  title?: string;
  dateline?: string;
  body?: string;
  date?: string;
  /** The wire's own date stamp ("26-FEB-1987 15:01:01.79"), for the one article whose `date` is missing. */
  date_raw?: string;
  places?: string[];
  people?: string[];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
  documents: number;
}

export interface ActorEvalReport {
  documents: number;
  countries: Scores;
  /** The same tagging with the wire's home country (USA) for articles that name none: for comparison only. */
  countriesHomeDefault: Scores;
  people: Scores;
  /** Gold place tags that name no country in the dictionary (regions, territories); left out of the counts. */
  unmappedPlaces: string[];
}

// Reuters place tags whose words are not a name the dictionary has.
const REUTERS_PLACES: Record<string, string> = {
  usa: 'USA', uk: 'GBR', ussr: 'RUS', 'west-germany': 'DEU', 'east-germany': 'DDR', uae: 'ARE', 'hong-kong': 'HKG',
  'south-korea': 'KOR', 'north-korea': 'PRK', 'ivory-coast': 'CIV', 'yemen-arab-republic': 'YEM', 'yemen-demo-republic': 'YEM',
  zaire: 'COD', kampuchea: 'KHM', burma: 'MMR', 'trinidad-tobago': 'TTO', yugoslavia: 'SRB', czechoslovakia: 'CZE',
  'south-africa': 'ZAF', 'el-salvador': 'SLV', 'dominican-republic': 'DOM', 'sri-lanka': 'LKA', 'papua-new-guinea': 'PNG',
  'new-zealand': 'NZL', 'saudi-arabia': 'SAU', 'costa-rica': 'CRI', 'burkina-faso': 'BFA', swaziland: 'SWZ', antigua: 'ATG',
  congo: 'COG', tanzania: 'TZA', madagascar: 'MDG',
};
// Codes that stand for the same country in 1987 tags.
const SAME_COUNTRY: Record<string, string> = { SUN: 'RUS' };

function scores(tp: number, fp: number, fn: number, documents: number): Scores {
  return { ...prf(tp, tp + fp, tp + fn), tp, fp, fn, documents };
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
}

/** The tags a person could carry in Reuters' `people` field: surname, first-last, the last two words. */
function personTags(actor: Actor): Set<string> {
  const words = slug(actor.name).split('-').filter((w) => w && !/^(jr|sr|iii|ii|3d)$/.test(w));
  const tags = new Set<string>([words.join('-')]);
  if (words.length) tags.add(words[words.length - 1]!);
  if (words.length >= 2) {
    tags.add(words.slice(-2).join('-'));
    tags.add(`${words[0]}-${words[words.length - 1]}`);
  }
  return tags;
}

function countryOf(actor: Actor | undefined): string | undefined {
  if (!actor) return undefined;
  const code = actor.kind === 'state' ? actor.id : actor.country;
  return code ? SAME_COUNTRY[code] ?? code : undefined;
}

export function reutersCountry(dict: ActorDictionary, place: string): string | undefined {
  const fixed = REUTERS_PLACES[place];
  if (fixed) return fixed;
  const state = dict.lookup(place.replace(/-/g, ' ')).find((a) => a.kind === 'state');
  return state ? SAME_COUNTRY[state.id] ?? state.id : undefined;
}

/**
 * The countries a document is about: named in the headline or dateline, or named at least twice,
 * or (when none is) the one named most and first. Every resolved actor counts for its country.
 */
export function documentCountries(dict: ActorDictionary, resolutions: ActorResolution[], headEnd: number): Set<string> {
  const score = new Map<string, number>();
  const firstAt = new Map<string, number>();
  for (const r of resolutions) {
    const code = countryOf(dict.get(r.actorId));
    if (!code || dict.get(code)?.kind !== 'state') continue;
    score.set(code, (score.get(code) ?? 0) + (r.start < headEnd ? 2 : 1));
    if (!firstAt.has(code)) firstAt.set(code, r.start);
  }
  const tagged = new Set<string>();
  for (const [code, s] of score) if (s >= 2) tagged.add(code);
  if (!tagged.size && score.size) {
    const top = [...score].sort((a, b) => b[1] - a[1] || firstAt.get(a[0])! - firstAt.get(b[0])!)[0]!;
    tagged.add(top[0]);
  }
  return tagged;
}

const WIRE_MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The day roles are read on: the article's date, else the day of its wire stamp, else the collection's first. */
export function articleDay(a: ReutersArticle): string {
  if (a.date && /^\d{4}-\d{2}-\d{2}/.test(a.date)) return a.date.slice(0, 10);
  const m = /^(\d{1,2})-([A-Z]{3})-(\d{4})/.exec(a.date_raw ?? '');
  const month = m ? WIRE_MONTHS.indexOf(m[2]!) + 1 : 0;
  return m && month ? `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : '1987-02-26';
}

/** The text an article is resolved from: headline, dateline and body, as the wire printed them. */
export function articleText(a: ReutersArticle): string {
  return [a.title, a.dateline, a.body].filter(Boolean).join('\n');
}

/**
 * Document-level actor tagging: the countries (of every resolved actor) and the people a document names,
 * against the gold `places` (countries only; articles with gold places) and `people` (articles with gold people).
 */
export function evaluateReuters(dict: ActorDictionary, articles: readonly ReutersArticle[]): ActorEvalReport {
  const vocabulary = new Set(articles.flatMap((a) => a.people ?? []));
  const placeCode = new Map<string, string | undefined>();
  const unmapped = new Set<string>();
  let documents = 0;
  const c = { tp: 0, fp: 0, fn: 0, docs: 0 };
  const h = { tp: 0, fp: 0, fn: 0 };
  const p = { tp: 0, fp: 0, fn: 0, docs: 0 };
  const resolver = new ActorResolver(dict);
  for (const article of articles) {
    const places = article.places ?? [];
    const people = article.people ?? [];
    if (!places.length && !people.length) continue;
    documents++;
    const text = articleText(article);
    const headEnd = [article.title, article.dateline].filter(Boolean).join('\n').length;
    const result = resolver.resolve(text, { date: articleDay(article) });
    const actors = result.resolutions.map((r) => dict.get(r.actorId));
    if (places.length) {
      const gold = new Set<string>();
      for (const place of places) {
        if (!placeCode.has(place)) placeCode.set(place, reutersCountry(dict, place));
        const code = placeCode.get(place);
        if (code) gold.add(code);
        else unmapped.add(place);
      }
      const predicted = documentCountries(dict, result.resolutions, headEnd);
      for (const code of predicted) gold.has(code) ? c.tp++ : c.fp++;
      for (const code of gold) if (!predicted.has(code)) c.fn++;
      if (!predicted.size) predicted.add('USA');
      for (const code of predicted) gold.has(code) ? h.tp++ : h.fp++;
      for (const code of gold) if (!predicted.has(code)) h.fn++;
      c.docs++;
    }
    if (people.length) {
      const gold = new Set(people);
      // only people Reuters tags at all can be scored: its `people` vocabulary is a fixed list
      const matched = new Set<string>();
      const seen = new Set<string>();
      for (const a of actors) {
        if (!a || (a.kind !== 'leader' && a.kind !== 'person') || seen.has(a.id)) continue;
        seen.add(a.id);
        const tags = [...personTags(a)];
        const hit = tags.find((t) => gold.has(t));
        if (hit) matched.add(hit);
        else if (tags.some((t) => vocabulary.has(t))) p.fp++;
      }
      p.tp += matched.size;
      p.fn += gold.size - matched.size;
      p.docs++;
    }
  }
  return {
    documents,
    countries: scores(c.tp, c.fp, c.fn, c.docs),
    countriesHomeDefault: scores(h.tp, h.fp, h.fn, c.docs),
    people: scores(p.tp, p.fp, p.fn, p.docs),
    unmappedPlaces: [...unmapped].sort(),
  };
}
