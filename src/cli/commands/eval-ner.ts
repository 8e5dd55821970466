import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parseConll } from '../../nlp/conll.js';
import { loadNlpModel } from '../../nlp/nlp-model.js';
import { evaluateNer, labelSchemeOf } from '../../nlp/ner/evaluate.js';
import { CONLL_MAPPING } from '../../nlp/ner/types.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';

export function registerEvalNer(parent: Command): void {
  parent
    .command('ner <file>')
    .description(
      'score named entities on a CoNLL-style file (token first, gold IOB1/IOB2 tag last; blank lines between sentences): exact-span precision, recall and F1 per type, as conlleval. ' +
        "A file whose tags use only PER, ORG, LOC and MISC is scored in CoNLL-2003's types, the recognizer's mapped onto them " +
        `(${CONLL_MAPPING}); any other file in OntoNotes 5's eighteen (PERSON for PER)`,
    )
    .option('--json', 'machine-readable output: { labels, precision, recall, f1, types: { PER: {...}, ... } }')
    .action((file: string, opts: { json?: boolean }) => {
      let content: string;
      try {
        content = readFileSync(file, 'utf8');
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      const docs = parseConll(content);
      if (docs.length === 0) throw new CliError(`${file}: no tokens found`);
      const labels = labelSchemeOf(docs);
      const started = performance.now();
      const score = evaluateNer(loadNlpModel(), docs, labels);
      const seconds = (performance.now() - started) / 1000;
      if (opts.json) {
        printJson({ file, labels, ...score, seconds: Math.round(seconds * 1000) / 1000 });
        return;
      }
      const pct = (x: number) => (x * 100).toFixed(2).padStart(6);
      print(labels === 'conll' ? `CoNLL-2003 types; the recognizer's mapped onto them: ${CONLL_MAPPING}` : "OntoNotes 5's eighteen types");
      print(`${score.tokens} tokens, ${score.sentences} sentences; ${score.gold} gold entities, ${score.predicted} found, ${score.correct} correct`);
      print(`overall     precision ${pct(score.precision)}%  recall ${pct(score.recall)}%  F1 ${pct(score.f1)}`);
      for (const [type, s] of Object.entries(score.types)) {
        print(`${type.padEnd(11)} precision ${pct(s.precision)}%  recall ${pct(s.recall)}%  F1 ${pct(s.f1)}  (${s.gold} gold, ${s.predicted} found)`);
      }
    });
}
