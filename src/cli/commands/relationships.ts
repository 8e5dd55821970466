import type { Command } from 'commander';
import { PERIOD_KINDS, type PeriodKind } from '../../model/index.js';
import type { Store } from '../../store/index.js';
import { RelationshipsStage, dyadReport, DyadQueryError, renderDyad, renderAlerts, type UpdateSummary } from '../../relationships/index.js';
import { addDbOption, openCliStore } from '../db.js';
import { print, printJson } from '../output.js';
import { ProgressBar } from '../progress.js';
import { CliError } from '../errors.js';

/** Brings the series up to date with the documents stored since the stage last ran (quiet when nothing is pending). */
export async function catchUpRelationships(store: Store, stage = new RelationshipsStage()): Promise<UpdateSummary> {
  const bar = new ProgressBar('relationships');
  try {
    return await stage.catchUp(store, (p) => bar.update(p.done, p.total, `${p.done}/${p.total} documents`));
  } finally {
    bar.done();
  }
}

function periodKind(value: string): PeriodKind {
  if (!(PERIOD_KINDS as readonly string[]).includes(value)) throw new CliError(`--by must be one of ${PERIOD_KINDS.join(', ')}`);
  return value as PeriodKind;
}

export function registerDyad(program: Command): void {
  addDbOption(
    program
      .command('dyad <a> <b>')
      .description('cooperation and conflict between two actors or countries over time, public and private channels apart, and the rift between them')
      .option('--by <period>', `resolution: ${PERIOD_KINDS.join(', ')}`, 'month')
      .option('--from <date>', 'first period: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Www')
      .option('--to <date>', 'last period, in the same forms')
      .option('--evidence <n>', 'strongest events quoted per channel', '3')
      .option('--json', 'machine-readable output'),
  ).action(async (a: string, b: string, opts) => {
    const by = periodKind(opts.by);
    const evidence = Number(opts.evidence);
    if (!Number.isInteger(evidence) || evidence < 0) throw new CliError('--evidence must be a whole number');
    const store = await openCliStore(opts);
    try {
      await catchUpRelationships(store);
      const report = await dyadReport(store, { a, b, by, from: opts.from, to: opts.to }, { evidence });
      if (opts.json) printJson(report);
      else for (const line of renderDyad(report)) print(line);
    } catch (err) {
      if (err instanceof DyadQueryError) throw new CliError(err.message);
      throw err;
    } finally {
      await store.close();
    }
  });
}

export function registerAlerts(program: Command): void {
  const alerts = addDbOption(
    program
      .command('alerts')
      .description('rift alerts: pairs whose public and private channels diverge (`rift alerts ack <id>` acknowledges one)')
      .option('--all', 'include acknowledged and withdrawn alerts')
      .option('--pair <codes>', 'only this pair, as A,B (RUS,CHN)')
      .option('--json', 'machine-readable output'),
  ).action(async (opts) => {
    let pair: [string, string] | undefined;
    if (opts.pair !== undefined) {
      const parts = String(opts.pair).split(/[,\s]+/).filter(Boolean).map((s) => s.toUpperCase());
      if (parts.length !== 2) throw new CliError('--pair takes two codes: --pair RUS,CHN');
      pair = [parts[0], parts[1]];
    }
    const store = await openCliStore(opts);
    try {
      await catchUpRelationships(store);
      const list = await store.relationships.alerts({ all: Boolean(opts.all), pair });
      if (opts.json) printJson(list);
      else for (const line of renderAlerts(list)) print(line);
    } finally {
      await store.close();
    }
  });
  addDbOption(
    alerts
      .command('ack <id>')
      .description('acknowledge an alert (an unambiguous id prefix is enough); it leaves the open list and is kept')
      .option('--by <name>', 'who acknowledges it')
      .option('--json', 'machine-readable output'),
  ).action(async (typed: string, opts, command: Command) => {
    const store = await openCliStore({ db: opts.db ?? command.parent?.opts().db });
    try {
      const ids = await store.relationships.findAlertIds(typed.toLowerCase(), 2);
      if (!ids.length) throw new CliError(`no alert with id "${typed}" in ${store.location}`);
      if (ids.length > 1) throw new CliError(`alert id "${typed}" is ambiguous: type more of it`);
      const at = new Date().toISOString();
      await store.relationships.acknowledgeAlert(ids[0], at, opts.by);
      if (opts.json) printJson({ id: ids[0], acknowledgedAt: at, acknowledgedBy: opts.by });
      else print(`acknowledged ${ids[0]}`);
    } finally {
      await store.close();
    }
  });
}

export function registerRelationships(program: Command): void {
  addDbOption(
    program
      .command('relationships')
      .description('bring the dyad series and rift alerts up to date with the documents stored without them (ingest --no-corpus, older stores); ingest and reanalyze do this after each batch')
      .option('--rebuild', 'empty the series and read every document again')
      .option('--json', 'machine-readable output'),
  ).action(async (opts) => {
    const store = await openCliStore(opts);
    try {
      const stage = new RelationshipsStage();
      const bar = new ProgressBar('relationships');
      const progress = (p: { done: number; total: number }) => bar.update(p.done, p.total, `${p.done}/${p.total} documents`);
      const summary = opts.rebuild ? await stage.rebuild(store, progress) : await stage.catchUp(store, progress);
      bar.done();
      if (opts.json) printJson(summary);
      else {
        print(
          `${summary.documents} documents read: ${summary.events} events, ${summary.reports} reports for pairs, ` +
            `${summary.counted} counted events changed; left out ${summary.notCounted} not presented as fact, ${summary.undated} undated, ` +
            `${summary.noPair} without two sides; alerts ${summary.alertsRaised} raised, ${summary.alertsWithdrawn} withdrawn`,
        );
      }
    } finally {
      await store.close();
    }
  });
}
