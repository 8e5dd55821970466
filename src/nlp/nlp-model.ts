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
import { EntityRecognizer, type SentenceRange } from './ner/recognizer.js';

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

function readGz(path: string): string {
  return existsSync(path) ? gunzipSync(readFileSync(path)).toString('utf8') : '';
}

export function loadNlpModel(dir = MODELS_DIR): NlpModel {
  const file = decodeModel(readFileSync(dir + MODEL_FILE));
  const posTable = file.tables.get('pos');
  const nerTable = file.tables.get('ner');
  if (!posTable || !nerTable) throw new Error(`${dir + MODEL_FILE} lacks the pos or ner table`);
  // Words without a candidate list are scored on the open-class tags only: keep those together.
  if (file.meta.posOpenClass) posTable.putFirst(file.meta.posOpenClass as number[]);
  return {
    pos: new PosTagger(
      posTable,
      file.meta.posTags as string[],
      new Map(((file.meta.posDictionary ?? []) as [string, number][]).map(([word, tag]) => [hashString(word), tag])),
      new Map(((file.meta.posCandidates ?? []) as [string, number[]][]).map(([word, tags]) => [hashString(word), Uint8Array.from(tags)])),
      file.meta.posOpenClass ? Uint8Array.from(file.meta.posOpenClass as number[]) : undefined,
    ),
    ner: new EntityRecognizer(nerTable),
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


