import type { DyadEvidence, DyadPoint, RiftAlert, RiftPoint } from '../model/index.js';
import { RELATIONSHIP_CHANNELS } from '../model/index.js';
import type { DyadReport } from './report.js';
import { periodRange, periodsBetween } from './periods.js';

// `rift dyad` and `rift alerts` as text: a table per period, a sparkline per series, the evidence quoted.

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One character per value on the Goldstein scale (−10…10); a gap where a period has no events. */
export function sparkline(values: readonly (number | undefined)[]): string {
  return values
    .map((v) => (v === undefined ? ' ' : BLOCKS[Math.max(0, Math.min(7, Math.round(((v + 10) / 20) * 7)))]))
    .join('');
}

const signed = (n: number, digits = 1) => (n > 0 ? '+' : n < 0 ? '−' : ' ') + Math.abs(n).toFixed(digits);
const count = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** Longest sparkline shown: the latest periods when there are more. */
const MAX_SPARK = 80;

export function renderDyad(report: DyadReport): string[] {
  const [a, b] = report.pair;
  const lines: string[] = [];
  if (!report.series.length) {
    lines.push(`No counted events between ${a} and ${b}${report.from || report.to ? ` from ${report.from ?? 'the start'} to ${report.to ?? 'the end'}` : ''}.`);
    lines.push('Events count when the text presents them as having happened and dates them (or its document has a date).');
    return lines;
  }
  const periods = [...new Set(report.series.map((p) => p.period))].sort();
  const first = periodRange(report.by, periods[0])![0];
  const last = periodRange(report.by, periods[periods.length - 1])![1];
  const allPeriods = periodsBetween(report.by, first, last);
  const total = report.series.reduce((n, p) => n + p.events, 0);
  const byReport = report.series.reduce((n, p) => n + p.byReportTime, 0);
  lines.push(
    `${a} ↔ ${b} by ${report.by}, ${periods[0]} to ${periods[periods.length - 1]} · ${count(Math.round(total * 100) / 100)} events` +
      (byReport > 0 ? ` (${Math.round((byReport / total) * 100)}% placed by their report's date)` : ''),
  );
  lines.push('');

  const columns = seriesColumns(report.series, a, b);
  const shown = allPeriods.slice(-MAX_SPARK);
  lines.push(`${'channel'.padEnd(11)} ${'direction'.padEnd(18)} ${'events'.padStart(7)} ${'mean'.padStart(6)} ${'weighted'.padStart(8)}  weighted Goldstein by ${report.by}${shown.length < allPeriods.length ? ` (last ${shown.length})` : ''}`);
  for (const col of columns) {
    const points = new Map(col.points.map((p) => [p.period, p]));
    const events = col.points.reduce((n, p) => n + p.events, 0);
    const weight = col.points.reduce((n, p) => n + p.weight, 0);
    const mean = col.points.reduce((n, p) => n + p.goldsteinMean * p.events, 0) / events;
    const weighted = weight > 0 ? col.points.reduce((n, p) => n + p.goldsteinWeighted * p.weight, 0) / weight : mean;
    lines.push(
      `${col.channel.padEnd(11)} ${col.direction.padEnd(18)} ${count(Math.round(events * 100) / 100).padStart(7)} ${signed(mean).padStart(6)} ${signed(weighted).padStart(8)}  ${sparkline(shown.map((p) => points.get(p)?.goldsteinWeighted))}`,
    );
  }
  if (report.rift.length) {
    const rift = new Map(report.rift.map((r) => [r.period, r.score / 2]));
    lines.push(`${'rift'.padEnd(11)} ${'public − private'.padEnd(18)} ${''.padStart(7)} ${''.padStart(6)} ${''.padStart(8)}  ${sparkline(shown.map((p) => rift.get(p)))}`);
  }
  lines.push('');

  // The table: one row per period with events; each cell "events weighted-Goldstein".
  const alertPeriods = new Set(report.alerts.filter((x) => x.by === report.by).map((x) => x.period));
  const riftBy = new Map(report.rift.map((r) => [r.period, r]));
  const header = ['period'.padEnd(10), ...columns.map((c) => `${c.channel} ${c.direction}`.padEnd(Math.max(14, c.channel.length + c.direction.length + 1))), 'rift'];
  lines.push(header.join('  '));
  for (const period of periods) {
    const cells = columns.map((c, i) => {
      const p = c.points.find((x) => x.period === period);
      return (p ? `${count(p.events)} ${signed(p.goldsteinWeighted)}` : '·').padEnd(header[i + 1].length);
    });
    const r = riftBy.get(period);
    const riftText = r ? `${signed(r.score)} (${signed(r.low)}…${signed(r.high)})${alertPeriods.has(period) ? ' ALERT' : ''}` : '';
    lines.push([period.padEnd(10), ...cells, riftText].join('  ').trimEnd());
  }

  if (report.alerts.length) {
    lines.push('');
    lines.push('Alerts');
    for (const alert of report.alerts) lines.push(`  ${alertLine(alert)}`);
    lines.push('  (rift alerts shows their evidence)');
  }
  const evidence = RELATIONSHIP_CHANNELS.flatMap((c) => (report.evidence[c] ?? []).map((e) => e));
  if (evidence.length) {
    lines.push('');
    lines.push('Strongest evidence');
    for (const e of evidence) lines.push(...evidenceLines(e, '  '));
  }
  return lines;
}

