import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../ingest/index.js';
import { loadCorpusStages, loadPipeline } from '../../app/pipeline.js';
import { addDbOption, openCliStore } from '../db.js';
import { print } from '../output.js';
import { parsePort, serveStore } from './serve.js';

export const DEMO_CORPUS = fileURLToPath(new URL('../../../../demo/corpus', import.meta.url));

export function registerDemo(program: Command): void {
  addDbOption(
    program
      .command('demo')
      .description('load the demo corpus into the store (once) and serve the dashboard')
      .option('--port <n>', 'port to listen on', process.env.RIFT_PORT ?? '7878')
      .option('--host <host>', 'address to bind', '127.0.0.1')
      .option('--no-serve', 'load the demo corpus and exit'),
  ).action(async (opts) => {
    const port = parsePort(opts.port);
    const store = await openCliStore(opts, { create: true });
    const summary = await ingest([DEMO_CORPUS], { store, pipeline: await loadPipeline(), corpus: await loadCorpusStages() });
    const stats = await store.stats();
    print(
      `Demo corpus: ${summary.ingested} new, ${summary.duplicates} already stored, ${summary.rejected} rejected; ` +
        `${stats.documents} documents in ${store.location}.`,
    );
    print('Try: npx rift search FSB   ·   npx rift brief <id>');
    if (!opts.serve) {
      await store.close();
      return;
    }
    await serveStore(store, opts.host, port);
  });
}
