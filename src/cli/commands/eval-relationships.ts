import type { Command } from 'commander';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../errors.js';
import { print, printJson } from '../output.js';
import { openStore } from '../../store/index.js';
import { ingest } from '../../ingest/index.js';
import { RelationshipsStage, relationshipsStageDefinition, type UpdateSummary } from '../../relationships/index.js';
import { processResources } from '../../app/pipeline.js';
import { STAGES } from '../../app/stages.js';
import { compareCodes, comparePairs, compareWithStore, readColumns, readExport, riftCameoTable } from '../../relationships/eval/gdelt.js';
import { openCliStore } from '../db.js';

export function registerEvalRelationships(parent: Command): void {
  parent
    .command('gdelt <export.csv> <labels.csv>')
    .description("Rift's QuadClass and Goldstein against GDELT's on GDELT's own events: per CAMEO code, and per country pair counted Rift's way (copies once)")
    .option('--db <path|url>', 'also describe the pairs that have events both in GDELT and in this store')
    .option('--pairs <n>', 'pairs listed in text output', '15')
    .option('--json', 'machine-readable output')
    .action(async (file: string, labels: string, opts) => {
      for (const f of [file, labels]) if (!existsSync(f)) throw new CliError(`cannot read ${f}: not found`);
      let rows;
      try {
        rows = readExport(file, readColumns(labels));
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      const table = riftCameoTable();
      const codes = compareCodes(rows, table);
      const pairs = comparePairs(rows, table);
      let store;
      if (opts.db) {
        const s = await openCliStore(opts);
        try {
          await new RelationshipsStage().catchUp(s);
          store = await compareWithStore(rows, s);
        } finally {
          await s.close();
        }
      }
      const result = { rows: rows.length, codes, pairs, store };
      if (opts.json) {
        printJson(result);
        return;
      }
      print(`GDELT export: ${rows.length} events`);
      print(`Per CAMEO code (${codes.known} rows with a code Rift knows): QuadClass agreement ${codes.quadAgreement.toFixed(4)}, ` +
        `Goldstein identical ${codes.goldsteinExact.toFixed(4)}, mean absolute difference ${codes.goldsteinMae.toFixed(4)}`);
      for (const d of codes.disagreements.slice(0, 10)) {
        print(`  ${d.code} (${d.rows} rows): GDELT quad ${d.gdelt.quadClass} Goldstein ${d.gdelt.goldstein}, Rift quad ${d.rift.quadClass} Goldstein ${d.rift.goldstein}`);
      }
      if (codes.unknownCodes.length) print(`  codes Rift does not know: ${codes.unknownCodes.join(', ')}`);
      print(`Country pairs (${pairs.sharedPairs} of GDELT's ${pairs.gdeltPairs}): GDELT ${pairs.gdeltEvents} rows, Rift ${pairs.riftEvents} events after copies count once`);
      print(`  dominant QuadClass agreement ${pairs.dominantQuadAgreement}, QuadClass mix distance ${pairs.quadShareDistance}, ` +
        `mean Goldstein: absolute difference ${pairs.goldsteinMae}, correlation ${pairs.goldsteinCorrelation}`);
      const listed = [...pairs.pairs].sort((x, y) => y.gdelt.events - x.gdelt.events).slice(0, Number(opts.pairs) || 15);
      for (const p of listed) {
        print(`  ${p.pair.padEnd(9)} GDELT ${String(p.gdelt.events).padStart(3)} rows [${p.gdelt.quad.join(' ')}] ${p.gdelt.goldsteinMean.toFixed(2).padStart(6)}   ` +
          `Rift ${String(p.rift.events).padStart(3)} events [${p.rift.quad.join(' ')}] ${p.rift.goldsteinMean.toFixed(2).padStart(6)}`);
      }
      if (store) {
        print(`Pairs with events both in GDELT and in the store (different texts and dates): ${store.length}`);
        for (const p of store) {
          print(`  ${p.pair.padEnd(9)} GDELT ${p.gdelt.events} rows [${p.gdelt.quad.join(' ')}] ${p.gdelt.goldsteinMean.toFixed(2)}   ` +
            `store ${p.rift.events} events [${p.rift.quad.join(' ')}] ${p.rift.goldsteinMean.toFixed(2)} (weighted ${p.rift.goldsteinWeighted.toFixed(2)})`);
        }
      }
    });

  parent
    .command('rift-quiet <files...>')
    .description('ingest a corpus with no private channel (Reuters-21578, say) into a temporary store and count the rift alerts raised: there should be none')
    .option('--workers <n>', 'worker threads for the ingest', 'auto')
    .option('--json', 'machine-readable output')
    .action(async (files: string[], opts) => {
      for (const f of files) if (!existsSync(f)) throw new CliError(`cannot read ${f}: not found`);
      const dir = mkdtempSync(join(tmpdir(), 'rift-eval-quiet-'));
      const store = await openStore(join(dir, 'eval.db'), { create: true });
      try {
        const workers = opts.workers === 'auto' ? 'auto' : Number(opts.workers);
        const total = { events: 0, private: 0, public: 0 };
        const count = (s: UpdateSummary) => {
          total.events += s.events;
          total.private += s.byChannel.private;
          total.public += s.byChannel.public;
        };
        // The registered stage, as ingest runs it, with a counter on each batch's summary.
        const { load, ...declared } = relationshipsStageDefinition({ onUpdate: count });
        const stage = { ...declared, version: STAGES.version(declared.name), update: await load(processResources) };
        const ingested = await ingest(files, { store, pipeline: 'default', workers, corpus: [stage] });
        const alerts = await store.relationships.alerts({ all: true });
        const result = {
          documents: ingested.ingested, events: total.events, publicEvents: total.public, privateEvents: total.private,
          alerts: alerts.length, alertPairs: alerts.map((a) => `${a.pair.join('–')} ${a.period}`),
        };
        if (opts.json) printJson(result);
        else print(`${result.documents} documents, ${result.events} events (${result.publicEvents} public, ${result.privateEvents} private), ${result.alerts} rift alerts${result.alerts ? `: ${result.alertPairs.join(', ')}` : ''}`);
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
}
