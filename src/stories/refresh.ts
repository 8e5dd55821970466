import type { Store } from '../store/index.js';
import type { CredibilityRatings } from '../provenance/credibility/index.js';

export async function refreshStories(store: Store, storyIds: Set<string>, ratings: CredibilityRatings): Promise<void> {
  void store; void storyIds; void ratings;
}
