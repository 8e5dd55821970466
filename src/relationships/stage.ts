import { createHash } from 'node:crypto';
import type { PeriodKind } from '../model/index.js';
import type { DyadEventRecord, DyadMention, DyadSeriesRow, Store } from '../store/index.js';
import { fingerprintIdentity, type EventIdentity } from './identity.js';
import { mentionsOf, type MentionTally } from './mentions.js';
import { contribute, summarize } from './series.js';
import { DEFAULT_ALERT_RULE, DEFAULT_RIFT, type AlertRule, type RiftParameters } from './rift.js';
import { evaluateAlerts, isCountryKey } from './alerts.js';

/** Bump when the way reports are read or counted changes: stored series are then rebuilt. */
const COUNTING_VERSION = 1;

export interface RelationshipsOptions {
  /** What makes two reports one event (stories will bring a better answer). */
  identity?: EventIdentity;
  rift?: RiftParameters;
  rule?: AlertRule;
  /** The resolution alerts are raised at. */
  alertBy?: PeriodKind;
  /** Documents per update when catching up. */
  chunk?: number;
  now?: () => string;
}

export interface UpdateSummary extends MentionTally {
  documents: number;
  /** Reports of events per pair written. */
  reports: number;
  /** Counted events added, changed or removed. */
  counted: number;
  /** Series cells changed. */
  cells: number;
  alertsRaised: number;
  alertsWithdrawn: number;
}

export interface CatchUpProgress {
  done: number;
  total: number;
}

const emptySummary = (): UpdateSummary => ({
  documents: 0, events: 0, notCounted: 0, undated: 0, noPair: 0, reports: 0, counted: 0, cells: 0, alertsRaised: 0, alertsWithdrawn: 0,
});

function addSummary(into: UpdateSummary, from: UpdateSummary): void {
  for (const k of Object.keys(into) as (keyof UpdateSummary)[]) into[k] += from[k];
}

/**
 * The relationships stage, a corpus stage: after a batch of documents lands, `update` reads their events
 * and brings the dyad series and rift alerts up to date — only the cells those events touch, by adding and
 * taking away counted events, so a batch costs the same however large the store is.
 */
export class RelationshipsStage {
  readonly name = 'relationships';
  readonly version: string;
  private readonly identity: EventIdentity;
  private readonly rift: RiftParameters;
  private readonly rule: AlertRule;
  private readonly alertBy: PeriodKind;
  private readonly chunk: number;
  private readonly now: () => string;

  constructor(options: RelationshipsOptions = {}) {
    this.identity = options.identity ?? fingerprintIdentity;
    this.rift = options.rift ?? DEFAULT_RIFT;
    this.rule = options.rule ?? DEFAULT_ALERT_RULE;
    this.alertBy = options.alertBy ?? 'quarter';
    this.chunk = options.chunk ?? 2000;
    this.now = options.now ?? (() => new Date().toISOString());
    const settings = JSON.stringify([COUNTING_VERSION, this.identity.name, this.rift, this.rule, this.alertBy]);
    this.version = createHash('sha256').update(settings).digest('hex').slice(0, 12);
  }

  /**
   * Reads these documents' events (new ones, or reanalysed ones: their earlier reports are replaced) into
   * the series, and re-evaluates the alerts of the periods they touch. One transaction for the series.
   */
  async update(store: Store, docIds: readonly string[]): Promise<UpdateSummary> {
    const state = await store.relationships.state(this.name);
    if (state && state.version !== this.version) return this.rebuild(store);
    return this.apply(store, docIds);
  }

  /** Reads the documents the stage has not read yet (all of them after an upgrade that changes counting). */
  async catchUp(store: Store, onProgress?: (p: CatchUpProgress) => void): Promise<UpdateSummary> {
    const state = await store.relationships.state(this.name);
    if (state && state.version !== this.version) return this.rebuild(store, onProgress);
    return this.readPending(store, onProgress);
  }

  /** Empties the series and reads every document again; alerts the new counts no longer support are withdrawn. */
  async rebuild(store: Store, onProgress?: (p: CatchUpProgress) => void): Promise<UpdateSummary> {
    const standing = (await store.relationships.alerts({ all: true })).filter((a) => !a.withdrawnAt).map((a) => a.id);
    await store.relationships.write(async (w) => {
      await w.begin(this.name, this.version, this.now());
      await w.clear();
    });
    const summary = await this.readPending(store, onProgress);
    if (standing.length) summary.alertsWithdrawn += await this.recheck(store, standing);
    return summary;
  }

