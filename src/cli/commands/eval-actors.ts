import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { CliError } from '../errors.js';
import { print, printJson } from '../output.js';
import { loadDictionary } from '../../actors/dictionary.js';
import { evaluateReuters } from '../../actors/evaluate.js';
import type { ReutersArticle, Scores } from '../../actors/evaluate.js';

function readArticles(file: string): ReutersArticle[] {
  const articles: ReutersArticle[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      articles.push(JSON.parse(line) as ReutersArticle);
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
