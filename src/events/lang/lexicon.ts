// The trigger and cue lexicon of one language (data/events/lang/<lang>.txt) as a character trie, so that
// a reader finds the longest entry starting at a position by walking the text: no slices, no lower-cased
// copies, one map lookup per character.

import { readFileSync } from 'node:fs';
import { lowerCode } from '../../nlp/chars.js';
import { EVENT_DATA_DIR } from '../data-files.js';

export type CueKind =
  | 'negation' | 'denial' | 'hypothetical' | 'future' | 'alleged' | 'hedge' | 'booster' | 'report' | 'according'
  | 'document' | 'leak' | 'anonymous' | 'clause' | 'future-marker';

const CUE_KINDS = new Set<string>([
  'negation', 'denial', 'hypothetical', 'future', 'alleged', 'hedge', 'booster', 'report', 'according',
  'document', 'leak', 'anonymous', 'clause', 'future-marker',
]);

export interface TriggerPattern {
  kind: 'verb' | 'noun';
  before?: readonly string[];
  after?: readonly string[];
  code: string;
  mode?: string;
  reciprocal: boolean;
  money: boolean;
  passiveOk: boolean;
  /** Only an actor a preposition marks is the target ("шпионит за X"): a bare one after the trigger belongs to something else. */
  markedTarget: boolean;
  line: number;
}

/** What the lexicon holds for one word: the patterns it triggers (first whose context holds wins), the cue it is. */
export interface LexiconEntry {
  /** Whether the word must end where the entry ends (a whole word, not a stem). */
  whole: boolean;
  triggers: TriggerPattern[];
  cue?: CueKind;
  /** For a clause cue: the clause it opens keeps the subject of the one before (чтобы, 以便), unlike который or что. */
  keepsSubject?: boolean;
  /** The entry's text, as listed (lower case, words joined by single spaces). */
  text: string;
}

const SPACE = 0x20;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0;
}

/** A found entry: valid until the next search on the same lexicon. */
export interface Found {
  entry: LexiconEntry;
  end: number;
}

export class Lexicon {
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly entries: (LexiconEntry | undefined)[] = [undefined];
  private readonly found: Found = { entry: undefined as unknown as LexiconEntry, end: 0 };

  /**
   * @param caseless compare lower-cased (Russian); Chinese has no case
   * @param wordStarts entries start only where a word does (Russian stems); Chinese words start anywhere
   */
  constructor(readonly language: string, readonly caseless: boolean, readonly wordStarts: boolean) {}

  entry(text: string): LexiconEntry {
    const whole = text.endsWith('$');
    const word = (whole ? text.slice(0, -1) : text).replace(/_/g, ' ').replace(/ё/g, 'е');
    let node = 0;
    for (let k = 0; k < word.length; k++) {
      const c = word.charCodeAt(k);
      let next = this.children[node]!.get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.entries.push(undefined);
        this.children[node]!.set(c, next);
      }
      node = next;
    }
    let e = this.entries[node];
    if (!e) this.entries[node] = e = { whole, triggers: [], text: word };
    else if (whole !== e.whole) e.whole = e.whole && whole; // listed both ways: the stem wins
    return e;
  }

  /**
   * Gives every entry what the stems it begins with carry, where it has none of its own: "считает" (a
   * verb of saying) still triggers what the stem "счита" triggers ("считает Китай угрозой").
   */
  inheritFromStems(): void {
    const walk = (node: number, triggers: TriggerPattern[], cue: CueKind | undefined): void => {
      const e = this.entries[node];
      if (e) {
        if (!e.triggers.length && triggers.length) e.triggers = triggers;
        if (!e.cue && cue) e.cue = cue;
        if (!e.whole) {
          triggers = e.triggers.length ? e.triggers : triggers;
          cue = e.cue ?? cue;
        }
      }
      for (const child of this.children[node]!.values()) walk(child, triggers, cue);
    };
    walk(0, [], undefined);
  }

  /**
   * The longest entry that text[start, limit) begins with. Runs of white space in the text read as one
   * space; a whole-word entry must end before a character that is no letter.
   */
  longestAt(text: string, start: number, limit: number): Found | undefined {
    let node = 0;
    let best = -1;
    let bestEnd = 0;
    let i = start;
    while (i < limit) {
      let c = text.charCodeAt(i);
      let width = 1;
      if (isSpace(c)) {
        c = SPACE;
        while (i + width < limit && isSpace(text.charCodeAt(i + width))) width++;
      } else {
        if (this.caseless) c = lowerCode(c);
        if (c === 0x0451) c = 0x0435; // ё reads as е
      }
      const next = this.children[node]!.get(c);
      if (next === undefined) break;
      node = next;
      i += width;
      const e = this.entries[node];
      if (e && (!e.whole || i >= limit || !isLetter(text.charCodeAt(i)))) {
        best = node;
        bestEnd = i;
      }
    }
    if (best < 0) return undefined;
    this.found.entry = this.entries[best]!;
    this.found.end = bestEnd;
    return this.found;
  }
}

