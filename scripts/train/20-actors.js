// npm run train (step 20): builds the actor dictionary in data/actors from
//   ../shared/data/gazetteers/phoenix_petrarch2 (MIT): states, their cities, leaders with dated roles,
//     international organisations, armed non-state groups, agent nouns;
//   ../shared/data/gazetteers/reign (cite Bell, Besaw & Frank 2021): closes open-ended terms, adds
//     heads of state and government who took office 2014–2021;
//   ../shared/data/gazetteers/misp_galaxy (CC0 / BSD-2): intelligence agencies, threat-actor groups;
//   data/actors/additions.json (ours): everything since, metonyms, multilingual aliases, agents;
//   i18n-iso-countries (MIT, npm): country names in the languages of the news corpus;
//   data/actors/languages.json (ours): capitals, seats of power, demonyms, agencies and leaders in those languages;
//   opencc-js (Apache-2.0, npm): traditional → simplified Chinese characters, for data/actors/han-fold.json.
// Writes data/actors/actors.jsonl (one actor a line, compact), data/actors/lexicon.json and data/actors/han-fold.json.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(process.env.RIFT_SHARED ?? join(root, '../shared'));
const gaz = join(shared, 'data/gazetteers');
const outDir = join(root, 'data/actors');
if (!existsSync(join(gaz, 'phoenix_petrarch2'))) {
  console.log(`20-actors: skipped, ${gaz} not found (set RIFT_SHARED); data/actors is left as it is`);
  process.exit(0);
}
const additions = JSON.parse(readFileSync(join(outDir, 'additions.json'), 'utf8'));
const byLanguage = JSON.parse(readFileSync(join(outDir, 'languages.json'), 'utf8'));
const { aliasLanguage, inflects, isLatinName } = await import(join(root, 'dist/src/actors/languages.js'));
// Names as the matcher sees them (vowel signs of Indic scripts kept, traditional Chinese characters simplified):
// two names the matcher cannot tell apart are one name.
const { foldText } = await import(join(root, 'dist/src/actors/words.js'));
const matchFold = (s) => foldText(s);
// our capitals and seats of power in other languages join those of additions.json
for (const [name, extra] of Object.entries(byLanguage.metonyms)) {
  const m = additions.metonyms.find((x) => x.name === name);
  if (!m) throw new Error(`languages.json: no metonym "${name}" in additions.json`);
  m.aliases ??= {};
  for (const [lang, names] of Object.entries(extra)) m.aliases[lang] = [...(m.aliases[lang] ?? []), ...names];
}

// ---------- helpers ----------
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const slug = (s) => fold(s).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
const PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'do', 'dos', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'al', 'el', 'y', 'e', 'of', 'the', 'and', 'for', 'in']);
// Particles that are part of a surname: the surname of Ignazio la Russa is "la Russa", not "Russa" (a word in
// Italian, Portuguese and Icelandic), that of Ursula von der Leyen "von der Leyen". (Arabic al-, bin are
// left off in the news: "Assad", "Baghdadi".)
const IBERIAN_JOINERS = new Set(['de', 'da', 'das', 'do', 'dos', 'del']);
const SURNAME_PARTICLES = new Set(['de', 'da', 'das', 'del', 'della', 'dei', 'des', 'di', 'do', 'dos', 'du', 'la', 'le', 'lo', 'van', 'von', 'der', 'den', 'ter', 'ten']);
const VOWEL = /[AEIOUY]/;

