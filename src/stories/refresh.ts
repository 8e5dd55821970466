// After a batch: the stories that gained reports get their label and fused facts rebuilt from their
// reports' stored analyses, and their reports' claims re-graded with the corroboration the story gives.

import type { Analysis, StoryFact } from '../model/index.js';
import { encodeAnalysis, type EncodedAnalysis, type Store } from '../store/index.js';
import { emptyAnalysis } from '../pipeline/index.js';
import { gradeClaims, type CredibilityRatings } from '../provenance/credibility/index.js';
import { FactFusion, corroborationFor, type LoadedReport } from './facts.js';
import { labelOf } from './summary.js';

/** Reports read per story when fusing: the earliest ones; a story larger than this is fused from them. */
export const FUSE_LIMIT = 100;

export async function refreshStories(store: Store, storyIds: Iterable<string>, ratings: CredibilityRatings | undefined): Promise<void> {
  for (const id of storyIds) {
    const story = await store.stories.get(id);
    if (!story) continue;
    const reports: LoadedReport[] = [];
    for (const member of story.members.slice(0, FUSE_LIMIT)) {
      const document = await store.documents.get(member.docId);
      const stored = await store.analyses.get(member.docId);
      if (!document || !stored) continue;
      const { sources: _sources, ...plain } = document;
      const analysis: Analysis = Object.assign(emptyAnalysis(plain), stored);
      reports.push({ member, analysis });
    }
    const fusion = new FactFusion();
    for (const r of reports) fusion.add(r);
    const facts = fusion.facts();
    const representative = reports.find((r) => r.member.docId === story.representative);
    const english = reports.find((r) => r.member.language === 'en' && !r.member.copyOf);
    const labelled = english ?? representative ?? reports[0];
    await store.stories.putFacts(id, labelled ? labelOf(labelled.analysis.document) : story.label, facts);
    // a story told by one source has nothing to add to its claims' grades: they stay as the credibility stage made them
    if (ratings && story.sources > 1) await regrade(store, reports, facts, ratings);
  }
}

/** Re-grades each report's claims with the story's corroboration; writes back only the analyses whose grades changed. */
async function regrade(store: Store, reports: LoadedReport[], facts: StoryFact[], ratings: CredibilityRatings): Promise<void> {
  const byKey = new Map(facts.map((f) => [f.key, f]));
  const changed: EncodedAnalysis[] = [];
  for (const report of reports) {
    const claims = report.analysis.claims;
    if (!claims.length) continue;
    const before = JSON.stringify(claims.map((c) => [c.admiralty, c.why]));
    gradeClaims(report.analysis, ratings, corroborationFor(byKey, report));
    if (JSON.stringify(claims.map((c) => [c.admiralty, c.why])) !== before) changed.push(encodeAnalysis(report.analysis));
  }
  await store.analyses.replace(changed);
}
