/**
 * Reads PETRARCH-format actor and agent dictionaries (the Validate dictionaries of the PETRARCH
 * unit tests) into an actor dictionary of Rift's own kind (src/actors): one actor record per entry, its
 * dated codes as roles, the agents as its lexicon's agent nouns. The evaluation then resolves names and
 * reads roles on a date through the same resolver as the pipeline.
 *
 * Actors: `NAME [CODE]`, or `NAME` then `+ALIAS` lines and indented `[CODE date-range]` lines;
 * dates are `<YYMMDD`, `>YYMMDD`, `YYMMDD-YYMMDD` with 6- or 8-digit dates. Agents:
 * `NAME {PLURALS} [~CODE]` (the code follows the actor's) or `[CODE~]` (it precedes);
 * `!MACRO! = A, B` defines word substitutions.
 */
import type { ActorKind } from '../../model/index.js';
import { dictionaryFromData, type ActorDictionary, type Lexicon } from '../../actors/dictionary.js';
import type { ActorRecord } from '../../actors/record-file.js';
import { phraseWords } from './petrarch-verbs.js';

/** A code and the dates it holds (inclusive ISO dates; absent ends are open). */
export interface DatedCode {
  code: string;
  from?: string;
  to?: string;
}

/** PETRARCH dictionaries read into actor records and agent nouns (lower-case words joined by single spaces). */
export interface PetrarchActorData {
  actors: ActorRecord[];
  agents: Lexicon['agents'];
}

export function emptyPetrarchData(): PetrarchActorData {
  return { actors: [], agents: [] };
}

function isoDate(raw: string): string {
  const d = raw.trim();
  if (d.length === 8) return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
  const yy = Number(d.slice(0, 2));
  const century = yy <= 30 ? '20' : '19';
  return `${century}${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4, 6)}`;
}

/** `HOBGOV 19950601 - 19990815`, `HOB < 950601`, `HOBREB >990816`, `GON`. */
export function parseDatedCode(inside: string): DatedCode | undefined {
  const m = /^\s*([^\s<>]+)?\s*(.*)$/.exec(inside);
  if (!m || !m[1]) return undefined;
  const code = m[1];
  const range = m[2].replace(/\s+/g, '');
  if (!range) return { code };
  let r: RegExpExecArray | null;
  if ((r = /^<(\d{6,8})$/.exec(range))) return { code, to: isoDate(r[1]) };
  if ((r = /^>(\d{6,8})$/.exec(range))) return { code, from: isoDate(r[1]) };
  if ((r = /^(\d{6,8})-(\d{6,8})$/.exec(range))) return { code, from: isoDate(r[1]), to: isoDate(r[2]) };
  return { code };
}

function lines(text: string): string[] {
  return text.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
}

/**
 * One actor record for a PETRARCH entry. Names keep PETRARCH's case-blind matching, except that the first word
 * must be capitalized in the text (as a name is): "ARNOR" is written "Arnor", "HAMAS WING" "Hamas wing".
 */
function actorRecord(id: string, names: string[], codes: DatedCode[]): ActorRecord {
  const undated = codes.filter((c) => !c.from && !c.to);
  const kind: ActorKind = codes.some((c) => c.from || c.to) ? 'person' : undated.every((c) => /^[A-Z]{3}$/.test(c.code)) ? 'state' : 'group';
  return {
    id,
    name: written(names[0]),
    kind,
    aliases: names.map(written),
    roles: codes.map((c) => (c.from || c.to ? [c.code, null, c.from ?? null, c.to ?? null] : [c.code])),
  };
}

