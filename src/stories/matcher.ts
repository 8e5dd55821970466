// Where a new document belongs: with the story of a document it copies (the same folded text, or a
// MinHash near-duplicate), else with the story whose documents share the most telling evidence with
// it, else in a story of its own. Every look-up is an index range in the store; nothing reads the corpus.

import type { StoryMatch } from '../model/index.js';
import type { IndexedMember, StoryPort, StorySpan } from '../store/index.js';
import { bandKeys, decodeSketch, encodeSketch, exactKey, minhash, sketchSimilarity, foldText, wordsOf } from './fingerprint.js';
import { KIND_WEIGHT, LANGUAGE_INDEPENDENT, kindOf } from './evidence.js';

export interface MatchSettings {
  /** Estimated shingle Jaccard from which a text is a copy of another. */
  nearDuplicate: number;
  /** Evidence similarity from which a document joins a story. */
  join: number;
  /** Keys a document is indexed under: its most telling ones. */
  postings: number;
  /** Keys held by more than this share of the indexed documents are too common to look up. */
  commonShare: number;
  /** …but keys held by fewer documents than this are always looked up. */
  commonFloor: number;
  /** How much the language-independent overlap counts beside the overlap of all keys. */
  independentFactor: number;
  /** The summed squared weight of known keys below which a document's evidence is too thin to trust fully. */
  mass: number;
  /** Evidence similarity from which a document that joins one story merges another it also fits into it. */
  merge: number;
  /** The least a story far off in time keeps of a document's score. */
  timeFloor: number;
  /** Documents assumed beside the indexed ones when weighing a key's rarity. */
  prior: number;
  /** Days around a story's reports within which a dated document fits it fully. */
  window: number;
}

export const MATCH_SETTINGS: MatchSettings = { nearDuplicate: 0.5, join: 0.2, postings: 30, commonShare: 0.02, commonFloor: 200, independentFactor: 0.8, mass: 20, window: 60, merge: 0.6, prior: 300, timeFloor: 0.1 };

/** A document's fingerprints and evidence, and what the index answered about it. */
export interface Placement {
  storyId?: string;
  copyOf?: string;
  match: StoryMatch;
  score: number;
  exact: string;
  sketch: string;
  bands: string[];
  postings: string[];
  counted: string[];
  weight: number;
  evidenceWeight: number;
  /** Other stories the document matched as well: to be merged into the one it joins. */
  merge?: string[];
}

/**
 * The rarity weight of a key held by `n` of `total` documents. `prior` documents that lack the key are
 * assumed beside the indexed ones, so that a young store (where everything is common) still tells a
 * name that three of four documents share from one that all share.
 */
function idf(n: number, total: number, prior: number): number {
  return Math.log((total + prior) / (n + 0.5));
}