/** Phoenix's ALL_CAPS_WITH_UNDERSCORES to written form; short vowel-less tokens stay acronyms. */
function phoenixName(raw, { person = false, shortIsAcronym = false } = {}) {
  const words = raw.replace(/_+$/, '').split(/_+/).filter(Boolean);
  const single = words.length === 1;
  return words
    .map((w) => {
      const alpha = /^[A-Z]+$/.test(w);
      if (!person && alpha && ((single && w.length <= (shortIsAcronym ? 3 : 4)) || (w.length <= 4 && !VOWEL.test(w)))) return w;
      if (/^([A-Z]\.)+$/.test(w)) return w; // U.S., J.
      const lower = w.toLowerCase();
      if (PARTICLES.has(lower) && !single) return lower;
      return lower.replace(/(^|[-'’(.])(\p{L})/gu, (_, p, c) => p + c.toUpperCase()).replace(/^Mc(\p{L})/u, (_, c) => 'Mc' + c.toUpperCase());
    })
    .join(' ');
}

/** YYMMDD (pivot 1930) or YYYYMMDD to ISO; undefined if malformed. */
function phoenixDate(d) {
  if (/^\d{8}$/.test(d)) return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  if (/^\d{6}$/.test(d)) {
    const yy = Number(d.slice(0, 2));
    return `${yy >= 30 ? 1900 + yy : 2000 + yy}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
  }
  return undefined;
}

/** "[RUSGOV 991231-080507]", "[X >080508]", "[X <0901]", "[X]" → role tuples. */
function phoenixRoles(text) {
  const roles = [];
  for (const m of text.matchAll(/\[([^\]]*)\]/g)) {
    const parts = m[1].trim().split(/\s+/);
    const code = (parts[0] ?? '').replace(/^~/, '');
    if (!/^[A-Z]{3,15}$/.test(code)) continue;
    const when = parts[1];
    let from, to;
    if (when) {
      if (when.startsWith('>')) from = phoenixDate(when.slice(1));
      else if (when.startsWith('<')) to = phoenixDate(when.slice(1));
      else if (when.includes('-')) [from, to] = when.split('-').map(phoenixDate);
      if (!from && !to) continue;
    }
    roles.push([code, null, from ?? null, to ?? null]);
  }
  return roles;
}

// ---------- the actor table ----------
/**
 * id → { id, name, kind, country, sector, aliases: Map(key → { name, lang }), weak: Set(key), roles: [], parent }.
 * An alias's key is its language and its name: "Rusia" is an alias in Spanish and another in Indonesian.
 */
const actors = new Map();
function upsert(id, init) {
  let a = actors.get(id);
  if (!a) {
    a = { id, name: init.name, kind: init.kind, country: init.country, sector: init.sector, aliases: new Map(), weak: new Set(), roles: [], parent: init.parent };
    actors.set(id, a);
  }
  return a;
}
const aliasKey = (name, lang) => `${lang}\u0000${name}`;
function addAlias(a, name, lang = '') {
  const n = name.trim();
  if (n.length < 2 && !/\p{Script=Han}/u.test(n)) return;
  a.aliases.set(aliasKey(n, lang), { name: n, lang });
}
/** Aliases by name alone (whatever their language), for the rules that read names. */
const aliasNames = (a) => [...new Set([...a.aliases.values()].map((x) => x.name))];
function deleteAliasName(a, name) {
  for (const [key, x] of a.aliases) if (x.name === name) a.aliases.delete(key);
}
/**
 * Which documents match an alias: '' for every document, else the language whose documents match it by
 * itself (a Latin-script name of another language than English) or by stem (an inflecting language).
 */
const gateOf = (lang, name) => (lang && lang !== 'en' && (isLatinName(name) || inflects(lang)) ? aliasLanguage(lang) : '');
function addRoles(a, roles) {
  for (const r of roles) if (!a.roles.some((x) => x[0] === r[0] && x[2] === r[2] && x[3] === r[3])) a.roles.push(r);
}
const scriptLang = (s) => (/\p{Script=Cyrillic}/u.test(s) ? 'ru' : /\p{Script=Han}/u.test(s) ? 'zh' : '');

// ---------- Phoenix: countries file ----------
const isoCodes = new Set();
const stateNameToIso = new Map(); // folded name → ISO3
function readTabari(path, onGroup) {
  const lines = readFileSync(path, 'utf8').split('\n');
  let group = null;
  const flush = () => {
    if (group && group.names.length) onGroup(group);
    group = null;
  };
  for (const raw of lines) {
    const line = raw.replace(/#.*$/, '').replace(/\s+$/, '');
    if (!line.trim()) continue;
    const codeOnly = /^\s*\[/.test(line);
    const isAlias = line.startsWith('+');
    const namePart = line.replace(/\[.*$/, '').replace(/^\+/, '').trim();
    const roles = phoenixRoles(line);
    if (codeOnly) {
      if (group) group.roles.push(...roles), (group.closed = true);
      continue;
    }
    if (isAlias) {
      if (!group) group = { names: [], roles: [], closed: false };
      if (namePart) group.names.push(namePart.split(/\s+/)[0]);
      group.roles.push(...roles);
      continue;
    }
    // a new primary name: continues the group only while that group has no codes yet
    if (!group || group.closed || group.roles.length) {
      flush();
      group = { names: [], roles: [], closed: false };
    }
    group.names.push(namePart.split(/\s+/)[0]);
    group.comment = raw.includes('CountryInfo');
    if (roles.length) group.roles.push(...roles), (group.closed = true);
  }
  flush();
}

const countriesFile = join(gaz, 'phoenix_petrarch2/Phoenix.Countries.actors.txt');
// first pass: state blocks and their names
/** The state code of a country block: its (last, still open) three-letter code. */
function stateCode(g) {
  const codes = g.roles.filter((r) => /^[A-Z]{3}$/.test(r[0]));
  if (!codes.length || g.comment) return undefined;
  return (codes.find((r) => !r[3]) ?? codes[codes.length - 1])[0];
}
readTabari(countriesFile, (g) => {
  if (stateCode(g)) {
    const iso = stateCode(g);
    isoCodes.add(iso);
    for (const n of g.names) if (!stateNameToIso.has(fold(phoenixName(n)))) stateNameToIso.set(fold(phoenixName(n)), iso);
  }
});
for (const [iso, s] of Object.entries(additions.states)) {
  isoCodes.add(iso);
  for (const list of Object.values(s.aliases ?? {})) for (const n of list) stateNameToIso.set(fold(n), iso);
}
const metonymNames = new Set(additions.metonyms.flatMap((m) => [m.name, ...Object.values(m.aliases ?? {}).flat()]).map(fold));

// Capitalized at the start of a sentence, these would pass for surnames.
const COMMON_WORDS = new Set(('a an the on in at of to by for from with as is it its he she we they you i me my our your his her their this that these those there here ' +
  'and or but not no yes so if then than when where what who why how which while after before since until about above below over under up down out off into onto ' +
  'all any each every some many much more most few less least other another such same own only just also very too still yet even ever never always often again ' +
  'new old good bad great little big long short high low young early late last first next best better well back home way day days year years time times week month ' +
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday ' +
  'will would can could should shall must might may do does did done have has had be been being was were are am say says said make made take took go went come came ' +
  'see saw get got give gave know knew think thought tell told ask asked work works call called use used find found want wanted need needed ' +
  'one two three four five six seven eight nine ten hundred thousand million billion ' +
  'north south east west northern southern eastern western central national international federal state states government party people world ' +
  'king queen prince lord sir mr mrs ms dr president minister general major captain chief judge bishop ' +
  'white black brown green gray grey red blue gold silver stone wood hill hall ford bush rice young price hope love rose lamb bird fox wolf bell cook baker ' +
  'smith miller carter turner parker walker hunter mason porter fisher taylor cooper ' +
  'china russia india japan france germany italy spain canada mexico brazil america europe asia africa').split(/\s+/));
// Words written in lower case in news text (CoNLL-2003 train, if present) are words, not surnames.
const conll = join(shared, 'data/ner/conll2003/train.txt');
if (existsSync(conll)) {
  const lowerCount = new Map();
  for (const line of readFileSync(conll, 'utf8').split('\n')) {
    const w = line.slice(0, line.indexOf(' '));
    if (/^[a-z]{3,}$/.test(w)) lowerCount.set(w, (lowerCount.get(w) ?? 0) + 1);
  }
  for (const [w, n] of lowerCount) if (n >= 3) COMMON_WORDS.add(w);
}
// ...but these surnames are what the news calls their bearers
for (const keep of ['bush', 'carter', 'baker', 'rice', 'brown']) COMMON_WORDS.delete(keep);
for (const abbreviation of ['sen', 'rep', 'gov', 'gen', 'col', 'sgt', 'capt', 'adm', 'hon', 'lt', 'st', 'ft', 'mt']) COMMON_WORDS.add(abbreviation);
// city names that are also common first names or words
const STATE_ALIAS_STOP = new Set(['Vladimir', 'Kirov', 'Molotov', 'Victoria', 'Georgetown', 'Of', 'The']);
const INSTITUTION = /\b(TIMES|NEWS|POST|JOURNAL|PRESS|RADIO|TELEVISION|NEWSPAPER|GAZETTE|HERALD|TRIBUNE|POLITBURO|PRESIDIUM|JUNTA|ARMY|FORCES?|MINIST|PARTY|COUNCIL|COMMITTEE|FRONT|POLICE|GUARD|BANK|UNION|AGENCY|SERVICE|COURT|ASSEMBLY|MOVEMENT|ORGANI[SZ]ATION|GROUP|BRIGADES?|NAVY|CORPS|OFFICE|DEPARTMENT|GOVERNMENT|COMMISSION|INSTITUTE|UNIVERSITY|COMPANY|CORPORATION|ALLIANCE|CONGRESS|PARLIAMENT|SENATE|TRIBUNAL)/;
// the sector codes src/model/actor.ts knows
const SECTORS = new Set(['GOV', 'MIL', 'SPY', 'BUS', 'EDU', 'MED', 'JUD', 'OPP', 'REB', 'IGO', 'NGO', 'LEG', 'ELI', 'CVL', 'COP', 'HLH', 'REF', 'AGR', 'LAB', 'CRM', 'UAF', 'IMG']);
const KIND_BY_SECTOR = { GOV: 'government', MIL: 'military', SPY: 'agency', COP: 'agency', BUS: 'company', IGO: 'igo', LEG: 'government', JUD: 'government' };

let currentIso;
readTabari(countriesFile, (g) => {
  const first = g.names[0];
  if (stateCode(g)) {
    currentIso = stateCode(g);
    const a = upsert(currentIso, { name: phoenixName(first, { shortIsAcronym: true }), kind: 'state', country: currentIso });
    a.roles.length || a.roles.push([currentIso, null, null, null]);
    for (const n of g.names) {
      const name = phoenixName(n, { shortIsAcronym: true });
      if (!metonymNames.has(fold(name)) && !STATE_ALIAS_STOP.has(name)) addAlias(a, name);
    }
    return;
  }
  if (!g.roles.length) return;
  const dated = g.roles.some((r) => r[2] || r[3]);
  const person = (dated || g.comment) && !INSTITUTION.test(first.replace(/_/g, ' '));
  const code = g.roles.find((r) => r[2] || r[3])?.[0] ?? g.roles[0][0];
  const country = isoCodes.has(code.slice(0, 3)) ? code.slice(0, 3) : currentIso;
  const sector = code.length >= 6 && SECTORS.has(code.slice(3, 6)) ? code.slice(3, 6) : undefined;
  if (person) {
    const a = upsert(slug(phoenixName(first, { person: true })), { name: phoenixName(first, { person: true }), kind: 'person', country });
    for (const n of g.names) addAlias(a, phoenixName(n, { person: true }));
    addRoles(a, g.roles);
  } else {
    const name = phoenixName(first);
    const a = upsert(`${(country ?? 'x').toLowerCase()}-${slug(name)}`, { name, kind: KIND_BY_SECTOR[sector] ?? 'group', country, sector });
    for (const n of g.names) addAlias(a, phoenixName(n));
    addRoles(a, g.roles.filter((r) => !r[2] && !r[3]).slice(0, 1));
  }
});

// ---------- Phoenix: international organisations and armed non-state groups ----------
for (const [file, kindOf] of [
  ['Phoenix.International.actors.txt', (code) => (code.startsWith('IGO') ? 'igo' : code.startsWith('MNC') ? 'company' : code.startsWith('NGO') ? 'group' : 'person')],
  ['Phoenix.MilNonState.actors.txt', () => 'group'],
]) {
  readTabari(join(gaz, 'phoenix_petrarch2', file), (g) => {
    if (!g.roles.length) return;
    const code = g.roles[0][0];
    if (code.startsWith('MNC')) return; // firms by revenue: too many, too ambiguous for news matching
    const dated = g.roles.some((r) => r[2] || r[3]);
    const kind = dated ? 'person' : kindOf(code);
    const first = g.names[0];
    const name = phoenixName(first, { person: kind === 'person' });
    const id = kind === 'person' ? slug(name) : slug(name).slice(0, 60);
    const a = upsert(id, { name, kind, country: isoCodes.has(code.slice(0, 3)) ? code.slice(0, 3) : undefined, sector: kind === 'igo' ? 'IGO' : undefined });
    for (const n of g.names) addAlias(a, phoenixName(n, { person: kind === 'person' }));
    addRoles(a, kind === 'person' ? g.roles : g.roles.slice(0, 1));
  });
}

// ---------- REIGN: close open terms, add 2014–2021 leaders ----------
const reignDir = join(gaz, 'reign');
if (existsSync(join(reignDir, 'reign_leaderlist_2021_03.csv'))) {
  const cowName = new Map();
  for (const line of readFileSync(join(reignDir, 'reign_regime_list.csv'), 'utf8').split('\n').slice(1)) {
    const [cow, name] = line.split(',');
    if (cow && name) cowName.set(cow, name);
  }
  const iso2 = (d, m, y) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  let closed = 0, added = 0;
  for (const line of readFileSync(join(reignDir, 'reign_leaderlist_2021_03.csv'), 'utf8').split('\n').slice(1)) {
    const f = line.split(',');
    if (f.length < 10) continue;
    const [, ccode, , leader, sd, sm, sy, em, ey] = f;
    const iso = stateNameToIso.get(fold(cowName.get(ccode) ?? ''));
    if (!iso || !sy) continue;
    const start = iso2(sd || 1, sm || 1, sy);
    const end = ey ? iso2(1, em || 1, ey) : null;
    const surname = fold(leader.trim().split(/\s+/).pop() ?? '');
    const code = `${iso}GOV`;
    const match = [...actors.values()].find(
      (a) => a.kind === 'person' && a.country === iso && fold(a.name).split(' ').pop() === surname &&
        a.roles.some((r) => r[0] === code),
    );
    if (match) {
      for (const r of match.roles) {
        if (r[0] === code && r[2] && !r[3] && end && r[2] <= end && Math.abs(Date.parse(r[2]) - Date.parse(start)) < 400 * 864e5) {
          r[3] = end;
          closed++;
        }
      }
    } else if (start >= '2014-02-01') {
      const a = upsert(slug(`${leader} ${iso}`), { name: leader.trim(), kind: 'leader', country: iso });
      addAlias(a, leader.trim());
      addRoles(a, [[code, 'head of state or government (REIGN)', start, end]]);
      added++;
    }
  }
  console.log(`REIGN: closed ${closed} open terms, added ${added} leaders`);
}

// ---------- MISP galaxy: intelligence agencies and threat actors ----------
const iso2to3 = new Map();
const agenciesPath = join(gaz, 'misp_galaxy/intelligence-agencies.json');
for (const v of JSON.parse(readFileSync(agenciesPath, 'utf8')).values) {
  const iso = stateNameToIso.get(fold(v.meta?.country_name ?? ''));
  if (v.meta?.country && iso) iso2to3.set(v.meta.country, iso);
  if (!iso) continue;
  const name = v.value.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const acronym = /\(([A-ZА-Я0-9]{2,8})\)/u.exec(v.description ?? '')?.[1];
  const a = upsert(`${iso.toLowerCase()}-${slug(acronym ?? name).slice(0, 40)}`, { name, kind: 'agency', country: iso, sector: 'SPY', parent: `${iso}GOV` });
  addAlias(a, name, 'en');
  if (acronym) addAlias(a, acronym);
  for (const s of v.meta?.synonyms ?? []) addAlias(a, s, scriptLang(s));
  addRoles(a, [[`${iso}SPY`, 'intelligence or security agency', null, null]]);
}
for (const v of JSON.parse(readFileSync(join(gaz, 'misp_galaxy/threat-actor.json'), 'utf8')).values) {
  const sponsor = v.meta?.['cfr-suspected-state-sponsor'];
  const iso = (sponsor && stateNameToIso.get(fold(sponsor))) ?? iso2to3.get(v.meta?.country ?? '');
  const a = upsert(`ta-${slug(v.value).slice(0, 40)}`, { name: v.value, kind: 'group', country: iso, sector: iso ? 'SPY' : undefined });
  for (const s of [v.value, ...(v.meta?.synonyms ?? [])]) {
    const single = !/\s/.test(s.trim());
    if (single && s.length < 5 && !/\d/.test(s)) continue;
    addAlias(a, s);
  }
  addRoles(a, [[iso ? `${iso}SPY` : 'HCK', iso ? 'state-linked hacker group' : 'hacker group', null, null]]);
}

// ---------- i18n-iso-countries: country names in the languages of the news corpus ----------
// The corpus's languages (and Malay, which the language detector gives Indonesian texts); English names
// are Phoenix's and ours. A name two countries share in one language (Kongo, Korea) is left out.
const COUNTRY_NAME_LANGUAGES = ['it', 'fr', 'de', 'es', 'pt', 'ro', 'nl', 'id', 'ms', 'pl', 'cs', 'uk', 'ru', 'hu', 'tr', 'is', 'ja', 'hi', 'zh'];
const { default: countries } = await import('i18n-iso-countries');
const OUR_STATE_ID = { TLS: 'TMP', XKK: 'KSV' }; // where our (CAMEO) code differs from ISO 3166-1
let countryNames = 0;
for (const lang of COUNTRY_NAME_LANGUAGES) {
  const byName = new Map(); // folded name → [name, state ids]
  for (const [alpha2, raw] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
    const iso3 = countries.alpha2ToAlpha3(alpha2);
    const id = OUR_STATE_ID[iso3] ?? iso3;
    if (actors.get(id)?.kind !== 'state') continue;
    for (const full of [raw].flat()) {
      // "КНР (Китайская Народная Республика)" is two names; "Korea, Republic of" is cited by its first part
      const parts = [full.replace(/\s*\([^)]*\)\s*/g, ' '), ...[...full.matchAll(/\(([^)]*)\)/g)].map((m) => m[1])];
      for (const part of parts) {
        const name = part.split(',')[0].trim();
        if (name.length < 2) continue;
        const entry = byName.get(matchFold(name)) ?? [name, new Set()];
        entry[1].add(id);
        byName.set(matchFold(name), entry);
      }
    }
  }
  for (const [name, ids] of byName.values()) {
    if (ids.size !== 1) continue;
    addAlias(actors.get([...ids][0]), name, lang);
    countryNames++;
  }
}
console.log(`i18n-iso-countries: ${countryNames} country names in ${COUNTRY_NAME_LANGUAGES.length} languages`);

// ---------- our additions ----------
// Names our additions give an actor (or a metonym) belong to it alone: converted entries lose them.
const claimed = new Map(); // folded name → claiming actor id
const claim = (name, id) => claimed.set(matchFold(name), id);
for (const m of additions.metonyms) for (const n of [m.name, ...Object.values(m.aliases ?? {}).flat()]) claim(n, m.target);
const langOf = (entry) => Object.entries(entry ?? {}).flatMap(([lang, names]) => names.map((n) => [n, lang]));
for (const [iso, s] of Object.entries(additions.states)) {
  const a = upsert(iso, { name: s.name, kind: 'state', country: iso });
  a.name = s.name;
  if (!a.roles.length) a.roles.push([iso, null, null, null]);
  for (const [n, lang] of [...langOf(s.aliases), ...langOf(s.demonyms)]) addAlias(a, n, lang), claim(n, iso);
}
// every state gets its government, military and intelligence services as actors
for (const iso of isoCodes) {
  const state = actors.get(iso);
  if (!state) continue;
  for (const [sector, label, kind] of [['GOV', 'government', 'government'], ['MIL', 'armed forces', 'military'], ['SPY', 'intelligence services', 'agency']]) {
    const a = upsert(`${iso}${sector}`, { name: `${label[0].toUpperCase()}${label.slice(1)} of ${state.name}`, kind, country: iso, sector, parent: iso });
    addRoles(a, [[`${iso}${sector}`, null, null, null]]);
  }
}
for (const [iso, bySector] of Object.entries(additions.sectors)) {
  for (const [sector, names] of Object.entries(bySector)) {
    const a = actors.get(`${iso}${sector}`);
    for (const [n, lang] of langOf(names)) addAlias(a, n, lang), claim(n, a.id);
  }
}
for (const o of additions.organizations) {
  const a = upsert(o.id, { name: o.name, kind: o.kind, country: o.country, sector: SECTORS.has(o.code?.slice(3, 6)) ? o.code.slice(3, 6) : undefined, parent: o.parent });
  Object.assign(a, { name: o.name, kind: o.kind, country: o.country ?? a.country, parent: o.parent ?? a.parent });
  if (o.kind === 'igo') a.sector = 'IGO';
  addAlias(a, o.name, 'en');
  for (const [n, lang] of langOf(o.aliases)) addAlias(a, n, lang), claim(n, a.id);
  claim(o.name, a.id);
  a.roles = [[o.code, null, null, null]];
}
for (const p of additions.people) {
  const id = p.id ?? slug(p.name);
  const a = upsert(id, { name: p.name, kind: 'leader', country: p.country });
  a.name = p.name;
  a.kind = 'leader';
  if (p.country) a.country = p.country;
  addAlias(a, p.name, '');
  for (const [n, lang] of langOf(p.aliases)) addAlias(a, n, lang), claim(n, a.id);
  claim(p.name, a.id);
  a.roles = p.roles.map((r) => [r[0], r[1] ?? null, r[2] ?? null, r[3] ?? null]);
}
// our names in the corpus's languages; a Latin-script one of another language than English matches only in
// its own language's documents, so it claims nothing from the names every document matches
const ourLanguageName = (a, n, lang) => {
  addAlias(a, n, lang);
  if (!(lang && lang !== 'en' && isLatinName(n))) claim(n, a.id);
};
for (const [iso, s] of Object.entries(byLanguage.states)) {
  const a = actors.get(iso);
  if (a?.kind !== 'state') throw new Error(`languages.json: no state ${iso}`);
  for (const [n, lang] of [...langOf(s.names), ...langOf(s.demonyms)]) ourLanguageName(a, n, lang);
}
for (const [id, names] of Object.entries(byLanguage.actors)) {
  const a = actors.get(id);
  if (!a) throw new Error(`languages.json: no actor ${id}`);
  for (const [n, lang] of langOf(names)) ourLanguageName(a, n, lang);
}

for (const a of actors.values()) {
  for (const [key, { name: n }] of [...a.aliases]) {
    const owner = claimed.get(matchFold(n)) ?? claimed.get(matchFold(n).replace(/^the /, ''));
    if (owner && owner !== a.id && !(a.kind === 'state' && owner === a.id)) a.aliases.delete(key);
  }
}
// One spelling per folded form and set of documents that match it (see gateOf): the one with the most
// capitals (the strictest to match), then the most accents (a bare surname must not gain marks in the
// text). A name one language's documents match by itself is dropped where every document matches it.
const caps = (x) => x.replace(/[^\p{Lu}]/gu, '').length;
const marks = (x) => x.normalize('NFD').replace(/[^\p{M}]/gu, '').length;
for (const a of actors.values()) {
  const byKey = new Map();
  for (const { name: n, lang } of a.aliases.values()) {
    const form = matchFold(n).replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ').trim();
    const key = `${gateOf(lang, n)}|${form}`;
    const prev = byKey.get(key);
    const better = !prev || caps(n) > caps(prev.name) || (lang && !prev.lang) || (caps(n) === caps(prev.name) && marks(n) > marks(prev.name));
    if (better) byKey.set(key, { name: n, lang: lang || prev?.lang || '', form });
  }
  a.aliases = new Map();
  for (const [key, x] of byKey) {
    const gate = key.slice(0, key.indexOf('|'));
    if (gate && !inflects(gate) && byKey.has(`|${x.form}`)) continue;
    addAlias(a, x.name, x.lang);
  }
}

// Words that begin many person names are given names: not surnames, whatever a short entry says.
const givenCount = new Map();
for (const a of actors.values()) {
  if (a.kind !== 'person' && a.kind !== 'leader') continue;
  const first = fold(a.name.split(' ')[0] ?? '');
  givenCount.set(first, (givenCount.get(first) ?? 0) + 1);
}
for (const [w, n] of givenCount) if (n >= 3) COMMON_WORDS.add(w);

// Where the family name comes first, the last word of a name is a given name: no surname aliases.
const FAMILY_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK', 'VNM', 'KHM', 'MNG']);

// persons: a single-word alias (a surname) is weak: it resolves only on the date's evidence
for (const a of actors.values()) {
  if (a.kind === 'person' && a.roles.some((r) => /GOV$/.test(r[0].slice(0, 6)) || r[0].slice(3, 6) === 'GOV')) a.kind = 'leader';
  if (a.kind !== 'person' && a.kind !== 'leader') continue;
  const words = a.name.split(' ').filter((w) => !/^(Jr|Sr|Iii|III|Ii)\.?$/.test(w));
  // the surname: the last word with the particles just before it
  let first = words.length - 1;
  while (first > 1 && SURNAME_PARTICLES.has(words[first - 1].toLowerCase())) first--;
  // Iberian "de", "da" after a surname join two surnames (Fernández de Kirchner, Lula da Silva): the news uses the last alone
  if (first > 1 && IBERIAN_JOINERS.has(words[first].toLowerCase())) first = words.length - 1;
  const surname = words.slice(first).join(' ');
  const given = words.slice(0, first).filter((w) => !PARTICLES.has(w.toLowerCase()));
  const officeHolder = a.roles.some((r) => r[2] || r[3]);
  const familyFirst = FAMILY_FIRST.has(a.country);
  if (officeHolder && given.length && surname && !familyFirst && !/\p{Script=Han}/u.test(a.name)) addAlias(a, surname);
  // single words in other scripts than Latin (Путин, プーチン) are specific enough in their own scripts
  for (const [key, { name: n }] of [...a.aliases]) {
    if ((/\s/.test(n) && n !== surname) || !/\p{Script=Latin}/u.test(n)) continue;
    const ours = claimed.get(matchFold(n)) === a.id;
    if (!ours && (n.length < 3 || COMMON_WORDS.has(n.toLowerCase()) || familyFirst)) a.aliases.delete(key);
    else a.weak.add(key);
  }
}

// ---------- lexicon ----------
const agents = new Map(); // phrase → [sector, lang]
const plural = (w) => (/(s|x|z|ch|sh)$/.test(w) ? w + 'es' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : /man$/.test(w) ? w.slice(0, -3) + 'men' : w + 's');
for (const line of readFileSync(join(gaz, 'phoenix_petrarch2/Phoenix.agents.txt'), 'utf8').split('\n')) {
  const m = /^([A-Z][A-Z_\-']*?)_*\s*\[~([A-Z]{3})/.exec(line.replace(/#.*$/, ''));
  if (!m) continue;
  const phrase = m[1].replace(/_+/g, ' ').toLowerCase().trim();
  if (!phrase || phrase.length < 3) continue;
  const words = phrase.split(' ');
  agents.set(phrase, [m[2], '']);
  agents.set([...words.slice(0, -1), plural(words[words.length - 1])].join(' '), [m[2], '']);
}
for (const [key, phrases] of Object.entries(additions.agents)) {
  const [lang, sector] = key.includes(':') ? key.split(':') : ['', key];
  for (const p of phrases) agents.set(p, [sector, lang]);
}
const lexicon = {
  about: 'Built by scripts/train/20-actors.js; see SOURCES.md.',
  metonyms: additions.metonyms.flatMap((m) => [[m.name, m.target, m.place, 'en'], ...langOf(m.aliases).map(([n, lang]) => [n, m.target, m.place, lang])]),
  agents: [...agents].map(([p, [s, lang]]) => (lang ? [p, s, lang] : [p, s])),
};

// ---------- write ----------
const lines = [];
for (const a of [...actors.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
  if (!a.aliases.size) continue;
  const rec = { id: a.id, name: a.name, kind: a.kind };
  if (a.country) rec.country = a.country;
  if (a.sector) rec.sector = a.sector;
  if (a.parent) rec.parent = a.parent;
  // aliases as "lang:name" (no prefix when neutral); weak ones (surnames) prefixed with "~"
  rec.aliases = [...a.aliases].map(([key, { name, lang }]) => (a.weak.has(key) ? '~' : '') + (lang ? `${lang}:` : '') + name);
  rec.roles = a.roles.map((r) => {
    const out = [r[0], r[1] ?? null, r[2] ?? null, r[3] ?? null];
    while (out.length > 1 && out[out.length - 1] === null) out.pop();
    return out;
  });
  lines.push(JSON.stringify(rec));
}
// ---------- traditional → simplified Chinese characters (OpenCC's tables, through opencc-js) ----------
// One code unit to one: the matcher folds each Han character of names and texts as it folds case.
const { Converter } = await import('opencc-js');
const toSimplified = [Converter({ from: 't', to: 'cn' }), Converter({ from: 'tw', to: 'cn' }), Converter({ from: 'hk', to: 'cn' })];
const simplifyOnce = (ch) => {
  for (const convert of toSimplified) {
    const out = convert(ch);
    if (out !== ch && out.length === 1) return out;
  }
  return ch;
};
let hanPairs = '';
for (const [from, to] of [[0x3400, 0x9fff], [0xf900, 0xfaff]]) {
  for (let code = from; code <= to; code++) {
    const ch = String.fromCharCode(code);
    let folded = ch.normalize('NFD').length === 1 ? ch.normalize('NFD') : ch; // compatibility ideographs to unified ones
    for (let step = 0; step < 4; step++) folded = simplifyOnce(folded);
    if (folded !== ch) hanPairs += ch + folded;
  }
}
writeFileSync(join(outDir, 'han-fold.json'), JSON.stringify({
  about: 'Built by scripts/train/20-actors.js from the OpenCC conversion tables (Apache-2.0, via opencc-js): each traditional, Taiwan or Hong Kong form of a Han character followed by its simplified form; see SOURCES.md.',
  pairs: hanPairs,
}) + '\n');
console.log(`han-fold.json: ${hanPairs.length / 2} traditional characters`);
writeFileSync(join(outDir, 'actors.jsonl'), lines.join('\n') + '\n');
writeFileSync(join(outDir, 'lexicon.json'), JSON.stringify(lexicon));
console.log(`data/actors: ${lines.length} actors, ${lexicon.metonyms.length} metonyms, ${lexicon.agents.length} agent phrases`);
