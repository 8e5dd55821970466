import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { computeAttributes, F_INIT_UPPER, type TokenAttributes } from './features/attributes.js';
import { Gazetteer } from './features/gazetteer.js';
import { hashString } from './features/hash.js';
import { IntTable } from './features/int-table.js';
import { lowerHashOf } from './features/attributes.js';
import { PosTagger } from './tagger/pos-tagger.js';
import type { TagContext } from './tagger/context.js';
import { EntityRecognizer, WORD_ALONE, WORD_INSIDE, WORD_STARTS, type SentenceRange } from './ner/recognizer.js';
import { ENTITY_TYPES } from './ner/types.js';

export type { SentenceRange };
import { decodeModel } from './model-file.js';

/** The trained taggers with the word lists they read. */
export interface NlpModel {
  pos: PosTagger;
  ner: EntityRecognizer;
  gazetteer: Gazetteer;
  /** Word-cluster code per lower-cased word hash (see TagContext.clusters). */
  clusters: IntTable;
  meta: Record<string, unknown>;
}

export const MODELS_DIR = fileURLToPath(new URL('../../../models/', import.meta.url));
export const MODEL_FILE = 'pos-ner.bin.gz';
export const GAZETTEER_FILE = 'gazetteer.tsv.gz';
export const CLUSTERS_FILE = 'clusters.tsv.gz';

/** Cluster file lines: `word<TAB>coarse.middle.fine`; the value packs the three levels (see TagContext.clusters). */
export function parseClusters(tsv: string): IntTable {
  const map = new IntTable(32768);
  for (const line of tsv.split('\n')) {
    const fields = line.split('\t');
    if (fields.length < 2) continue;
    const [coarse, middle, fine] = fields[1].split('.').map(Number);
    map.set(lowerHashOf(fields[0], 0, fields[0].length), packCluster(coarse, middle, fine));
  }
  return map;
}

export function packCluster(coarse: number, middle: number, fine: number): number {
  return ((coarse + 1) << 20) | ((middle + 1) << 10) | (fine + 1);
}

/** Lists of lower-case words and what they do in entities (see EntityRecognizer.words). */
export interface EntityWords {
  starts: string[];
  alone: string[];
  inside: string[];
  /** Words with a capital or a digit, as written, that are Outside wherever they do not go on with an entity. */
  outside: string[];
}

/** EntityWords as the recognizer's table of WORD_* bits per lower-cased word hash. */
export function entityWordTable(lists: EntityWords): IntTable {
  const table = new IntTable(lists.starts.length + lists.inside.length);
  const mark = (words: readonly string[], bit: number) => {
    for (const w of words) {
      const h = lowerHashOf(w, 0, w.length);
      table.set(h, table.get(h, 0) | bit);
    }
  };
  mark(lists.starts, WORD_STARTS);
  mark(lists.alone, WORD_ALONE);
  mark(lists.inside, WORD_INSIDE);
  return table;
}

/** EntityWords.outside as a table of exact word hashes (TokenAttributes.word). */
export function outsideWordTable(lists: EntityWords): IntTable {
  const table = new IntTable(lists.outside.length);
  for (const w of lists.outside) table.set(hashString(w), 1);
  return table;
}

function readGz(path: string): string {
  return existsSync(path) ? gunzipSync(readFileSync(path)).toString('utf8') : '';
}

export function loadNlpModel(dir = MODELS_DIR): NlpModel {
  const file = decodeModel(readFileSync(dir + MODEL_FILE));
  const posTable = file.tables.get('pos');
  const nerTable = file.tables.get('ner');
  const nerJoint = file.tables.get('ner-joint');
  if (!posTable || !nerTable || !nerJoint) throw new Error(`${dir + MODEL_FILE} lacks the pos, ner or ner-joint table (a model from before OntoNotes: run npm run train)`);
  // Words without a candidate list are scored on the open-class tags only: keep those together.
  if (file.meta.posOpenClass) posTable.putFirst(file.meta.posOpenClass as number[]);
  const nerWords = (file.meta.nerWords ?? { starts: [], alone: [], inside: [], outside: [] }) as EntityWords;
  return {
    pos: new PosTagger(
      posTable,
      file.meta.posTags as string[],
      new Map(((file.meta.posDictionary ?? []) as [string, number][]).map(([word, tag]) => [hashString(word), tag])),
      new Map(((file.meta.posCandidates ?? []) as [string, number[]][]).map(([word, tags]) => [hashString(word), Uint8Array.from(tags)])),
      file.meta.posOpenClass ? Uint8Array.from(file.meta.posOpenClass as number[]) : undefined,
    ),
    ner: new EntityRecognizer({ factored: nerTable, joint: nerJoint }, (file.meta.nerTypes as string[] | undefined) ?? ENTITY_TYPES, entityWordTable(nerWords), outsideWordTable(nerWords)),
    gazetteer: Gazetteer.parse(readGz(dir + GAZETTEER_FILE)),
    clusters: parseClusters(readGz(dir + CLUSTERS_FILE)),
    meta: file.meta,
  };
}

export function buildContext(
  res: { gazetteer: Gazetteer; clusters: IntTable },
  text: string,
  starts: Uint32Array,
  ends: Uint32Array,
  count: number,
): TagContext {
  const attrs = computeAttributes(text, starts, ends, count);
  const gazetteer = new Int32Array(count);
  res.gazetteer.match(attrs, gazetteer);
  const clusters = new Int32Array(count);
  const table = res.clusters;
  const lower = attrs.lower;
  for (let i = 0; i < count; i++) clusters[i] = table.get(lower[i], 0);
  return { text, starts, ends, attrs, gazetteer, runLists: runLists(res.gazetteer, attrs), clusters, pos: new Uint8Array(count) };
}

/** For each run of capitalized tokens, the gazetteer lists the whole run is on, on each of its tokens. */
function runLists(gazetteer: Gazetteer, attrs: TokenAttributes): Int32Array {
  const n = attrs.count;
  const out = new Int32Array(n);
  for (let i = 0; i < n; ) {
    if ((attrs.flags[i] & F_INIT_UPPER) === 0) {
      i++;
      continue;
    }
    let last = i;
    while (last + 1 < n && attrs.flags[last + 1] & F_INIT_UPPER) last++;
    const lists = gazetteer.categoriesOf(attrs, i, last);
    if (lists !== 0) out.fill(lists, i, last + 1);
    i = last + 1;
  }
  return out;
}

/** Text and offsets for pre-tokenized input (CoNLL): tokens joined by single spaces. */
export function joinTokens(sentences: readonly (readonly string[])[]): {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
  ranges: SentenceRange[];
} {
  let count = 0;
  for (const s of sentences) count += s.length;
  const starts = new Uint32Array(count);
  const ends = new Uint32Array(count);
  const ranges: SentenceRange[] = [];
  const parts: string[] = [];
  let offset = 0;
  let k = 0;
  for (const s of sentences) {
    ranges.push({ tokenStart: k, tokenEnd: k + s.length });
    for (const token of s) {
      starts[k] = offset;
      ends[k] = offset + token.length;
      offset += token.length + 1;
      parts.push(token);
      k++;
    }
  }
  return { text: parts.join(' '), starts, ends, ranges };
}


