import { tokenize } from '../tokenizer.js';
import { lowerHashOf, F_INIT_UPPER, F_HAS_DIGIT, type TokenAttributes } from './attributes.js';
import { mix } from './hash.js';
import { IntTable } from './int-table.js';

// Name lists as features: each token learns which lists a phrase it begins (low 16 bits) or
// continues (high 16 bits) belongs to. Phrases are chains of lower-case token hashes in one map.

export const GAZETTEER_CATEGORIES = [
  'country', // a country's own name
  'country-alias', // other names under a country: cities, regions, adjectives
  'leader', // a leader's full name
  'given-name',
  'family-name',
  'institution', // a national institution (ministries, armed forces)
  'international', // international organizations and their officials
  'agency', // intelligence and security agencies
  'threat-actor', // hacking and armed groups
  'head-of-state', // surnames of heads of state and government
] as const;

export type GazetteerCategory = (typeof GAZETTEER_CATEGORIES)[number];

const PREFIX = 1 << 30;
const SEED = 0x5bd1e995;
const MAX_PHRASE = 8;

export class Gazetteer {
  /** Per phrase-prefix hash: category bits, with PREFIX when longer phrases continue it. */
  private readonly phrases = new IntTable(1 << 16);
  size = 0;

  add(phrase: string, category: GazetteerCategory): void {
    const tokens = tokenize(phrase);
    if (tokens.count === 0 || tokens.count > MAX_PHRASE) return;
    // The tokens' lower-case hashes, as computeAttributes gives them (TokenAttributes.lower).
    const lower = (k: number) => lowerHashOf(phrase, tokens.starts[k], tokens.ends[k]);
    const bit = 1 << GAZETTEER_CATEGORIES.indexOf(category);
    let h = mix(SEED, lower(0));
    for (let k = 1; k < tokens.count; k++) {
      this.phrases.set(h, this.phrases.get(h, 0) | PREFIX);
      h = mix(h, lower(k));
    }
    const old = this.phrases.get(h, 0);
    if ((old & bit) === 0) this.size++;
    this.phrases.set(h, old | bit);
  }

  /** Marks each token with the lists of the phrases it is part of (capitalized or numeric phrases only). */
  match(attrs: TokenAttributes, out: Int32Array): void {
    const n = attrs.count;
    out.fill(0, 0, n);
    for (let i = 0; i < n; i++) {
      if ((attrs.flags[i] & (F_INIT_UPPER | F_HAS_DIGIT)) === 0) continue;
      let h = mix(SEED, attrs.lower[i]);
      for (let k = i; ; ) {
        const v = this.phrases.get(h, -1);
        if (v < 0) break;
        const cats = v & 0xffff;
        if (cats !== 0 && (attrs.flags[k] & (F_INIT_UPPER | F_HAS_DIGIT)) !== 0) {
          out[i] |= cats;
          for (let j = i + 1; j <= k; j++) out[j] |= cats << 16;
        }
        if ((v & PREFIX) === 0 || ++k >= n || k - i >= MAX_PHRASE) break;
        h = mix(h, attrs.lower[k]);
      }
    }
  }

  /** The lists the phrase of tokens [first, last] is on, as category bits (0 when on none). */
  categoriesOf(attrs: TokenAttributes, first: number, last: number): number {
    if (last - first >= MAX_PHRASE) return 0;
    let h = mix(SEED, attrs.lower[first]);
    for (let k = first + 1; k <= last; k++) h = mix(h, attrs.lower[k]);
    return this.phrases.get(h, 0) & 0xffff;
  }

  /** Number of tokens of the longest phrase starting at token i (0 when none does). */
  longestAt(attrs: TokenAttributes, i: number): number {
    if ((attrs.flags[i] & (F_INIT_UPPER | F_HAS_DIGIT)) === 0) return 0;
    let longest = 0;
    let h = mix(SEED, attrs.lower[i]);
    for (let k = i; ; ) {
      const v = this.phrases.get(h, -1);
      if (v < 0) break;
      if ((v & 0xffff) !== 0 && (attrs.flags[k] & (F_INIT_UPPER | F_HAS_DIGIT)) !== 0) longest = k - i + 1;
      if ((v & PREFIX) === 0 || ++k >= attrs.count || k - i >= MAX_PHRASE) break;
      h = mix(h, attrs.lower[k]);
    }
    return longest;
  }

  /** Reads the shipped list: one `category<TAB>phrase` a line. */
  static parse(tsv: string): Gazetteer {
    const g = new Gazetteer();
    for (const line of tsv.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const category = line.slice(0, tab) as GazetteerCategory;
      if (!GAZETTEER_CATEGORIES.includes(category)) continue;
      g.add(line.slice(tab + 1), category);
    }
    return g;
  }
}
