/**
 * Reads PETRARCH-format actor and agent dictionaries (the Validate dictionaries of the PETRARCH
 * unit tests; Phoenix country files) into our ActorLexiconData.
 *
 * Actors: `NAME [CODE]`, or `NAME` then `+ALIAS` lines and indented `[CODE date-range]` lines;
 * dates are `<YYMMDD`, `>YYMMDD`, `YYMMDD-YYMMDD` with 6- or 8-digit dates. Agents:
 * `NAME {PLURALS} [~CODE]` (the code follows the actor's) or `[CODE~]` (it precedes);
 * `!MACRO! = A, B` defines word substitutions.
 */
import type { ActorLexiconData, DatedCode } from './actor-data.js';
import { phraseWords } from './petrarch-verbs.js';

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

export function parsePetrarchActors(text: string, into: ActorLexiconData = { actors: [], agents: [] }): ActorLexiconData {
  let names: string[] = [];
  let codes: DatedCode[] = [];
  const flush = () => {
    if (names.length && codes.length) for (const n of names) into.actors.push([n, codes]);
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

export function parsePetrarchAgents(text: string, into: ActorLexiconData = { actors: [], agents: [] }): ActorLexiconData {
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
      if (phrase) into.agents.push([phrase, code, mode]);
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
