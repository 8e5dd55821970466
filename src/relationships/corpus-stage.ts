import type { CorpusStageDefinition } from '../pipeline/stage.js';
import { COUNTING_VERSION, RelationshipsStage, type RelationshipsOptions, type UpdateSummary } from './stage.js';

export interface RelationshipsStageOptions extends RelationshipsOptions {
  /** Told what each batch changed (an evaluation counts events and channels with it). */
  onUpdate?: (summary: UpdateSummary) => void;
}

/**
 * The relationships stage as the registry knows it: after each stored or re-analysed batch, the batch's events
 * are folded into the dyad series and the rift alerts of the periods they touch are decided again. Documents
 * stored without it (`rift ingest --no-corpus`) are read by `rift relationships`, which dyad, alerts and pair
 * briefs run first.
 */
export function relationshipsStageDefinition(options: RelationshipsStageOptions = {}): CorpusStageDefinition {
  return {
    kind: 'corpus',
    name: 'relationships',
    revision: COUNTING_VERSION,
    files: [],
    requires: ['events', 'claims'],
    adds: ['dyad_mentions', 'dyad_events', 'dyad_series', 'dyad_documents', 'rift_alerts'],
    load() {
      const stage = new RelationshipsStage(options);
      return async ({ documentIds }, store) => {
        const summary = await stage.update(store, documentIds);
        options.onUpdate?.(summary);
      };
    },
  };
}

export const relationshipsStage = relationshipsStageDefinition();
