/**
 * Reads PETRARCH unit-test records (PETR.UnitTest.records.xml): per sentence its date, the
 * parse tree (whose leaves give tokens and Penn Treebank tags) and the expected events.
 */
export interface PetrarchEvent {
  source: string;
  target: string;
  code: string;
}

export interface PetrarchRecord {
  id: string;
  date?: string;
  category?: string;
  text: string;
  words: string[];
  tags: string[];
  expected: PetrarchEvent[];
  /** The record expects nothing because the input is to be rejected (bad parse, discard, dateline). */
  error?: string;
  /** The parse tree's brackets balance. */
  parseOk: boolean;
  /** PETRARCH's require_dyad option in force for this record (a `<Config>` before it may turn it off). */
  requireDyad: boolean;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

const LEAF = /\(([^()\s]+)\s+([^()\s]+)\)/g;

export function isPetrarchXml(text: string): boolean {
  return /<Sentence\b/.test(text) && /<Parse>/.test(text);
}

export function parsePetrarchRecords(xml: string): PetrarchRecord[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const records: PetrarchRecord[] = [];
  let requireDyad = true;
  for (const m of body.matchAll(/<Config\b([^>]*)>|<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g)) {
    if (m[1] !== undefined) {
      if (attr(m[1], 'option') === 'require_dyad') requireDyad = (attr(m[1], 'value') ?? 'true').toLowerCase() !== 'false';
      continue;
    }
    const attrs = m[2];
    const inner = m[3];
    const expected: PetrarchEvent[] = [];
    let error: string | undefined;
    for (const e of inner.matchAll(/<EventCoding\b([^>]*)>/g)) {
      const a = e[1];
      const err = attr(a, 'error');
      if (err) error = err;
      const code = attr(a, 'eventcode');
      const source = attr(a, 'sourcecode');
      const target = attr(a, 'targetcode');
      if (code && source !== undefined && target !== undefined) expected.push({ source, target, code });
    }
    const text = (/<Text>([\s\S]*?)<\/Text>/.exec(inner)?.[1] ?? '').replace(/\s+/g, ' ').trim();
    const parse = /<Parse>([\s\S]*?)<\/Parse>/.exec(inner)?.[1] ?? '';
    const words: string[] = [];
    const tags: string[] = [];
    for (const leaf of parse.matchAll(LEAF)) {
      tags.push(leaf[1]);
      words.push(leaf[2]);
    }
    let depth = 0;
    let parseOk = true;
    for (const ch of parse) {
      if (ch === '(') depth++;
      else if (ch === ')' && --depth < 0) parseOk = false;
    }
    if (depth !== 0) parseOk = false;
    const rawDate = attr(attrs, 'date');
    const date = rawDate && /^\d{8}$/.test(rawDate) ? `${rawDate.slice(0, 4)}-${rawDate.slice(4, 6)}-${rawDate.slice(6, 8)}` : undefined;
    records.push({ id: attr(attrs, 'id') ?? `record-${records.length + 1}`, date, category: attr(attrs, 'category'), text, words, tags, expected, error, parseOk, requireDyad });
  }
  return records;
}

/** Sentence- and story-level discard phrases (PETR.Validate.discards.txt): `+PHRASE` discards the story. */
export function parseDiscards(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.split('#')[0].trim().replace(/^\+/, '').toLowerCase())
    .filter(Boolean);
}
