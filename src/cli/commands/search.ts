import type { Command } from 'commander';
import { addDbOption, openCliStore } from '../db.js';
import { isTty, print, printJson } from '../output.js';
import { CliError } from '../errors.js';

export function registerSearch(program: Command): void {
  addDbOption(
    program
      .command('search <query...>')
      .description('full-text search over stored documents; words must all match, "quoted phrases" match as phrases, OR widens')
      .option('--limit <n>', 'most results to show', '20')
      .option('--json', 'machine-readable output'),
  ).action(async (words: string[], opts) => {
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError('--limit must be a positive integer');
    const store = await openCliStore(opts);
    try {
      const query = words.join(' ');
      const highlight: [string, string] = opts.json ? ['**', '**'] : isTty() ? ['\x1b[1;33m', '\x1b[0m'] : ['**', '**'];
      const hits = await store.documents.search(query, { limit, highlight });
      if (opts.json) {
        printJson({ query, count: hits.length, results: hits });
        return;
      }
      if (!hits.length) {
        print(`No documents match “${query}”.`);
        return;
      }
      print(`${hits.length} document${hits.length === 1 ? '' : 's'} match “${query}”:\n`);
      for (const h of hits) {
        const meta = [h.outlet, h.publishedAt?.slice(0, 10), h.language].filter(Boolean).join(' · ');
        print(`${h.id.slice(0, 12)}  ${h.title ?? '(untitled)'}${meta ? `  [${meta}]` : ''}`);
        print(`    ${h.snippet}\n`);
      }
    } finally {
      await store.close();
    }
  });
}
