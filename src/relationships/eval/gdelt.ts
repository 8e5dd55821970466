import { readFileSync } from 'node:fs';
import type { QuadClass } from '../../model/index.js';
import type { DyadSeriesRow, DyadSources, DyadSourceEvent, DyadSums, Store } from '../../store/index.js';
import { CameoTable } from '../../events/cameo.js';
import { readCameoData } from '../../events/data-files.js';
import { fingerprintIdentity } from '../identity.js';
import { mentionsOf } from '../mentions.js';
import { addSums, contribute, emptySums, summarize } from '../series.js';

// Rift's QuadClass and Goldstein for pairs against GDELT's, on GDELT's own events (decision 1202). GDELT
// publishes events, not the texts they were coded from, so the comparison runs on the same coded events:
// first each event's CAMEO code through Rift's tables, then the pairs through Rift's counting (copies once,
// no self pairs, roll-up to countries) against GDELT's rows summed as they come. With a store, pairs that
// both have events are compared too: different texts and dates, so a description, not a score.

/** The GDELT 2.0 event columns read, by their names in the column-labels file. */
const COLUMNS = [
  'GLOBALEVENTID', 'SQLDATE', 'Actor1Code', 'Actor1CountryCode', 'Actor2Code', 'Actor2CountryCode', 'IsRootEvent', 'EventCode',
  'QuadClass', 'GoldsteinScale', 'NumArticles', 'DATEADDED', 'SOURCEURL',
] as const;

type Column = (typeof COLUMNS)[number];

export interface GdeltRow {
  id: string;
  day: string;
  actor1: string;
  country1: string;
  actor2: string;
  country2: string;
  code: string;
  quadClass: number;
  goldstein: number;
  url: string;
}

/** Column positions from the labels file (one label a line, first field), so a reordered export still reads. */
export function readColumns(labelsFile: string): Record<Column, number> {
  const labels = readFileSync(labelsFile, 'utf8').split(/\r?\n/).slice(1).map((l) => l.split(',')[0].trim()).filter(Boolean);
  const positions = {} as Record<Column, number>;
  for (const c of COLUMNS) {
    const i = labels.indexOf(c);
    if (i < 0) throw new Error(`${labelsFile} does not name the column ${c}`);
    positions[c] = i;
  }
  return positions;
}

export function readExport(file: string, columns: Record<Column, number>): GdeltRow[] {
  const rows: GdeltRow[] = [];
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (!line) continue;
    const f = line.split('\t');
    const date = f[columns.SQLDATE];
    if (!/^\d{8}$/.test(date ?? '')) continue;
    rows.push({
      id: f[columns.GLOBALEVENTID],
      day: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      actor1: f[columns.Actor1Code],
      country1: f[columns.Actor1CountryCode],
      actor2: f[columns.Actor2Code],
      country2: f[columns.Actor2CountryCode],
      code: f[columns.EventCode],
      quadClass: Number(f[columns.QuadClass]),
      goldstein: Number(f[columns.GoldsteinScale]),
      url: f[columns.SOURCEURL],
    });
  }
  return rows;
}

export interface CodeComparison {
  rows: number;
  /** Rows whose CAMEO code Rift's table knows. */
  known: number;
  quadAgreement: number;
  goldsteinMae: number;
  goldsteinExact: number;
  /** Codes where Rift and GDELT disagree, most frequent first. */
  disagreements: { code: string; rows: number; gdelt: { quadClass: number; goldstein: number }; rift: { quadClass: number; goldstein: number } }[];
  unknownCodes: string[];
}

