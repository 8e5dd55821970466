import type { DyadEvidence, IcdWord, RelationshipChannel, RiftAlert } from '../model/index.js';
import { RELATIONSHIP_CHANNELS } from '../model/index.js';
import type { DyadSeriesRow, DyadSums, Store } from '../store/index.js';
import { icdWord } from '../events/claims/certainty.js';
import { addSums, emptySums } from './series.js';
import { DEFAULT_RIFT, estimateSide, normalCdf, riftOf, type RiftParameters } from './rift.js';
import { normalizeKey, overlaps, periodBounds, DyadQueryError } from './report.js';
import { distinctEvents, toEvidence } from './evidence.js';
import { isoDay } from './periods.js';

// A pair brief from structured facts: bottom line up front, the trend on each channel, the alerts, key
// judgments worded as ICD 203 asks, and every line tied to numbered evidence (an event's own sentence,
// never a paragraph of the source).

/** One line of the brief and the evidence behind it (1-based numbers into `evidence`). */
export interface BriefLine {
  text: string;
  evidence: number[];
}

export interface KeyJudgment extends BriefLine {
  probability: number;
  icd: IcdWord;
}

export interface PairBrief {
  pair: [string, string];
  from?: string;
  to?: string;
  bottomLine: BriefLine;
  trends: BriefLine[];
  alerts: BriefLine[];
  judgments: KeyJudgment[];
  evidence: DyadEvidence[];
  markdown: string;
}

const EVIDENCE_PER_CHANNEL = 3;

