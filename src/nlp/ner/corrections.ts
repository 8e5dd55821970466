import type { Mention, Sentence, TokenTable } from '../../model/index.js';
import { Gazetteer } from '../features/gazetteer.js';
import { F_INIT_UPPER, F_HAS_UPPER, F_HAS_LOWER, type TokenAttributes } from '../features/attributes.js';

// Two corrections the training data cannot teach, applied to the recognizer's mentions.

/**
 * Geographic regions are places (LOC, or GPE where the recognizer says so of the whole name:
 * "Crimea") in Rift's record, though the recognizer may miss them, give them another type or cut
 * them short ("Far East" of "Russian Far East").
 * Our own short list; phrases that are also common company or team names are left out.
 */
export const REGIONS = [
  'Arctic', 'Antarctic', 'Antarctica', 'Arctic Ocean', 'Far East', 'Russian Far East', 'Middle East', 'Near East',
  'Siberia', 'Balkans', 'Caucasus', 'North Caucasus', 'South Caucasus', 'Central Asia', 'South Asia',
  'Southeast Asia', 'East Asia', 'Northeast Asia', 'Asia-Pacific', 'Indo-Pacific', 'Eurasia', 'Sahel',
  'Horn of Africa', 'Sub-Saharan Africa', 'North Africa', 'West Africa', 'East Africa', 'Latin America',
  'Persian Gulf', 'Gulf of Aden', 'Black Sea', 'Baltic Sea', 'Caspian Sea', 'South China Sea', 'East China Sea',
  'Sea of Japan', 'Sea of Okhotsk', 'Barents Sea', 'Red Sea', 'Mediterranean', 'Indian Ocean', 'Taiwan Strait',
  'Strait of Hormuz', 'Korean Peninsula', 'Crimea', 'Donbas', 'Donbass', 'Kashmir', 'Tibet', 'Xinjiang',
  'West Bank', 'Gaza Strip', 'Western Europe', 'Eastern Europe', 'Central Europe', 'Scandinavia', 'Baltics',
  'Northern Sea Route', 'Kuril Islands', 'Himalayas',
];

let regionList: Gazetteer | undefined;
function regions(): Gazetteer {
  if (!regionList) {
    regionList = new Gazetteer();
    for (const r of REGIONS) regionList.add(r, 'country-alias');
  }
  return regionList;
}

/** Mentions inside a region's name become one LOC mention over the whole name; a missed region is added. */
export function markRegions(text: string, tokens: TokenTable, attrs: TokenAttributes, mentions: Mention[]): Mention[] {
  const n = tokens.count;
  const list = regions();
  for (let i = 0; i < n; i++) if (list.longestAt(attrs, i) !== 0) return withRegions(text, tokens, attrs, mentions, i);
  return mentions;
}

/**
 * markRegions for a text that names a region, from its first one at token `first`. Few texts do: kept
 * apart so that the code optimized for the others does not meet these paths for the first time.
 */
function withRegions(text: string, tokens: TokenTable, attrs: TokenAttributes, mentions: Mention[], first: number): Mention[] {
  const n = tokens.count;
  const list = regions();
  const found: Mention[] = [];
  for (let i = first; i < n; i++) {
    const length = list.longestAt(attrs, i);
    if (length === 0) continue;
    const k = i + length - 1;
    const start = tokens.starts[i];
    const end = tokens.ends[k];
    found.push(mention(start, end, text.slice(start, end), 0.9));
    i = k;
  }
  if (found.length === 0) return mentions;
  let out = mentions;
  for (const region of found) {
    const overlapping = out.filter((m) => m.start < region.end && region.start < m.end);
    if (overlapping.some((m) => m.start < region.start || m.end > region.end)) continue; // part of a longer name
    const confidence = Math.max(region.confidence, ...overlapping.map((m) => m.confidence));
    const same = overlapping.length === 1 && overlapping[0].start === region.start && overlapping[0].end === region.end;
    const kind = same && overlapping[0].kind === 'GPE' ? 'GPE' : 'LOC';
    out = [...out.filter((m) => !overlapping.includes(m)), mention(region.start, region.end, region.text, confidence, kind)];
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A region's mention, shaped as the recognizer's mentions are. */
function mention(start: number, end: number, text: string, confidence: number, kind: 'LOC' | 'GPE' = 'LOC'): Mention {
  return { start, end, text, kind, confidence, actorId: undefined };
}

/** Code units that end a sentence proper: . ! ? … " ” ’ : ; */
const TERMINAL = new Set([0x2e, 0x21, 0x3f, 0x2026, 0x22, 0x201d, 0x2019, 0x3a, 0x3b]);

/**
 * A title-case headline ("A Fracturing Alliance") capitalizes every word, so capitals say nothing
 * there: a mention in one stands only if each of its words is capitalized somewhere else in the
 * document (not first in its sentence) or is on a name list.
 */
export function dropHeadlineGuesses(
  text: string,
  tokens: TokenTable,
  sentences: readonly Sentence[],
  attrs: TokenAttributes,
  gazetteer: Int32Array,
  mentions: Mention[],
): Mention[] {
  if (mentions.length === 0) return mentions;
  const flags = attrs.flags;
  if (!sentences.some((s) => isHeadline(text, tokens, flags, s))) return mentions;
  const headlines = sentences.map((s) => isHeadline(text, tokens, flags, s));
  return withoutHeadlineGuesses(tokens, sentences, attrs, gazetteer, mentions, headlines);
}

/** dropHeadlineGuesses for a text with a headline (kept apart, as withRegions is). */
function withoutHeadlineGuesses(
  tokens: TokenTable,
  sentences: readonly Sentence[],
  attrs: TokenAttributes,
  gazetteer: Int32Array,
  mentions: Mention[],
  headlines: readonly boolean[],
): Mention[] {
  const flags = attrs.flags;
  const headline = new Uint8Array(tokens.count);
  const capitalizedElsewhere = new Set<number>();
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    if (headlines[k]) {
      headline.fill(1, s.tokenStart, s.tokenEnd);
      continue;
    }
    for (let i = s.tokenStart + 1; i < s.tokenEnd; i++) if (flags[i] & F_HAS_UPPER) capitalizedElsewhere.add(attrs.lower[i]);
  }
  return mentions.filter((m) => {
    const first = lowerBound(tokens.starts, tokens.count, m.start);
    if (first >= tokens.count || headline[first] === 0) return true;
    for (let i = first; i < tokens.count && tokens.starts[i] < m.end; i++) {
      if ((flags[i] & F_HAS_UPPER) === 0) continue;
      if (gazetteer[i] === 0 && !capitalizedElsewhere.has(attrs.lower[i])) return false;
    }
    return true;
  });
}

/** No terminal punctuation at the end, and every word of four letters or more capitalized. */
function isHeadline(text: string, tokens: TokenTable, flags: Uint16Array, s: Sentence): boolean {
  const lastEnd = tokens.ends[s.tokenEnd - 1];
  if (lastEnd > tokens.starts[s.tokenEnd - 1] && TERMINAL.has(text.charCodeAt(lastEnd - 1))) return false;
  let words = 0;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const f = flags[i];
    if ((f & F_HAS_LOWER) === 0 || tokens.ends[i] - tokens.starts[i] < 4) continue;
    words++;
    if ((f & F_INIT_UPPER) === 0) return false;
  }
  return words > 0;
}

function lowerBound(arr: Uint32Array, n: number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
