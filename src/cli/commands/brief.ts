import type { Command } from 'commander';
import { addDbOption, openCliStore } from '../db.js';
import { print, printJson } from '../output.js';
import { resolveDocumentId } from '../documents.js';
import { CliError } from '../errors.js';
import { renderBrief } from '../../analysis/index.js';
import { loadPipeline } from '../../app/pipeline.js';
import { pairBrief, DyadQueryError } from '../../relationships/index.js';
import type { StoredAnalysis } from '../../store/index.js';
import { catchUpRelationships } from './relationships.js';

export function registerBrief(program: Command): void {
  addDbOption(
    program
      .command('brief <doc-id|pair> [codes...]')
      .description('a Markdown brief of a stored document (`rift brief <doc-id>`: actors, events, graded claims, referenced documents and their provenance, dates and figures), or of a pair (`rift brief pair RUS CHN`): bottom line, trend per channel, alerts, key judgments, evidence')
      .option('--from <date>', 'pair briefs: first period (YYYY, YYYY-MM, YYYY-Qn…)')
      .option('--to <date>', 'pair briefs: last period')
      .option('--json', 'the document and its stored analysis (or the pair brief) as JSON'),
  ).action(async (typed: string, codes: string[], opts) => {
    if (typed === 'pair') {
      if (codes.length !== 2) throw new CliError('a pair brief takes two codes: rift brief pair RUS CHN');
      const store = await openCliStore(opts);
      try {
        await catchUpRelationships(store);
        const brief = await pairBrief(store, { a: codes[0], b: codes[1], from: opts.from, to: opts.to });
        if (opts.json) printJson(brief);
        else print(brief.markdown);
      } catch (err) {
        if (err instanceof DyadQueryError) throw new CliError(err.message);
        throw err;
      } finally {
        await store.close();
      }
      return;
    }
    if (codes.length) throw new CliError(`brief takes one document id (or: rift brief pair A B), got ${[typed, ...codes].join(' ')}`);
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
