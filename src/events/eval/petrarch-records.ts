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

interface ReadParse {
  words: string[];
  tags: string[];
  /** The parse is well formed: brackets balance, or every CoNLL-U line has its ten columns. */
  parseOk: boolean;
}

/** CoNLL-U (UniversalPetrarch's validation files): tab-separated lines of ten columns. */
function isConllu(parse: string): boolean {
  return /^\s*\d+\t/m.test(parse) && !/^\s*\(/.test(parse);
}

/** A bracketed Penn Treebank parse: its leaves' words and tags. */
function readBrackets(parse: string): ReadParse {
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
  return { words, tags, parseOk: parseOk && depth === 0 };
}

/** Universal tags as Penn tags, for CoNLL-U lines without a language-specific (XPOS) tag. */
const FROM_UPOS: Record<string, string> = {
  NOUN: 'NN', PROPN: 'NNP', VERB: 'VBD', AUX: 'MD', ADJ: 'JJ', ADV: 'RB', ADP: 'IN', DET: 'DT', PRON: 'PRP', NUM: 'CD',
  CCONJ: 'CC', CONJ: 'CC', SCONJ: 'IN', PART: 'RP', PUNCT: '.', SYM: 'SYM', INTJ: 'UH', X: 'FW',
};

/** A CoNLL-U parse: FORM and XPOS (else UPOS mapped to Penn) of each word line; ranges and empty nodes left out. */
function readConllu(parse: string): ReadParse {
  const words: string[] = [];
  const tags: string[] = [];
  let parseOk = true;
  for (const raw of parse.split(/\r?\n/)) {
    const line = raw.trim() ? raw.replace(/^\s+/, '') : '';
    if (!line || line.startsWith('#')) continue;
    const cols = line.split('\t');
    if (cols.length < 10 || !/^\d+(?:[-.]\d+)?$/.test(cols[0])) {
      parseOk = false;
      continue;
    }
    if (cols[0].includes('-') || cols[0].includes('.')) continue;
    words.push(cols[1]);
    tags.push(cols[4] && cols[4] !== '_' ? cols[4] : FROM_UPOS[cols[3]] ?? 'NN');
  }
  return { words, tags, parseOk: parseOk && words.length > 0 };
}

export function isPetrarchXml(text: string): boolean {
  return /<Sentence\b/.test(text) && (/<Parse>/.test(text) || /<Text>/.test(text));
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
    const { words, tags, parseOk } = isConllu(parse) ? readConllu(parse) : readBrackets(parse);
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
