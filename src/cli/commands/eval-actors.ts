import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { CliError } from '../errors.js';
import { print, printJson } from '../output.js';
import { loadDictionary } from '../../actors/dictionary.js';
import { evaluateReuters } from '../../actors/evaluate.js';
import type { ReutersArticle, Scores } from '../../actors/evaluate.js';
import { evaluateLanguageReports } from '../../actors/evaluate-languages.js';
import type { CorpusExpectations, CorpusReport } from '../../actors/evaluate-languages.js';
import { settleLanguage } from '../../ingest/language.js';

function readArticles<T = ReutersArticle>(file: string): T[] {
  const articles: T[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      articles.push(JSON.parse(line) as T);
    } catch (err) {
      throw new CliError(`${file}:${i + 1}: not JSON (${(err as Error).message})`);
    }
  }
  return articles;
}

const line = (label: string, s: Scores) =>
  `${label.padEnd(10)} precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}  f1 ${s.f1.toFixed(4)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}; ${s.documents} documents)`;

export function registerEvalActors(parent: Command): void {
  parent
    .command('actors <file>')
    .description(
      'score document-level actor tagging on Reuters-21578 JSON Lines (title, dateline, body, date, gold places and people): countries on articles with gold places, people on articles with gold people',
    )
    .option('--limit <n>', 'score only the first n articles')
    .option('--json', 'machine-readable output')
    .action((file: string, opts: { limit?: string; json?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`cannot read ${file}: not found`);
      let articles = readArticles(file);
      if (opts.limit !== undefined) {
        const n = Number(opts.limit);
        if (!Number.isInteger(n) || n < 1) throw new CliError(`--limit wants a positive whole number, not ${opts.limit}`);
        articles = articles.slice(0, n);
      }
      const started = Date.now();
      const report = evaluateReuters(loadDictionary(), articles);
      const seconds = (Date.now() - started) / 1000;
      if (opts.json) {
        printJson({ file, ...report, seconds });
        return;
      }
      print(`actor tagging, ${report.documents} articles, ${seconds.toFixed(1)} s`);
      print(line('countries', report.countries));
      print(line('people', report.people));
      print(line('(+home)', report.countriesHomeDefault) + '  with USA for articles naming no country');
      if (report.unmappedPlaces.length) print(`places that name no country, left out: ${report.unmappedPlaces.join(', ')}`);
    });
}

export function registerEvalActorLanguages(parent: Command): void {
  parent
    .command('actor-languages <file>')
    .description(
      'score actor resolution on the non-English reports of the news corpus (JSON Lines: id, lang, date, text): the share of the key actors each report names (by --expected, written by reading them) that resolve, with each report in the language the pipeline detects',
    )
    .requiredOption('--expected <file>', 'JSON: { keyActors: [ids], reports: { reportId: [ids] } }')
    .option('--json', 'machine-readable output')
    .action(async (file: string, opts: { expected: string; json?: boolean }) => {
      if (!existsSync(file)) throw new CliError(`cannot read ${file}: not found`);
      if (!existsSync(opts.expected)) throw new CliError(`cannot read ${opts.expected}: not found`);
      let expectations: CorpusExpectations;
      try {
        expectations = JSON.parse(readFileSync(opts.expected, 'utf8')) as CorpusExpectations;
      } catch (err) {
        throw new CliError(`${opts.expected}: not JSON (${(err as Error).message})`);
      }
      if (!expectations.reports || !Array.isArray(expectations.keyActors)) throw new CliError(`${opts.expected}: wants { keyActors: [...], reports: {...} }`);
      const reports = readArticles<Omit<CorpusReport, 'language'>>(file)
        .filter((r) => expectations.reports[r.id])
        .map((r) => ({ ...r, language: undefined as string | undefined }));
      const missing = Object.keys(expectations.reports).filter((id) => !reports.some((r) => r.id === id));
      if (missing.length) throw new CliError(`${file} lacks reports the expectations list: ${missing.join(', ')}`);
      for (const report of reports) await settleLanguage(report);
      const started = Date.now();
      const scores = evaluateLanguageReports(loadDictionary(), reports, expectations);
      const seconds = (Date.now() - started) / 1000;
      if (opts.json) {
        printJson({ file, ...scores, seconds });
        return;
      }
      print(`key actors in ${scores.reports} non-English reports: ${scores.found} of ${scores.expected} resolve (${scores.share.toFixed(4)}); ${scores.unexpected} resolve where not named`);
      for (const [lang, s] of Object.entries(scores.byLanguage).sort()) print(`  ${lang.padEnd(3)} ${String(s.found).padStart(4)} / ${String(s.expected).padEnd(4)} in ${s.reports} reports`);
      if (scores.missed.length) print(`missed: ${scores.missed.join(' ')}`);
      if (scores.extra.length) print(`not named but resolved: ${scores.extra.join(' ')}`);
    });
}
