import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CliError } from '../errors.js';
import { print, printJson } from '../output.js';
import { loadStages, processResources } from '../../app/pipeline.js';
import { EVENT_TABLES } from '../../events/resources.js';
import { isPetrarchXml, parseDiscards, parsePetrarchRecords } from '../../events/eval/petrarch-records.js';
import { evaluatePetrarch, evaluatePetrarchPipeline } from '../../events/eval/petrarch-eval.js';
import { isPloverJson, parsePloverGold } from '../../events/eval/plover-gold.js';
import { evaluatePlover } from '../../events/eval/plover-eval.js';
import type { Prf } from '../../eval/prf.js';

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${what} ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** An option's file, or the PETRARCH Validate file of that kind beside the records. */
function besideRecords(given: string | undefined, recordsFile: string, name: string): string | undefined {
  if (given) return given;
  const path = join(dirname(recordsFile), name);
  return existsSync(path) ? path : undefined;
}

function warn(message: string): void {
  process.stderr.write(`warning: ${message}\n`);
}

const fmt = (p: Prf) => `precision ${p.precision.toFixed(3)}  recall ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}`;

export function registerEvalEvents(parent: Command): void {
  parent
    .command('events <file>')
    .description(
      'score the event coder on PETRARCH records (XML with bracketed or CoNLL-U parses) or PLOVER gold records (JSON); the format is read from the content. PETRARCH records are coded with their own dictionaries when given (or beside the file), else by Rift\'s whole pipeline from their text',
    )
    .option('--verbs <file>', 'PETRARCH: verb dictionary (default: PETR.Validate.verbs.txt beside the records, else Rift\'s own)')
    .option('--actors <file>', 'PETRARCH: actor dictionary, repeatable (default: PETR.Validate.actors.txt beside the records, else Rift\'s own)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--agents <file>', 'PETRARCH: agent dictionary (default: PETR.Validate.agents.txt beside the records)')
    .option('--discards <file>', 'PETRARCH: discard phrases (default: PETR.Validate.discards.txt beside the records)')
    .option('--misses', 'also list the records coded differently from the gold')
    .option('--json', 'machine-readable output: exact, root ({precision, recall, f1}), typeAccuracy, actorSpanMatch')
    .action(async (file: string, opts) => {
      const text = await readText(file, 'gold file');
      if (isPetrarchXml(text)) {
        const records = parsePetrarchRecords(text);
        if (!records.length) throw new CliError(`${file}: no <Sentence> records found`);
        const verbsPath = besideRecords(opts.verbs, file, 'PETR.Validate.verbs.txt');
        const actorPaths: string[] = opts.actors.length ? opts.actors : [besideRecords(undefined, file, 'PETR.Validate.actors.txt')].filter((p): p is string => Boolean(p));
        if (Boolean(opts.verbs) !== Boolean(opts.actors.length) && !(verbsPath && actorPaths.length)) {
          throw new CliError('PETRARCH dictionaries come as a pair: pass both --verbs and --actors, or neither to code with Rift\'s own');
        }
        const discardsPath = besideRecords(opts.discards, file, 'PETR.Validate.discards.txt');
        const discards = discardsPath ? parseDiscards(await readText(discardsPath, 'discards')) : undefined;
        let score;
        let coder: string;
        if (verbsPath && actorPaths.length) {
          // The records' own (fictional) dictionaries, over the words and tags of the given parses.
          const agentsPath = besideRecords(opts.agents, file, 'PETR.Validate.agents.txt');
          const unread = records.filter((r) => r.expected.length && !r.words.length).length;
          if (unread) warn(`${file}: ${unread} records with expected events have no parse Rift can read (bracketed Penn or CoNLL-U)`);
          score = evaluatePetrarch(records, {
            verbs: await readText(verbsPath, 'verb dictionary'),
            actors: await Promise.all(actorPaths.map((p) => readText(p, 'actor dictionary'))),
            agents: agentsPath ? await readText(agentsPath, 'agent dictionary') : undefined,
            discards,
          });
          coder = 'the records\' dictionaries';
        } else {
          // Real actors: Rift's whole pipeline on each record's text, with its shipped dictionaries.
          score = evaluatePetrarchPipeline(records, await loadStages(['tokenizer', 'sentences', 'pos', 'ner', 'values', 'actors', 'provenance', 'event-coder']), discards);
          coder = 'Rift\'s own dictionaries';
        }
        if (score.predictedEvents === 0) warn(`${file}: no events coded from ${score.sentences} records (${coder}); check the parses and dictionaries`);
        const { misses, ...summary } = score;
        if (opts.json) return printJson(opts.misses ? score : { ...summary, misses: misses.length });
        print(`PETRARCH records (${coder}): ${score.sentences} sentences, ${score.goldEvents} gold events, ${score.predictedEvents} coded`);
        print(`exact (source, target, code): ${fmt(score.exact)}`);
        print(`root code:                    ${fmt(score.root)}`);
        if (opts.misses) for (const m of misses) print(`  ${m.id}: expected ${m.expected.join(' ; ') || '-'}  coded ${m.coded.join(' ; ') || '-'}\n      ${m.text}`);
        return;
      }
      if (isPloverJson(text)) {
        let records;
        try {
          records = parsePloverGold(text);
        } catch (err) {
          throw new CliError(`${file}: not valid PLOVER JSON (${(err as Error).message})`);
        }
        if (!records.length) throw new CliError(`${file}: no PLOVER records with text and event`);
        // the stages before the coder; the evaluation codes with requireDyad off (see evaluatePlover)
        const upstream = await loadStages(['tokenizer', 'sentences', 'pos', 'ner', 'values', 'actors']);
        const score = evaluatePlover(records, upstream, processResources.get(EVENT_TABLES));
        if (opts.json) return printJson(score);
        print(`PLOVER gold: ${score.records} records`);
        print(`event-type accuracy: ${score.typeAccuracy.toFixed(3)}`);
        print(`actor-span match:    ${score.actorSpanMatch.toFixed(3)}`);
        print(`exact (source, target, type): ${fmt(score.exact)}`);
        print(`type alone:                   ${fmt(score.root)}`);
        return;
      }
      throw new CliError(`${file}: neither PETRARCH XML records nor PLOVER JSON`);
    });
}
