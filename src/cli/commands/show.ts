import type { Command } from 'commander';
import { addDbOption, openCliStore } from '../db.js';
import { print, printJson } from '../output.js';
import { resolveDocumentId } from '../documents.js';
import { headingOf } from '../../analysis/heading.js';

export function registerShow(program: Command): void {
  const show = program.command('show').description('show a stored record (see `rift show doc --help`)');
  addDbOption(
    show
      .command('doc <id>')
      .description('a stored document: its metadata, sources and text (an unambiguous id prefix is enough)')
      .option('--json', 'machine-readable output'),
  ).action(async (typed: string, opts) => {
    const store = await openCliStore(opts);
    try {
      const id = await resolveDocumentId(store, typed);
      const doc = (await store.documents.get(id))!;
      if (opts.json) {
        printJson(doc);
        return;
      }
      print(`# ${headingOf(doc.title, doc.text)}`);
      print(`id:        ${doc.id}`);
      for (const [label, value] of [
        ['outlet', doc.outlet],
        ['published', doc.publishedAt],
        ['date', `${doc.date.day} (${doc.date.source})`],
        ['language', doc.language],
        ['url', doc.url],
        ['format', doc.format],
      ] as const) {
        if (value) print(`${(label + ':').padEnd(10)} ${value}`);
      }
      // Notes left by ingestion: a language Rift does not extract from, an encoding guessed, a reader fallback.
      for (const key of ['extraction', 'encoding', 'reader'] as const) {
        const note = doc.extra?.[key];
        if (typeof note === 'string') print(`${'note:'.padEnd(10)} ${note}`);
      }
      print(`sources:   ${doc.sources.map((s) => s.ref).join('\n           ')}`);
      print('');
      print(doc.text);
    } finally {
      await store.close();
    }
  });
}
