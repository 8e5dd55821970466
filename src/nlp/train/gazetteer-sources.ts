import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteerCategory } from '../features/gazetteer.js';

// Turns the shared name lists (Phoenix/PETRARCH2 actor dictionaries, MISP galaxies, REIGN) into our
// own list of `category<TAB>phrase` lines. Only names are kept, no other content of those files.

export interface GazetteerEntry {
  category: GazetteerCategory;
  phrase: string;
}

const TITLE_WORDS = new Set([
  'PRESIDENT', 'PRIME', 'MINISTER', 'SECRETARY', 'GENERAL', 'CHAIRMAN', 'KING', 'QUEEN', 'PRINCE', 'EMIR',
  'FORMER', 'LEADER', 'CHIEF', 'HEAD', 'SPEAKER', 'VICE', 'DEPUTY', 'REFORMER', 'GOVERNOR', 'COMMANDER',
  'SENATOR', 'AMBASSADOR', 'MAYOR', 'SHEIKH', 'SULTAN', 'CHANCELLOR', 'FOREIGN', 'DEFENSE', 'PARTY', 'OF', 'THE',
]);

function cleanName(raw: string): string {
  return raw
    .replace(/\(.*?\)/g, ' ')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Upper-case dictionary names in a readable case: "FEDERAL SECURITY SERVICE" → "Federal Security Service". */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s\-.'])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function isPlausible(name: string): boolean {
  return name.length >= 2 && name.length <= 80 && /\p{L}/u.test(name) && !/[<>{}=+]/.test(name);
}

interface Block {
  head: string;
  comment: string;
  aliases: string[];
  codes: string[];
  inInstitutions: boolean;
}

function* phoenixBlocks(content: string): Generator<Block> {
  let block: Block | null = null;
  let inInstitutions = false;
  for (const raw of content.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^#\s*National Institutions/i.test(line)) inInstitutions = true;
    if (!line.trim() || line.startsWith('#')) continue;
    const hash = line.indexOf('#');
    const body = hash >= 0 ? line.slice(0, hash) : line;
    const comment = hash >= 0 ? line.slice(hash) : '';
    const codes = [...body.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].trim());
    const name = cleanName(body.replace(/\[[^\]]*\]/g, ' ').replace(/^\+/, ''));
    if (/^\s/.test(line)) {
      block?.codes.push(...codes);
      continue;
    }
    if (line.startsWith('+') && block) {
      if (name) block.aliases.push(name);
      block.codes.push(...codes);
      continue;
    }
    if (block) yield block;
    if (codes.some((c) => /^[A-Z]{3}$/.test(c))) inInstitutions = false;
    block = { head: name, comment, aliases: [], codes, inInstitutions };
  }
  if (block) yield block;
}

function isCountry(b: Block): boolean {
  return !/CountryInfo|IGOrulers/.test(b.comment) && b.codes.some((c) => /^[A-Z]{3}(\s|$)/.test(c));
}

/** Leaders' entries carry the CountryInfo/IGOrulers comment, or an ELI (elite) role code. */
function isPerson(b: Block): boolean {
  return /CountryInfo|IGOrulers/.test(b.comment) || b.codes.some((c) => /^[A-Z]{3}ELI\b|^ELI\b/.test(c));
}

function personEntries(names: string[], out: GazetteerEntry[]): void {
  for (const n of names) {
    const words = n.split(' ');
    if (words.some((w) => TITLE_WORDS.has(w))) continue;
    out.push({ category: 'leader', phrase: titleCase(n) });
    if (words.length >= 2) {
      const given = words[0];
      const family = words[words.length - 1];
      if (given.length > 2 && !given.endsWith('.')) out.push({ category: 'given-name', phrase: titleCase(given) });
      if (family.length > 2) out.push({ category: 'family-name', phrase: titleCase(family) });
    }
  }
}

function fromPhoenixCountries(content: string, out: GazetteerEntry[]): void {
  for (const b of phoenixBlocks(content)) {
    if (isCountry(b)) {
      out.push({ category: 'country', phrase: titleCase(b.head) });
      for (const a of b.aliases) out.push({ category: 'country-alias', phrase: titleCase(a) });
    } else if (isPerson(b)) personEntries([b.head, ...b.aliases], out);
    else for (const n of [b.head, ...b.aliases]) out.push({ category: 'institution', phrase: titleCase(n) });
  }
}

function fromPhoenixList(content: string, category: GazetteerCategory, out: GazetteerEntry[]): void {
  for (const b of phoenixBlocks(content)) {
    if (isPerson(b)) personEntries([b.head, ...b.aliases], out);
    else for (const n of [b.head, ...b.aliases]) out.push({ category, phrase: n.length <= 5 ? n : titleCase(n) });
  }
}

function fromMisp(content: string, category: GazetteerCategory, out: GazetteerEntry[]): void {
  const galaxy = JSON.parse(content) as { values: { value: string; meta?: { synonyms?: string[] } }[] };
  for (const v of galaxy.values) {
    for (const name of [v.value, ...(v.meta?.synonyms ?? [])]) {
      if (/\p{Lu}/u.test(name)) out.push({ category, phrase: name.trim() });
    }
  }
}

function fromReign(content: string, out: GazetteerEntry[]): void {
  const lines = content.split('\n').slice(1);
  for (const line of lines) {
    const name = line.split(',')[3]?.trim();
    if (name) out.push({ category: 'head-of-state', phrase: name });
  }
}

/** Every entry the shared gazetteers give, deduplicated, in a stable order. */
export function buildGazetteerEntries(gazetteersDir: string): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  const read = (rel: string) => {
    const p = join(gazetteersDir, rel);
    return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
  };
  const countries = read('phoenix_petrarch2/Phoenix.Countries.actors.txt');
  if (countries) fromPhoenixCountries(countries, out);
  const intl = read('phoenix_petrarch2/Phoenix.International.actors.txt');
  if (intl) fromPhoenixList(intl, 'international', out);
  const armed = read('phoenix_petrarch2/Phoenix.MilNonState.actors.txt');
  if (armed) fromPhoenixList(armed, 'threat-actor', out);
  const agencies = read('misp_galaxy/intelligence-agencies.json');
  if (agencies) fromMisp(agencies, 'agency', out);
  const threats = read('misp_galaxy/threat-actor.json');
  if (threats) fromMisp(threats, 'threat-actor', out);
  const reign = read('reign/reign_leaderlist_2021_03.csv');
  if (reign) fromReign(reign, out);
  const seen = new Set<string>();
  const unique: GazetteerEntry[] = [];
  for (const e of out) {
    const key = `${e.category}\t${e.phrase}`;
    if (!isPlausible(e.phrase) || seen.has(key)) continue;
    seen.add(key);
    unique.push(e);
  }
  return unique.sort((a, b) => (a.category === b.category ? (a.phrase < b.phrase ? -1 : 1) : a.category < b.category ? -1 : 1));
}
