import { createHash } from 'node:crypto';
import type { PeriodKind } from '../model/index.js';
import type { DyadEventRecord, DyadMention, DyadSeriesRow, Store } from '../store/index.js';
import { fingerprintIdentity, type EventIdentity } from './identity.js';
import { emptyTally, mentionsOf, type MentionTally } from './mentions.js';
import { contribute, emptySums, summarize } from './series.js';
import { DEFAULT_ALERT_RULE, DEFAULT_RIFT, type AlertRule, type RiftParameters } from './rift.js';
import { decideAlerts, evaluateAlerts, isCountryKey } from './alerts.js';

/** Bump when the way reports are read or counted changes: stored series are then rebuilt. */
export const COUNTING_VERSION = 2;

export interface RelationshipsOptions {
  /** What makes two reports one event (stories will bring a better answer). */
  identity?: EventIdentity;
  rift?: RiftParameters;
  rule?: AlertRule;
  /**
   * The resolutions alerts are raised at: quarters, and years for evidence too vague or too thin to
   * place in a quarter (a memo dated "late 2023 or early 2024", a trade figure for a year).
   */
  alertBy?: readonly PeriodKind[];
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
  documents: 0, ...emptyTally(), reports: 0, counted: 0, cells: 0, alertsRaised: 0, alertsWithdrawn: 0,
});

function addSummary(into: UpdateSummary, from: UpdateSummary): void {
  for (const k of Object.keys(into) as (keyof UpdateSummary)[]) {
    if (k === 'byChannel') for (const c of Object.keys(into.byChannel) as (keyof UpdateSummary['byChannel'])[]) into.byChannel[c] += from.byChannel[c];
    else into[k] += from[k];
  }
}

/**
 * The relationships stage's work (registered as a corpus stage in corpus-stage.ts): after a batch of documents lands, `update` reads their events
 * and brings the dyad series and rift alerts up to date — only the cells those events touch, by adding and
 * taking away counted events, so a batch costs the same however large the store is.
 */
export class RelationshipsStage {
  readonly name = 'relationships';
  readonly version: string;
  private readonly identity: EventIdentity;
  private readonly rift: RiftParameters;
  private readonly rule: AlertRule;
  private readonly alertBy: readonly PeriodKind[];
  private readonly chunk: number;
  private readonly now: () => string;

  constructor(options: RelationshipsOptions = {}) {
    this.identity = options.identity ?? fingerprintIdentity;
    this.rift = options.rift ?? DEFAULT_RIFT;
    this.rule = options.rule ?? DEFAULT_ALERT_RULE;
    this.alertBy = options.alertBy ?? ['quarter', 'year'];
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
    const touched: Touched = new Map();
    for (const a of alerts) touch(touched, a.by, a.pair, a.period);
    return (await this.evaluate(store, touched)).withdrawn;
  }

  private async apply(store: Store, docIds: readonly string[]): Promise<UpdateSummary> {
    const summary = emptySummary();
    if (!docIds.length) return summary;
    const sources = await store.relationships.sources(docIds);
    const mentions = mentionsOf(sources, this.identity, summary);
    summary.documents = sources.documents.length;
    summary.reports = mentions.length;
    const current = await store.relationships.write(async (w) => {
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
          if (old.mentions !== now.mentions || old.documents !== now.documents) {
            changed.push(now);
            // How many documents an event rests on counts for alerts: its periods are decided again.
            contribute(now, 0, cells);
          }
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
      // Cells an alert is decided from (public and private, between countries, at an alert resolution) are written
      // with their three siblings (the other direction, the other channel) and read back in the same statement.
      const watched = new Map<string, DyadSeriesRow>();
      const rest: DyadSeriesRow[] = [];
      for (const c of cells.values()) {
        if (!this.watches(c)) {
          rest.push(c);
          continue;
        }
        for (const [source, target] of [[c.source, c.target], [c.target, c.source]]) {
          for (const channel of ['public', 'private'] as const) {
            const key = `${source}\u0000${target}\u0000${c.by}\u0000${c.period}\u0000${channel}`;
            if (!watched.has(key)) watched.set(key, cells.get(key) ?? { source, target, by: c.by, period: c.period, channel, ...emptySums() });
          }
        }
      }
      await w.addToSeries(rest);
      const current = await w.addToSeries([...watched.values()], true);
      await w.markRead(sources.documents);
      summary.counted = changed.length + gone.length;
      summary.cells = cells.size;
      return current;
    });
    const outcome = await this.decide(store, current);
    summary.alertsRaised = outcome.raised;
    summary.alertsWithdrawn = outcome.withdrawn;
    return summary;
  }

  /** Whether a cell can move an alert: public or private, between two countries, at a resolution alerts are raised at. */
  private watches(c: DyadSeriesRow): boolean {
    return (c.channel === 'public' || c.channel === 'private') && this.alertBy.includes(c.by) && isCountryKey(c.source) && isCountryKey(c.target);
  }

  /** Alerts for the periods whose cells an update changed, decided from the cells' new sums. */
  private async decide(store: Store, current: readonly DyadSeriesRow[]): Promise<{ raised: number; withdrawn: number }> {
    const touched: Touched = new Map();
    for (const c of current) touch(touched, c.by, [c.source, c.target], c.period);
    let [raised, withdrawn] = [0, 0];
    for (const [by, pairs] of touched) {
      const outcome = await decideAlerts(store, pairs, current, { by, rule: this.rule, params: this.rift, now: this.now() });
      raised += outcome.raised.length;
      withdrawn += outcome.withdrawn;
    }
    return { raised, withdrawn };
  }

  private async evaluate(store: Store, touched: Touched): Promise<{ raised: number; withdrawn: number }> {
    let [raised, withdrawn] = [0, 0];
    for (const [by, pairs] of touched) {
      const outcome = await evaluateAlerts(store, pairs, { by, rule: this.rule, params: this.rift, now: this.now() });
      raised += outcome.raised.length;
      withdrawn += outcome.withdrawn;
    }
    return { raised, withdrawn };
  }
}

/** Periods to re-evaluate, by resolution, then by pair. */
type Touched = Map<PeriodKind, Map<string, { pair: [string, string]; periods: Set<string> }>>;

function touch(touched: Touched, by: PeriodKind, pair: readonly [string, string], period: string): void {
  const sorted = [...pair].sort() as [string, string];
  let pairs = touched.get(by);
  if (!pairs) touched.set(by, (pairs = new Map()));
  const key = sorted.join('|');
  let entry = pairs.get(key);
  if (!entry) pairs.set(key, (entry = { pair: sorted, periods: new Set() }));
  entry.periods.add(period);
}

/** Two states of a counted event add the same to every cell: same pair, channel, time, class, score and weight. */
function sameCount(x: DyadEventRecord, y: DyadEventRecord): boolean {
  return x.source === y.source && x.target === y.target && x.channel === y.channel && x.timeFrom === y.timeFrom &&
    x.timeTo === y.timeTo && x.quadClass === y.quadClass && x.goldstein === y.goldstein && x.weight === y.weight && x.basis === y.basis &&
    x.eventId === y.eventId && x.docId === y.docId;
}