export function compareCodes(rows: readonly GdeltRow[], table: CameoTable): CodeComparison {
  let known = 0;
  let quadSame = 0;
  let goldsteinExact = 0;
  let absError = 0;
  const unknown = new Set<string>();
  const disagreements = new Map<string, CodeComparison['disagreements'][number]>();
  for (const r of rows) {
    const info = table.info(r.code);
    if (!info) {
      unknown.add(r.code);
      continue;
    }
    known++;
    if (info.quadClass === r.quadClass) quadSame++;
    const error = Math.abs(info.goldstein - r.goldstein);
    absError += error;
    if (error < 1e-9) goldsteinExact++;
    if (info.quadClass !== r.quadClass || error >= 1e-9) {
      const d = disagreements.get(r.code) ?? {
        code: r.code, rows: 0, gdelt: { quadClass: r.quadClass, goldstein: r.goldstein }, rift: { quadClass: info.quadClass, goldstein: info.goldstein },
      };
      d.rows++;
      disagreements.set(r.code, d);
    }
  }
  return {
    rows: rows.length,
    known,
    quadAgreement: known ? quadSame / known : 0,
    goldsteinMae: known ? absError / known : 0,
    goldsteinExact: known ? goldsteinExact / known : 0,
    disagreements: [...disagreements.values()].sort((x, y) => y.rows - x.rows || (x.code < y.code ? -1 : 1)),
    unknownCodes: [...unknown].sort(),
  };
}

/** GDELT's rows as the sources the relationships stage reads: each row an asserted event dated by SQLDATE. */
export function asSources(rows: readonly GdeltRow[], table: CameoTable): DyadSources {
  const documents = new Map<string, { id: string; signature: string; day: string; daySource: string }>();
  const events: DyadSourceEvent[] = [];
  for (const r of rows) {
    const info = table.info(r.code);
    if (!info || !r.actor1 || !r.actor2) continue;
    const docId = r.url || `gdelt:${r.id}`;
    if (!documents.has(docId)) documents.set(docId, { id: docId, signature: '', day: r.day, daySource: 'published' });
    events.push({
      id: `gdelt:${r.id}`, docId, start: 0, end: 0, ploverType: info.ploverType ?? '', cameo: r.code, goldstein: info.goldstein,
      quadClass: info.quadClass, modality: 'asserted', confidence: 1, time: { from: r.day, to: r.day, precision: 'day', basis: 'event' },
      sources: [{ code: r.actor1, country: r.country1 || undefined }], targets: [{ code: r.actor2, country: r.country2 || undefined }], claims: [],
    });
  }
  return { documents: [...documents.values()], events };
}

export interface PairFigures {
  events: number;
  quad: [number, number, number, number];
  goldsteinMean: number;
}

export interface PairComparison {
  pair: string;
  gdelt: PairFigures;
  rift: PairFigures;
}

export interface PairsComparison {
  /** Pairs of two different countries in GDELT's rows, and of those, the ones Rift counts too. */
  gdeltPairs: number;
  sharedPairs: number;
  gdeltEvents: number;
  riftEvents: number;
  /** Pairs whose most frequent QuadClass is the same. */
  dominantQuadAgreement: number;
  /** Mean over pairs of half the L1 distance between the QuadClass shares (0 same mix, 1 disjoint). */
  quadShareDistance: number;
  goldsteinMae: number;
  goldsteinCorrelation: number;
  pairs: PairComparison[];
}

const figures = (s: DyadSums): PairFigures => ({
  events: round(s.events),
  quad: [s.quad.verbalCooperation, s.quad.materialCooperation, s.quad.verbalConflict, s.quad.materialConflict].map((n) => round(n)) as PairFigures['quad'],
  goldsteinMean: round(s.events ? s.goldsteinSum / s.events : 0),
});

