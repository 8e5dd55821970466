// The stories stage: after each stored batch, each new document is placed in a story (see matcher.ts),
// and the stories that gained reports get their facts fused again and their claims re-graded.

import type { Story } from '../model/index.js';
import type { CorpusStageDefinition } from '../pipeline/stage.js';
import type { Store } from '../store/index.js';
import { CREDIBILITY_RATINGS, CREDIBILITY_DATA_DIR } from '../provenance/credibility/index.js';
import { evidenceOf } from './evidence.js';
import { MATCH_SETTINGS, place, type MatchSettings } from './matcher.js';
import { addToStory, mergeStories, newStory, ownDay } from './summary.js';
import { refreshStories } from './refresh.js';
import type { CredibilityRatings } from '../provenance/credibility/index.js';

/** Places each document of a batch in a story, then refreshes the stories that changed. */
export async function updateStories(
  store: Store,
  documentIds: readonly string[],
  ratings: CredibilityRatings | undefined,
  settings: MatchSettings = MATCH_SETTINGS,
): Promise<Set<string>> {
  const known = await store.stories.membersOf(documentIds);
  const placed = new Set(known.map((m) => m.docId));
  // a re-analysed document stays in its story, whose facts and grades are rebuilt from its new analysis
  const changed = new Set(known.map((m) => m.storyId));
  const stories = new Map<string, Story>();
  // each story's size before this batch: a large story is refreshed only when it has grown by a tenth
  const sizeBefore = new Map<string, number>();
  for (const id of documentIds) {
    if (placed.has(id)) continue;
    placed.add(id);
    const document = await store.documents.get(id);
    if (!document) continue;
    const analysis = await store.analyses.get(id);
    const p = await place(store.stories, document.text, ownDay(document), evidenceOf(document, analysis), settings);
    const member = {
      docId: id, storyId: p.storyId ?? '', match: p.match, score: p.score,
      outlet: document.outlet, language: document.language, day: ownDay(document),
      ...(p.copyOf ? { copyOf: p.copyOf } : {}),
    };
    let story: Story;
    if (p.storyId) {
      const before = stories.get(p.storyId) ?? (await store.stories.summary(p.storyId));
      if (!before) throw new Error(`stories: the index names story ${p.storyId}, which is not stored`);
      if (!sizeBefore.has(before.id)) sizeBefore.set(before.id, before.documents);
      story = addToStory(before, member);
      for (const other of p.merge ?? []) {
        const absorbed = stories.get(other) ?? (await store.stories.summary(other));
        if (!absorbed) continue;
        story = mergeStories(story, absorbed);
        stories.delete(other);
        changed.delete(other);
      }
      if (p.merge?.length) await store.stories.merge(p.merge, story);
    } else {
      story = newStory(document, member);
      member.storyId = story.id;
      sizeBefore.set(story.id, 0);
    }
    stories.set(story.id, story);
    changed.add(story.id);
    await store.stories.add({ ...p, member, story });
  }
  const due = [...changed].filter((id) => refreshDue(sizeBefore.get(id), stories.get(id)?.documents));
  if (ratings) await refreshStories(store, due, ratings);
  return changed;
}

/** Stories up to this size are refreshed whenever they change. */
const ALWAYS_REFRESHED = 50;

/**
 * Whether a story's facts and grades are rebuilt after a batch: a small story always; a large one when
 * it has grown by about a tenth since (so that a story of thousands of reports costs a rebuild every few
 * hundred reports, not every batch); a story only re-analysed, when small.
 */
function refreshDue(before: number | undefined, after: number | undefined): boolean {
  if (after === undefined) return before === undefined; // re-analysed members only: sizeBefore unknown
  if (after <= ALWAYS_REFRESHED) return true;
  const step = (n: number) => Math.floor(Math.log(Math.max(n, 1)) / Math.log(1.1));
  return before === undefined || step(after) > step(before);
}

/** Registered in CORPUS_STAGES: runs after each stored batch (ingest, watch, demo) and each reanalyzed one. */
export const storiesStage: CorpusStageDefinition = {
  kind: 'corpus',
  name: 'stories',
  revision: 1,
  files: ['outlets.json', 'actor-kinds.json', 'actors.json'].map((name) => CREDIBILITY_DATA_DIR + name),
  requires: ['resolutions', 'actors'],
  adds: ['stories', 'story_members', 'story_bands', 'story_keys', 'story_key_counts'],
  load(resources) {
    const ratings = resources.get(CREDIBILITY_RATINGS);
    return async (batch, store) => {
      await updateStories(store, batch.documentIds, ratings);
    };
  },
};