function written(phrase: string): string {
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

/**
 * Files an entry as an actor. An entry with one undated code takes the code as its id, as the shipped dictionary's
 * states do (GON, and GONGOV for "Gondor's government"); entries sharing it become one actor with all their names.
 */
function add(into: PetrarchActorData, names: string[], codes: DatedCode[]): void {
  const code = codes.length === 1 && !codes[0].from && !codes[0].to ? codes[0].code : undefined;
  const same = code ? into.actors.find((a) => a.id === code) : undefined;
  if (same) same.aliases.push(...names.map(written).filter((n) => !same.aliases.includes(n)));
  else into.actors.push(actorRecord(code ?? `petrarch-${into.actors.length + 1}`, names, codes));
}

export function parsePetrarchActors(text: string, into: PetrarchActorData = emptyPetrarchData()): PetrarchActorData {
  let names: string[] = [];
  let codes: DatedCode[] = [];
  const flush = () => {
    if (names.length && codes.length) add(into, names, codes);
    names = [];
    codes = [];
  };
  for (const raw of lines(text)) {
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).trimEnd();
    if (!line.trim()) continue;
    const indented = /^\s/.test(line);
    const trimmed = line.trim();
    if (trimmed.startsWith('<')) continue;
    const bracketOnly = /^\[([^\]]*)\]$/.exec(trimmed);
    if (bracketOnly) {
      const c = parseDatedCode(bracketOnly[1]);
      if (c) codes.push(c);
      continue;
    }
    if (trimmed.startsWith('+')) {
      const bracket = /\[([^\]]*)\]/.exec(trimmed);
      const alias = phraseWords(bracket ? trimmed.slice(1, bracket.index) : trimmed.slice(1)).join(' ');
      if (alias) names.push(alias);
      if (bracket) {
        const c = parseDatedCode(bracket[1]);
        if (c) codes.push(c);
      }
      continue;
    }
    if (indented && !/^[A-Za-z]/.test(trimmed)) continue;
    flush();
    const bracket = /\[([^\]]*)\]/.exec(trimmed);
    const name = phraseWords(bracket ? trimmed.slice(0, bracket.index) : trimmed).join(' ');
    if (name) names.push(name);
    if (bracket) {
      const c = parseDatedCode(bracket[1]);
      if (c) codes.push(c);
    }
  }
  flush();
  return into;
}

export function parsePetrarchAgents(text: string, into: PetrarchActorData = emptyPetrarchData()): PetrarchActorData {
  const macros = new Map<string, string[]>();
  for (const raw of lines(text)) {
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (!line) continue;
    const macro = /^!(\w+)!\s*=\s*(.+)$/.exec(line);
    if (macro) {
      macros.set(macro[1].toUpperCase(), macro[2].split(',').map((s) => s.trim()).filter(Boolean));
      continue;
    }
    const bracket = /\[\s*([^\]]*?)\s*\]/.exec(line);
    if (!bracket) continue;
    const rawCode = bracket[1].replace(/\s+/g, '');
    const mode: 'suffix' | 'prefix' = rawCode.startsWith('~') ? 'suffix' : 'prefix';
    const code = rawCode.replace(/~/g, '');
    if (!code) continue;
    const before = line.slice(0, bracket.index);
    const brace = /\{([^}]*)\}/.exec(before);
    const head = (brace ? before.slice(0, brace.index) : before).trim();
    const variants = expandMacros(head, macros);
    if (brace) for (const p of brace[1].split(/\s+/).filter(Boolean)) variants.push(...expandMacros(p, macros));
    for (const v of variants) {
      const phrase = phraseWords(v).join(' ');
      if (phrase) into.agents.push([phrase, code, undefined, mode]);
    }
  }
  return into;
}

function expandMacros(text: string, macros: Map<string, string[]>): string[] {
  const m = /!(\w+)!/.exec(text);
  if (!m) return [text];
  const options = macros.get(m[1].toUpperCase()) ?? [];
  return options.flatMap((o) => expandMacros(text.slice(0, m.index) + o + text.slice(m.index + m[0].length), macros));
}

/** The actor dictionary PETRARCH dictionaries make (no metonyms: PETRARCH has none). */
export function petrarchDictionary(data: PetrarchActorData): ActorDictionary {
  return dictionaryFromData(data.actors.map((a) => JSON.stringify(a)).join('\n'), { metonyms: [], agents: data.agents });
}
