import type { Command } from 'commander';
import { addDbOption, openCliStore } from '../db.js';
import { isTty, print, printJson } from '../output.js';
import { CliError } from '../errors.js';
import { parseSearchQuery } from '../../store/index.js';

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

export function registerSearch(program: Command): void {
  addDbOption(
    program
      .command('search <query...>')
      .description(
        'full-text search over stored documents: words must all match, "quoted phrases" match as phrases, word* matches a prefix, ' +
          'OR widens, NOT excludes (AND, OR, NOT in capitals, between two words; elsewhere they are words), parentheses group',
      )
      .option('--limit <n>', 'most results to show', '20')
      .option('--offset <n>', 'best matches to skip (for the next page)', '0')
      .option('--json', 'machine-readable output: query, total (all matches), offset, limit, results'),
  ).action(async (words: string[], opts) => {
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new CliError('--limit must be a whole number from 1 to 10,000');
    const offset = Number(opts.offset);
    if (!Number.isSafeInteger(offset) || offset < 0) throw new CliError('--offset must be a whole number, 0 or more');
    const query = words.join(' ');
    parseSearchQuery(query); // a query with nothing to search for is refused before the store is opened
    const store = await openCliStore(opts);
    try {
      const highlight: [string, string] = opts.json ? ['**', '**'] : isTty() ? ['\x1b[1;33m', '\x1b[0m'] : ['**', '**'];
      const { total, hits } = await store.documents.search(query, { limit, offset, highlight });
      if (opts.json) {
        printJson({ query, total, offset, limit, results: hits });
        return;
      }
      if (!total) {
        print(`No documents match “${query}”.`);
        return;
      }
      const shown = hits.length === total ? '' : hits.length ? ` (showing ${offset + 1}–${offset + hits.length}; --offset for more)` : ` (none past --offset ${offset})`;
      print(`${plural(total, 'document')} match${total === 1 ? 'es' : ''} “${query}”${shown}:\n`);
      for (const h of hits) {
        const meta = [h.outlet, h.publishedAt?.slice(0, 10), h.language].filter(Boolean).join(' · ');
        print(`${h.id.slice(0, 12)}  ${h.heading}${meta ? `  [${meta}]` : ''}`);
        print(`    ${h.snippet}\n`);
      }
    } finally {
      await store.close();
    }
  });
}