/** GDELT's country codes are three letters (ISO 3166 alpha-3 and CAMEO's regions). */
const THREE_LETTERS = /^[A-Z]{3}$/;

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Country pairs as GDELT's rows sum them, against the same rows counted by Rift. */
export function comparePairs(rows: readonly GdeltRow[], table: CameoTable): PairsComparison {
  const gdelt = new Map<string, DyadSums>();
  for (const r of rows) {
    if (!r.country1 || !r.country2 || r.country1 === r.country2 || !table.info(r.code)) continue;
    const key = `${r.country1}->${r.country2}`;
    let s = gdelt.get(key);
    if (!s) gdelt.set(key, (s = emptySums()));
    addSums(s, single(r.quadClass as QuadClass, r.goldstein));
  }
  const cells = new Map<string, DyadSeriesRow>();
  const reports = mentionsOf(asSources(rows, table), fingerprintIdentity);
  const byFingerprint = new Map<string, typeof reports>();
  for (const m of reports) {
    const list = byFingerprint.get(m.fingerprint);
    if (list) list.push(m);
    else byFingerprint.set(m.fingerprint, [m]);
  }
  for (const list of byFingerprint.values()) contribute(summarize(list)!, 1, cells, ['year']);
  const rift = new Map<string, DyadSums>();
  for (const c of cells.values()) {
    if (!THREE_LETTERS.test(c.source) || !THREE_LETTERS.test(c.target)) continue;
    const key = `${c.source}->${c.target}`;
    let s = rift.get(key);
    if (!s) rift.set(key, (s = emptySums()));
    addSums(s, c);
  }
  const pairs: PairComparison[] = [];
  for (const [pair, g] of [...gdelt].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const r = rift.get(pair);
    if (r && r.events > 1e-9) pairs.push({ pair, gdelt: figures(g), rift: figures(r) });
  }
  const dominant = (q: number[]) => q.indexOf(Math.max(...q));
  const shares = (q: number[]) => {
    const total = q.reduce((n, x) => n + x, 0);
    return q.map((x) => x / total);
  };
  const distance = (p: PairComparison) => {
    const [a, b] = [shares(p.gdelt.quad), shares(p.rift.quad)];
    return a.reduce((n, x, i) => n + Math.abs(x - b[i]), 0) / 2;
  };
  const xs = pairs.map((p) => p.gdelt.goldsteinMean);
  const ys = pairs.map((p) => p.rift.goldsteinMean);
  return {
    gdeltPairs: gdelt.size,
    sharedPairs: pairs.length,
    gdeltEvents: pairs.reduce((n, p) => n + p.gdelt.events, 0),
    riftEvents: round(pairs.reduce((n, p) => n + p.rift.events, 0)),
    dominantQuadAgreement: round(pairs.filter((p) => dominant(p.gdelt.quad) === dominant(p.rift.quad)).length / (pairs.length || 1), 4),
    quadShareDistance: round(pairs.reduce((n, p) => n + distance(p), 0) / (pairs.length || 1), 4),
    goldsteinMae: round(pairs.reduce((n, p) => n + Math.abs(p.gdelt.goldsteinMean - p.rift.goldsteinMean), 0) / (pairs.length || 1), 4),
    goldsteinCorrelation: round(pearson(xs, ys), 4),
    pairs,
  };
}

function single(quadClass: QuadClass, goldstein: number): DyadSums {
  const s = emptySums();
  s.events = 1;
  const field = (['verbalCooperation', 'materialCooperation', 'verbalConflict', 'materialConflict'] as const)[quadClass - 1];
  if (field) s.quad[field] = 1;
  s.goldsteinSum = goldstein;
  return s;
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}

export interface StorePairComparison {
  pair: string;
  gdelt: PairFigures;
  /** Rift's counted events for the pair in the store, every channel and period. */
  rift: PairFigures & { goldsteinWeighted: number };
}

/** Country pairs with events both in GDELT's rows and in a store (different texts and dates: described, not scored). */
export async function compareWithStore(rows: readonly GdeltRow[], store: Store): Promise<StorePairComparison[]> {
  const gdelt = new Map<string, DyadSums>();
  for (const r of rows) {
    if (!r.country1 || !r.country2 || r.country1 === r.country2) continue;
    const key = `${r.country1}->${r.country2}`;
    let s = gdelt.get(key);
    if (!s) gdelt.set(key, (s = emptySums()));
    addSums(s, single(r.quadClass as QuadClass, r.goldstein));
  }
  const out: StorePairComparison[] = [];
  for (const [pair, g] of [...gdelt].sort(([x], [y]) => (x < y ? -1 : 1))) {
    const [a, b] = pair.split('->');
    const total = emptySums();
    for (const row of await store.relationships.series({ a, b, by: 'year' })) if (row.source === a) addSums(total, row);
    if (total.events < 1e-9) continue;
    out.push({ pair, gdelt: figures(g), rift: { ...figures(total), goldsteinWeighted: round(total.weightSum ? total.weightedSum / total.weightSum : 0) } });
  }
  return out;
}

export function riftCameoTable(): CameoTable {
  return new CameoTable(readCameoData().codes);
}
