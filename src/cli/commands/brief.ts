import type { Command } from 'commander';
import { addDbOption, openCliStore } from '../db.js';
import { print, printJson } from '../output.js';
import { resolveDocumentId } from '../documents.js';
import { renderBrief } from '../../analysis/index.js';
import { loadPipeline } from '../../app/pipeline.js';
import type { StoredAnalysis } from '../../store/index.js';

export function registerBrief(program: Command): void {
  addDbOption(
    program
      .command('brief <doc-id>')
      .description('a Markdown brief of a stored document: actors, events, graded claims, referenced documents and their provenance, dates and figures')
      .option('--json', 'the document and its stored analysis as JSON'),
  ).action(async (typed: string, opts) => {
    const store = await openCliStore(opts);
    try {
      const id = await resolveDocumentId(store, typed);
      const doc = (await store.documents.get(id))!;
      // Documents stored with --no-analyze are analysed now, without writing.
      let analysis: StoredAnalysis | undefined = await store.analyses.get(id);
      if (!analysis) {
        const { document: _d, tokens: _t, pos: _p, ...layers } = (await loadPipeline()).analyze(doc);
        analysis = layers;
      }
      if (opts.json) printJson({ document: doc, analysis });
      else print(renderBrief(doc, analysis));
    } finally {
      await store.close();
    }
  });
}