function isLetter(c: number): boolean {
  return lowerCode(c) !== c || (c >= 0x61 && c <= 0x7a) || (c >= 0x0430 && c <= 0x045f) || c === 0x2d;
}

/** Reads a language's lexicon file (see data/events/lang/ru.txt for the format). */
export function parseLexicon(language: string, source: string, caseless: boolean, wordStarts: boolean): Lexicon {
  const lexicon = new Lexicon(language, caseless, wordStarts);
  const words = (s: string | undefined): string[] => (s ?? '').split(/\s+/).filter((w) => w && w !== '-');
  source.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.split('#')[0]!.trim();
    if (!line) return;
    const f = line.split('|').map((s) => s.trim());
    const where = `${language}.txt:${index + 1}`;
    if (f[0] === 'trigger') {
      if (f.length < 7 || (f[1] !== 'verb' && f[1] !== 'noun')) throw new Error(`${where}: a trigger line has 7 or 8 fields`);
      const flags = new Set(words(f[7]));
      const before = words(f[3]);
      const after = words(f[4]);
      const pattern: TriggerPattern = {
        kind: f[1],
        before: before.length ? before.map((w) => w.replace(/_/g, ' ')) : undefined,
        after: after.length ? after.map((w) => w.replace(/_/g, ' ')) : undefined,
        code: f[5]!,
        mode: f[6] && f[6] !== '-' ? f[6] : undefined,
        reciprocal: flags.has('reciprocal'),
        money: flags.has('money'),
        passiveOk: flags.has('passive-ok'),
        markedTarget: flags.has('marked-target'),
        line: index + 1,
      };
      for (const w of words(f[2])) lexicon.entry(w).triggers.push(pattern);
    } else if (f[0] === 'cue') {
      if (!CUE_KINDS.has(f[1] ?? '')) throw new Error(`${where}: unknown cue kind "${f[1]}"`);
      for (const w of words(f[2])) {
        const e = lexicon.entry(w.replace(/^\+/, ''));
        e.cue = f[1] as CueKind;
        if (w.startsWith('+')) e.keepsSubject = true;
      }
    } else if (f[0] === 'word') {
      for (const w of words(f[1])) lexicon.entry(w);
    } else throw new Error(`${where}: a line starts with trigger, cue or word`);
  });
  if (wordStarts) lexicon.inheritFromStems();
  return lexicon;
}

export const LEXICON_FILES: Readonly<Record<string, string>> = {
  ru: EVENT_DATA_DIR + 'lang/ru.txt',
  zh: EVENT_DATA_DIR + 'lang/zh.txt',
};

export function readLexicon(language: 'ru' | 'zh'): Lexicon {
  const path = LEXICON_FILES[language]!;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`events (${language}): cannot read ${path}: ${(err as Error).message}`);
  }
  return language === 'ru' ? parseLexicon('ru', source, true, true) : parseLexicon('zh', source, false, false);
}