export async function place(
  port: StoryPort,
  text: string,
  day: string | undefined,
  evidence: Map<string, number>,
  settings: MatchSettings = MATCH_SETTINGS,
): Promise<Placement> {
  const exact = exactKey(text);
  const sketchArray = minhash(wordsOf(foldText(text)));
  const sketch = encodeSketch(sketchArray);
  const bands = sketchArray.length ? bandKeys(sketchArray) : [];
  const counted = [...evidence.keys()];

  const { counts, total } = await port.keyCounts(counted);
  const weighted: { key: string; w: number; rank: number }[] = [];
  const common = Math.max(settings.commonFloor, total * settings.commonShare);
  for (const [key, tf] of evidence) {
    const n = counts.get(key) ?? 0;
    if (n > common) continue;
    const w = idf(n, total, settings.prior) * KIND_WEIGHT[kindOf(key)];
    if (w <= 0) continue;
    weighted.push({ key, w, rank: w * (1 + Math.log(tf)) });
  }
  weighted.sort((a, b) => b.rank - a.rank || (a.key < b.key ? -1 : 1));
  // every language-independent key (a text has few), and its most telling words
  const chosen = weighted.filter((k) => LANGUAGE_INDEPENDENT.has(kindOf(k.key)));
  chosen.push(...weighted.filter((k) => !LANGUAGE_INDEPENDENT.has(kindOf(k.key))).slice(0, settings.postings));
  const postings = chosen.map((k) => k.key);
  let weight = 0;
  let evidenceWeight = 0;
  for (const k of chosen) {
    weight += k.w * k.w;
    if (LANGUAGE_INDEPENDENT.has(kindOf(k.key))) evidenceWeight += k.w * k.w;
  }
  weight = Math.sqrt(weight);
  evidenceWeight = Math.sqrt(evidenceWeight);
  const base = { exact, sketch, bands, postings, counted, weight, evidenceWeight };

  const same = await port.exact(exact);
  if (same) return { ...base, storyId: same.storyId, copyOf: same.copyOf ?? same.docId, match: 'exact', score: 1 };

  if (sketchArray.length) {
    let best: IndexedMember | undefined;
    let bestScore = 0;
    for (const m of await port.bandCandidates(bands)) {
      const s = sketchSimilarity(sketchArray, decodeSketch(m.sketch));
      if (s > bestScore || (s === bestScore && best && m.docId < best.docId)) [best, bestScore] = [m, s];
    }
    if (best && bestScore >= settings.nearDuplicate) {
      return { ...base, storyId: best.storyId, copyOf: best.copyOf ?? best.docId, match: 'near-duplicate', score: round(bestScore) };
    }
  }

  // Evidence: how much of what the document says that the index knows (keys no indexed document has
  // tell nothing yet) each story says too, weighted by rarity and by the share of the story's documents
  // that say it: over all keys, and over the language-independent ones (a translation shares no words).
  const w = new Map(chosen.map((k) => [k.key, k.w]));
  let known = 0;
  let knownIndependent = 0;
  for (const k of chosen) {
    if (!counts.get(k.key)) continue;
    known += k.w * k.w;
    if (LANGUAGE_INDEPENDENT.has(kindOf(k.key))) knownIndependent += k.w * k.w;
  }
  const perStory = new Map<string, Map<string, number>>();
  for (const { key, member } of await port.postings(postings)) {
    let keys = perStory.get(member.storyId);
    if (!keys) perStory.set(member.storyId, (keys = new Map()));
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  const spans = await port.spans([...perStory.keys()]);
  let storyId: string | undefined;
  let score = 0;
  const scores: [string, number][] = [];
  for (const [id, keys] of perStory) {
    const span = spans.get(id);
    const size = span?.documents ?? 1;
    let all = 0;
    let independent = 0;
    for (const [key, n] of keys) {
      const kw = w.get(key)!;
      const share = (kw * kw * n) / size;
      all += share;
      if (LANGUAGE_INDEPENDENT.has(kindOf(key))) independent += share;
    }
    const s = Math.max(
      known ? (all / known) * Math.min(1, known / settings.mass) : 0,
      knownIndependent ? (independent / knownIndependent) * Math.min(1, knownIndependent / settings.mass) * settings.independentFactor : 0,
    ) * timeFit(day, span, settings.window, settings.timeFloor);
    scores.push([id, s]);
    if (s > score || (s === score && storyId && id < storyId)) [storyId, score] = [id, s];
  }
  if (storyId && score >= settings.join) {
    // other stories a dated document fits as well as a member would: they are the same story, split early
    // (an undated one would bridge stories of different years that share actors and words)
    const merge = day ? scores.filter(([id, s]) => id !== storyId && s >= settings.merge).map(([id]) => id).sort() : [];
    return { ...base, storyId, match: 'evidence', score: round(score), ...(merge.length ? { merge } : {}) };
  }
  return { ...base, match: 'first', score: 1 };
}

const DAY = 86_400_000;

/**
 * 1 when a document's date falls within `window` days of a story's first report (or either is undated),
 * falling to `floor` a few windows off: a story is what happened and the days of reporting after it, so
 * a summit of 2019 and one of 2024 stay apart however alike their words and actors.
 */
function timeFit(day: string | undefined, span: StorySpan | undefined, window: number, floor: number): number {
  if (!day || !span?.firstReport) return 1;
  const t = Date.parse(day);
  const first = Date.parse(span.firstReport);
  const gap = Math.max(0, first - t - window * DAY, t - first - window * DAY) / DAY;
  return gap <= 0 ? 1 : Math.max(floor, 1 - gap / (2 * window));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