const signed = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '') + Math.abs(n).toFixed(1);
const plural = (n: number, word: string) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${word}${n === 1 ? '' : 's'}`;

/** Words for a weighted mean Goldstein score. */
function tone(mean: number): string {
  if (mean >= 3) return 'cooperative';
  if (mean >= 1) return 'mostly cooperative';
  if (mean > -1) return 'mixed';
  if (mean > -3) return 'mostly hostile';
  return 'hostile';
}

interface ChannelFacts {
  channel: RelationshipChannel;
  total: DyadSums;
  byYear: Map<string, DyadSums>;
  first: string;
  last: string;
  evidence: number[];
}

export async function pairBrief(
  store: Store,
  query: { a: string; b: string; from?: string; to?: string },
  params: RiftParameters = DEFAULT_RIFT,
): Promise<PairBrief> {
  const a = normalizeKey(query.a);
  const b = normalizeKey(query.b);
  if (a === b) throw new DyadQueryError(`a pair needs two different actors: ${a} and ${b}`);
  const bounds = periodBounds({ by: 'quarter', from: query.from, to: query.to });
  const rows = await store.relationships.series({ a, b, by: 'quarter', from: bounds.from, to: bounds.to });
  const evidence: DyadEvidence[] = [];
  const cite = (items: DyadEvidence[]): number[] =>
    items.map((item) => {
      const known = evidence.findIndex((e) => e.eventId === item.eventId);
      if (known >= 0) return known + 1;
      evidence.push(item);
      return evidence.length;
    });
  const range = {
    from: bounds.fromDay === undefined ? undefined : isoDay(bounds.fromDay),
    to: bounds.toDay === undefined ? undefined : isoDay(bounds.toDay),
  };

  const channels: ChannelFacts[] = [];
  for (const channel of RELATIONSHIP_CHANNELS) {
    const mine = rows.filter((r) => r.channel === channel);
    if (!mine.length) continue;
    const strongest = await store.relationships.events({ a, b, channels: [channel], order: 'strongest', limit: EVIDENCE_PER_CHANNEL * 2, ...range });
    channels.push({ ...summarizeChannel(channel, mine), evidence: cite(await toEvidence(store, distinctEvents(strongest, EVIDENCE_PER_CHANNEL))) });
  }
  const alerts = (await store.relationships.alerts({ pair: [a, b], all: true })).filter((x) => !x.withdrawnAt && overlaps(x, bounds.fromDay, bounds.toDay));
  const alertLines = alerts.map((alert): BriefLine => ({
    text: `${alert.period}: rift ${signed(alert.score)} Goldstein points (90% interval ${signed(alert.low)} to ${signed(alert.high)}); ` +
      `public ${plural(alert.publicSide.events, 'event')} at ${signed(alert.publicSide.mean)}, private ${plural(alert.privateSide.events, 'event')} at ${signed(alert.privateSide.mean)}` +
      `${alert.acknowledgedAt ? ' (acknowledged)' : ''} — alert ${alert.id}`,
    evidence: [...cite(alert.public), ...cite(alert.private)],
  }));

  const pub = channels.find((c) => c.channel === 'public');
  const priv = channels.find((c) => c.channel === 'private');
  const span = (c: ChannelFacts) => (c.first.slice(0, 4) === c.last.slice(0, 4) ? c.first.slice(0, 4) : `${c.first.slice(0, 4)}–${c.last.slice(0, 4)}`);
  const weighted = (s: DyadSums) => (s.weightSum > 0 ? s.weightedSum / s.weightSum : 0);

  const bottomLine = bottomLineOf(a, b, pub, priv, alerts, channels, alertLines, weighted, span);
  const trends = channels.map((c): BriefLine => {
    const years = [...c.byYear].sort(([x], [y]) => (x < y ? -1 : 1));
    const perYear = years.map(([y, s]) => `${y} ${signed(weighted(s))}`).join(', ');
    return {
      text: `${capitalize(c.channel)}: ${tone(weighted(c.total))}, weighted Goldstein ${signed(weighted(c.total))} over ${plural(round2(c.total.events), 'event')} (${span(c)}); by year ${perYear}.` +
        (c.total.byReport > 0 ? ` ${Math.round((c.total.byReport / c.total.events) * 100)}% placed by report date.` : ''),
      evidence: c.evidence,
    };
  });

  const judgments: KeyJudgment[] = [];
  for (const c of [pub, priv].filter((x): x is ChannelFacts => x !== undefined)) {
    const side = estimateSide(c.total, params);
    const p = normalCdf(side.shrunk / Math.sqrt(side.variance));
    const warm = p >= 0.5;
    const prob = warm ? p : 1 - p;
    judgments.push({
      text: `It is ${icdWord(prob)} that ${a}–${b} relations on the ${c.channel} channel were ${warm ? 'cooperative' : 'hostile'} in ${span(c)}.`,
      probability: round3(prob), icd: icdWord(prob), evidence: c.evidence,
    });
  }
  if (pub && priv) {
    // Compared within the quarters where both channels have events: a private memo of 2025 says nothing of 2019's public face.
    const latest = alerts[0];
    const shared = sharedQuarters(rows);
    const rift = latest
      ? { period: latest.period, probability: latest.probability, evidence: [...cite(latest.public), ...cite(latest.private)] }
      : shared && { period: shared.label, probability: riftOf(shared.label, shared.public, shared.private, params).probability, evidence: [...pub.evidence, ...priv.evidence] };
    if (rift) {
      const warmerInPublic = rift.probability >= 0.5;
      const prob = warmerInPublic ? rift.probability : 1 - rift.probability;
      judgments.push({
        text: `It is ${icdWord(prob)} that the private channel was ${warmerInPublic ? 'more hostile' : 'warmer'} than the public one in ${rift.period}.`,
        probability: round3(prob), icd: icdWord(prob), evidence: rift.evidence,
      });
    }
  }
  if (pub && pub.byYear.size >= 2) {
    const years = [...pub.byYear].sort(([x], [y]) => (x < y ? -1 : 1));
    const [[y0, s0], [y1, s1]] = years.slice(-2);
    const e0 = estimateSide(s0, params);
    const e1 = estimateSide(s1, params);
    const p = normalCdf((e1.shrunk - e0.shrunk) / Math.sqrt(e0.variance + e1.variance));
    const rising = p >= 0.5;
    const prob = rising ? p : 1 - p;
    judgments.push({
      text: `It is ${icdWord(prob)} that public relations grew ${rising ? 'warmer' : 'cooler'} from ${y0} to ${y1}.`,
      probability: round3(prob), icd: icdWord(prob), evidence: pub.evidence,
    });
  }

  const brief: Omit<PairBrief, 'markdown'> = {
    pair: [a, b], from: bounds.from, to: bounds.to, bottomLine, trends, alerts: alertLines, judgments, evidence,
  };
  return { ...brief, markdown: renderMarkdown(brief) };
}

function bottomLineOf(
  a: string, b: string, pub: ChannelFacts | undefined, priv: ChannelFacts | undefined, alerts: RiftAlert[], channels: ChannelFacts[],
  alertLines: BriefLine[], weighted: (s: DyadSums) => number, span: (c: ChannelFacts) => string,
): BriefLine {
  if (!channels.length) {
    return { text: `No counted events between ${a} and ${b} in the store: nothing to brief.`, evidence: [] };
  }
  const describe = (c: ChannelFacts) => `${tone(weighted(c.total))} on the ${c.channel} channel (weighted Goldstein ${signed(weighted(c.total))}, ${plural(round2(c.total.events), 'event')}, ${span(c)})`;
  if (pub && priv) {
    const gap = alerts.length
      ? ` The two diverge beyond the alert threshold in ${alerts.map((x) => x.period).join(', ')}.`
      : ' They do not diverge beyond the alert threshold in any quarter or year.';
    return {
      text: `${a}–${b} relations are ${describe(pub)}, and ${describe(priv)}.${gap}`,
      evidence: alerts.length ? alertLines[0].evidence : [...pub.evidence, ...priv.evidence],
    };
  }
  const main = pub ?? channels[0];
  return {
    text: `${a}–${b} relations are ${describe(main)}. ${priv ? '' : 'No private-channel reporting (leaked or internal documents) is in the store for this pair, so no rift can be measured.'}`.trim(),
    evidence: main.evidence,
  };
}

/** The public and private sums of the quarters where both channels have events, and how to name those quarters. */
function sharedQuarters(rows: readonly DyadSeriesRow[]): { label: string; public: DyadSums; private: DyadSums } | undefined {
  const quarters = (channel: RelationshipChannel) => new Set(rows.filter((r) => r.channel === channel).map((r) => r.period));
  const priv = quarters('private');
  const both = [...quarters('public')].filter((q) => priv.has(q)).sort();
  if (!both.length) return undefined;
  const sums = { public: emptySums(), private: emptySums() };
  for (const r of rows) if ((r.channel === 'public' || r.channel === 'private') && both.includes(r.period)) addSums(sums[r.channel], r);
  return { label: both.length === 1 ? both[0] : `${both.length} quarters from ${both[0]} to ${both[both.length - 1]}`, ...sums };
}

function summarizeChannel(channel: RelationshipChannel, rows: readonly DyadSeriesRow[]): Omit<ChannelFacts, 'evidence'> {
  const total = emptySums();
  const byYear = new Map<string, DyadSums>();
  let first = rows[0].period;
  let last = rows[0].period;
  for (const r of rows) {
    addSums(total, r);
    const year = r.period.slice(0, 4);
    let sums = byYear.get(year);
    if (!sums) byYear.set(year, (sums = emptySums()));
    addSums(sums, r);
    if (r.period < first) first = r.period;
    if (r.period > last) last = r.period;
  }
  return { channel, total, byYear, first, last };
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round3 = (n: number) => Math.round(n * 1000) / 1000;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const refs = (ns: number[]) => (ns.length ? ' ' + [...new Set(ns)].map((n) => `[${n}]`).join('') : '');

function renderMarkdown(brief: Omit<PairBrief, 'markdown'>): string {
  const [a, b] = brief.pair;
  const out: string[] = [`# ${a}–${b}: public and private channels`, ''];
  if (brief.from || brief.to) out.push(`_${brief.from ?? 'start'} to ${brief.to ?? 'latest'}, by quarter._`, '');
  out.push('## Bottom line', '', brief.bottomLine.text + refs(brief.bottomLine.evidence), '');
  if (brief.trends.length) {
    out.push('## Trend by channel', '');
    for (const t of brief.trends) out.push(`- ${t.text}${refs(t.evidence)}`);
    out.push('');
  }
  out.push('## Alerts', '');
  if (brief.alerts.length) for (const l of brief.alerts) out.push(`- ${l.text}${refs(l.evidence)}`);
  else out.push('- None open for this pair.');
  out.push('');
  if (brief.judgments.length) {
    out.push('## Key judgments', '');
    brief.judgments.forEach((j, i) => out.push(`${i + 1}. ${j.text} (p ≈ ${j.probability.toFixed(2)})${refs(j.evidence)}`));
    out.push('');
  }
  if (brief.evidence.length) {
    out.push('## Evidence', '');
    brief.evidence.forEach((e, i) => {
      const when = e.time.from === e.time.to ? e.time.from : `${e.time.from} to ${e.time.to}`;
      const who = e.claim ? `${e.claim.speaker}, ${e.claim.channel}${e.claim.icd ? `, ${e.claim.icd}` : ''}` : 'no claim';
      out.push(
        `${i + 1}. ${when}${e.time.basis === 'report' ? ' (report date)' : ''} · ${e.channel} · ${e.source}→${e.target} ${e.ploverType} (CAMEO ${e.cameo}, Goldstein ${signed(e.goldstein)}) · ${who}` +
          ` · ${e.outlet ?? 'unknown outlet'}, document \`${e.documentId.slice(0, 12)}\` characters ${e.start}–${e.end}` +
          `${e.documents > 1 ? ` · reported in ${e.documents} documents` : ''}: “${e.text.length > 200 ? `${e.text.slice(0, 199)}…` : e.text}”`,
      );
    });
    out.push('');
  }
  return out.join('\n');
}
