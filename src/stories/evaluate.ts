// `rift eval stories`: ingests a JSON Lines file of reports into a throwaway store (the full pipeline and
// the stories stage, batch by batch, as `rift ingest` does) and scores the stories against gold fields
// of the records: B-cubed precision, recall and F1 of the clustering, and pairwise duplicate detection.

import { readFileSync } from 'node:fs';
import { ingest } from '../ingest/index.js';
import { documentId } from '../ingest/fingerprint.js';
import { openStore } from '../store/index.js';
import { loadCorpusStages } from '../app/pipeline.js';
import { prf, round4, type Prf } from '../eval/prf.js';

export interface StoriesScore {
  records: number;
  goldField: string;
  goldClusters: number;
  stories: number;
  bcubed: Prf;
  /** Pairs of records in one `syndication_group`, against pairs the stories stage marks as copies of one original. */
  duplicates: Prf & { truePairs: number; falsePairs: number; missedPairs: number };
  /** The largest gold cluster (for this corpus the FSB memo story): how its records spread over stories. */
  largest?: {
    gold: string;
    records: number;
    /** Share of its records in the one story that holds most of them. */
    inOneStory: number;
    /** The same for its English records. */
    englishInOneStory?: number;
    englishRecords?: number;
    /** Records in other languages that are in that story. */
    otherLanguagesJoined: number;
    otherLanguageRecords: number;
    storiesUsed: number;
  };
  seconds: number;
}

interface GoldRecord {
  text: string;
  lang?: string;
  syndication_group?: string | null;
  [field: string]: unknown;
}

/** B-cubed precision and recall: per item, the share of its predicted cluster in its gold cluster, and the reverse. */
export function bcubed(predicted: readonly string[], gold: readonly string[]): Prf {
  const key = (p: string, g: string) => `${p}\u0000${g}`;
  const bothCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  const goldCount = new Map<string, number>();
  for (let i = 0; i < predicted.length; i++) {
    bothCount.set(key(predicted[i]!, gold[i]!), (bothCount.get(key(predicted[i]!, gold[i]!)) ?? 0) + 1);
    predCount.set(predicted[i]!, (predCount.get(predicted[i]!) ?? 0) + 1);
    goldCount.set(gold[i]!, (goldCount.get(gold[i]!) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (let i = 0; i < predicted.length; i++) {
    const both = bothCount.get(key(predicted[i]!, gold[i]!))!;
    p += both / predCount.get(predicted[i]!)!;
    r += both / goldCount.get(gold[i]!)!;
  }
  const n = predicted.length || 1;
  const precision = p / n;
  const recall = r / n;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export async function scoreStoriesFile(file: string, goldField: string): Promise<StoriesScore> {
  const started = Date.now();
  const records = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as GoldRecord;
    } catch {
      throw new Error(`${file}:${i + 1}: not a JSON object`);
    }
  });
  const missing = records.findIndex((r) => typeof r.text !== 'string' || r[goldField] === undefined);
  if (missing >= 0) throw new Error(`${file}:${missing + 1}: the record has no text or no "${goldField}" field`);
  const store = await openStore(':memory:');
  try {
    await ingest([file], { store, pipeline: 'default', workers: 0, corpus: await loadCorpusStages() });
    const ids = records.map((r) => documentId(r.text));
    const members = new Map((await store.stories.membersOf(ids)).map((m) => [m.docId, m]));
    // a record the store has no story for (no text to analyse) is a story of its own
    const storyOf = (i: number) => members.get(ids[i]!)?.storyId ?? `none:${i}`;
    const originOf = (i: number) => { const m = members.get(ids[i]!); return m ? m.copyOf ?? m.docId : `none:${i}`; };
    const predicted = records.map((_, i) => storyOf(i));
    const gold = records.map((r) => String(r[goldField]));

    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < records.length; i++) {
      for (let j = i + 1; j < records.length; j++) {
        if (ids[i] === ids[j]) continue; // one text twice: the store keeps it once, nothing to find
        const g = records[i]!.syndication_group;
        const same = Boolean(g) && g === records[j]!.syndication_group;
        const found = originOf(i) === originOf(j);
        if (same && found) tp++;
        else if (found) fp++;
        else if (same) fn++;
      }
    }
    const dup = prf(tp, tp + fp, tp + fn);

    const sizes = new Map<string, number[]>();
    gold.forEach((g, i) => { if (!sizes.has(g)) sizes.set(g, []); sizes.get(g)!.push(i); });
    const [largestGold, largestItems] = [...sizes].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
    let largest: StoriesScore['largest'];
    if (largestItems.length) {
      const top = (items: number[]) => {
        const counts = new Map<string, number>();
        for (const i of items) counts.set(predicted[i]!, (counts.get(predicted[i]!) ?? 0) + 1);
        return [...counts].sort((a, b) => b[1] - a[1])[0]!;
      };
      const english = largestItems.filter((i) => records[i]!.lang === 'en');
      const other = largestItems.filter((i) => records[i]!.lang !== 'en');
      const [mainStory, inMain] = top(english.length ? english : largestItems);
      largest = {
        gold: largestGold,
        records: largestItems.length,
        inOneStory: round4(top(largestItems)[1] / largestItems.length),
        otherLanguagesJoined: other.filter((i) => predicted[i] === mainStory).length,
        otherLanguageRecords: other.length,
        storiesUsed: new Set(largestItems.map((i) => predicted[i])).size,
      };
      if (english.length) Object.assign(largest, { englishInOneStory: round4(inMain / english.length), englishRecords: english.length });
    }
    const b = bcubed(predicted, gold);
    return {
      records: records.length,
      goldField,
      goldClusters: sizes.size,
      stories: new Set(predicted).size,
      bcubed: { precision: round4(b.precision), recall: round4(b.recall), f1: round4(b.f1) },
      duplicates: { precision: round4(dup.precision), recall: round4(dup.recall), f1: round4(dup.f1), truePairs: tp, falsePairs: fp, missedPairs: fn },
      largest,
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  } finally {
    await store.close();
  }
}