interface Column {
  channel: DyadPoint['channel'];
  direction: string;
  points: DyadPoint[];
}

function seriesColumns(series: readonly DyadPoint[], a: string, b: string): Column[] {
  const columns: Column[] = [];
  for (const channel of RELATIONSHIP_CHANNELS) {
    for (const direction of [`${a}->${b}`, `${b}->${a}`]) {
      const points = series.filter((p) => p.channel === channel && p.direction === direction);
      if (points.length) columns.push({ channel, direction, points });
    }
  }
  return columns;
}

export function alertLine(alert: RiftAlert): string {
  const state = alert.withdrawnAt ? ' (withdrawn)' : alert.acknowledgedAt ? ' (acknowledged)' : '';
  return `${alert.id}  ${alert.pair.join('–')}  ${alert.period}  rift ${signed(alert.score)} (90%: ${signed(alert.low)}…${signed(alert.high)})  ` +
    `public ${count(alert.publicSide.events)} events ${signed(alert.publicSide.mean)}, private ${count(alert.privateSide.events)} events ${signed(alert.privateSide.mean)}${state}`;
}

export function evidenceLines(e: DyadEvidence, indent = ''): string[] {
  const when = e.time.from === e.time.to ? e.time.from : `${e.time.from}…${e.time.to}`;
  const claim = e.claim ? ` · ${e.claim.speaker} (${e.claim.channel}, ${e.claim.icd ?? e.claim.certainty})` : '';
  const copies = e.documents > 1 ? ` · in ${e.documents} documents` : '';
  return [
    `${indent}${e.channel.padEnd(10)} ${when}${e.time.basis === 'report' ? ' (report date)' : ''}  ${e.source}->${e.target}  ${e.ploverType} ${e.cameo} ${signed(e.goldstein)}${claim}${copies}`,
    `${indent}${' '.repeat(11)}“${e.text}” [${e.documentId.slice(0, 12)} ${e.start}–${e.end}${e.outlet ? ` ${e.outlet}` : ''}]`,
  ];
}

export function renderAlerts(alerts: readonly RiftAlert[]): string[] {
  if (!alerts.length) return ['No open rift alerts.'];
  const lines: string[] = [];
  for (const alert of alerts) {
    lines.push(alertLine(alert));
    lines.push(`  public (${count(alert.publicSide.events)} events, weighted mean ${signed(alert.publicSide.mean)}):`);
    for (const e of alert.public) lines.push(...evidenceLines(e, '    '));
    lines.push(`  private (${count(alert.privateSide.events)} events, weighted mean ${signed(alert.privateSide.mean)}):`);
    for (const e of alert.private) lines.push(...evidenceLines(e, '    '));
    lines.push('');
  }
  lines.push(`rift alerts ack <id> acknowledges one.`);
  return lines;
}

export type { RiftPoint };