  private async readPending(store: Store, onProgress?: (p: CatchUpProgress) => void): Promise<UpdateSummary> {
    const summary = emptySummary();
    const total = await store.relationships.countPending();
    if (!total) return summary;
    let done = 0;
    let after: string | undefined;
    onProgress?.({ done, total });
    for (;;) {
      const ids = await store.relationships.pending({ after, limit: this.chunk });
      if (!ids.length) break;
      addSummary(summary, await this.apply(store, ids));
      after = ids[ids.length - 1];
      done += ids.length;
      onProgress?.({ done: Math.min(done, total), total });
    }
    return summary;
  }

  /** Withdraws the given alerts unless their pair and period still cross the rule. */
  private async recheck(store: Store, ids: string[]): Promise<number> {
    const alerts = (await store.relationships.alerts({ all: true })).filter((a) => ids.includes(a.id));
    const touched = new Map<string, { pair: [string, string]; periods: Set<string> }>();
    for (const a of alerts) {
      const key = a.pair.join('|');
      if (!touched.has(key)) touched.set(key, { pair: a.pair, periods: new Set() });
      touched.get(key)!.periods.add(a.period);
    }
    const outcome = await evaluateAlerts(store, touched, { by: this.alertBy, rule: this.rule, params: this.rift, now: this.now() });
    return outcome.withdrawn;
  }

  private async apply(store: Store, docIds: readonly string[]): Promise<UpdateSummary> {
    const summary = emptySummary();
    if (!docIds.length) return summary;
    const sources = await store.relationships.sources(docIds);
    const mentions = mentionsOf(sources, this.identity, summary);
    summary.documents = sources.documents.length;
    summary.reports = mentions.length;
    const cells = await store.relationships.write(async (w) => {
      await w.begin(this.name, this.version, this.now());
      const before = await w.fingerprintsOfDocuments(docIds);
      await w.deleteMentionsOfDocuments(docIds);
      await w.insertMentions(mentions);
      const fingerprints = [...new Set([...before, ...mentions.map((m) => m.fingerprint)])];
      const previous = new Map((await w.events(fingerprints)).map((e) => [e.fingerprint, e]));
      const reports = new Map<string, DyadMention[]>();
      for (const m of await w.mentions(fingerprints)) {
        const list = reports.get(m.fingerprint);
        if (list) list.push(m);
        else reports.set(m.fingerprint, [m]);
      }
      const cells = new Map<string, DyadSeriesRow>();
      const changed: DyadEventRecord[] = [];
      const gone: string[] = [];
      for (const fingerprint of fingerprints) {
        const old = previous.get(fingerprint);
        const now = summarize(reports.get(fingerprint) ?? []);
        if (old && now && sameCount(old, now)) {
          if (old.mentions !== now.mentions || old.documents !== now.documents) changed.push(now);
          continue;
        }
        if (old) contribute(old, -1, cells);
        if (now) {
          contribute(now, 1, cells);
          changed.push(now);
        } else if (old) gone.push(fingerprint);
      }
      await w.putEvents(changed);
      await w.deleteEvents(gone);
      const rows = [...cells.values()];
      await w.addToSeries(rows);
      await w.markRead(sources.documents);
      summary.counted = changed.length + gone.length;
      summary.cells = rows.length;
      return rows;
    });
    const touched = new Map<string, { pair: [string, string]; periods: Set<string> }>();
    for (const c of cells) {
      if (c.by !== this.alertBy || (c.channel !== 'public' && c.channel !== 'private')) continue;
      if (!isCountryKey(c.source) || !isCountryKey(c.target)) continue;
      const pair = [c.source, c.target].sort() as [string, string];
      const key = pair.join('|');
      if (!touched.has(key)) touched.set(key, { pair, periods: new Set() });
      touched.get(key)!.periods.add(c.period);
    }
    if (touched.size) {
      const outcome = await evaluateAlerts(store, touched, { by: this.alertBy, rule: this.rule, params: this.rift, now: this.now() });
      summary.alertsRaised = outcome.raised.length;
      summary.alertsWithdrawn = outcome.withdrawn;
    }
    return summary;
  }
}

/** Two states of a counted event add the same to every cell: same pair, channel, time, class, score and weight. */
function sameCount(x: DyadEventRecord, y: DyadEventRecord): boolean {
  return x.source === y.source && x.target === y.target && x.channel === y.channel && x.timeFrom === y.timeFrom &&
    x.timeTo === y.timeTo && x.quadClass === y.quadClass && x.goldstein === y.goldstein && x.weight === y.weight && x.basis === y.basis &&
    x.eventId === y.eventId && x.docId === y.docId;
}
