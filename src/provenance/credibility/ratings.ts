// Source reliability ratings an analyst edits: outlets by domain, actors by kind and by id
// (data/credibility/*.json, described in its README).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor, ActorKind, Reliability } from '../../model/index.js';

/** data/credibility in the checkout (this file compiles to dist/src/provenance/credibility/). */
export const CREDIBILITY_DATA_DIR = fileURLToPath(new URL('../../../../data/credibility/', import.meta.url));

export interface Rating {
  rating: Reliability;
  /** Why, in words: quoted in a claim's `why`. */
  basis: string;
}

interface OutletEntry extends Rating {
  name?: string;
  aliases?: string[];
}

/** Speakers the text names only by a description. */
export type DescribedSpeaker = 'intelligence' | 'anonymous' | 'other';

export interface RatingsData {
  outlets: { default: Rating; outlets: Record<string, OutletEntry> };
  kinds: { kinds: Partial<Record<ActorKind, Rating>>; speakers: Record<DescribedSpeaker, Rating> };
  actors: { actors: Record<string, Rating> };
}

const LETTERS = new Set(['A', 'B', 'C', 'D', 'E', 'F']);
const NO_BASIS: Rating = { rating: 'F', basis: 'no rating for this kind of source' };

export class CredibilityRatings {
  private readonly byName = new Map<string, OutletEntry & { domain: string }>();

  constructor(private readonly data: RatingsData) {
    for (const [domain, entry] of Object.entries(data.outlets.outlets)) {
      for (const name of [entry.name, ...(entry.aliases ?? [])]) if (name) this.byName.set(name.toLowerCase(), { ...entry, domain });
    }
  }

  /** An outlet by domain (a subdomain takes its parent's rating) or by name; the default when unknown. */
  outlet(outlet: string | undefined): Rating & { name: string } {
    const key = (outlet ?? '').trim().toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '');
    if (key && key !== 'unknown') {
      const labels = key.split('.');
      for (let k = 0; k + 1 < labels.length; k++) {
        const entry = this.data.outlets.outlets[labels.slice(k).join('.')];
        if (entry) return { rating: entry.rating, basis: entry.basis, name: entry.name ?? outlet! };
      }
      const named = this.byName.get(key);
      if (named) return { rating: named.rating, basis: named.basis, name: named.name ?? outlet! };
    }
    return { ...this.data.outlets.default, name: key && key !== 'unknown' ? outlet! : 'an unknown outlet' };
  }

  /** An actor: its own entry in actors.json, else its kind's. */
  actor(actor: Actor): Rating {
    return this.data.actors.actors[actor.id] ?? this.data.kinds.kinds[actor.kind] ?? NO_BASIS;
  }

  described(kind: DescribedSpeaker): Rating {
    return this.data.kinds.speakers[kind] ?? NO_BASIS;
  }
}

function readJson(dir: string, name: string): unknown {
  const path = dir + name;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`credibility ratings: cannot read ${path} (${(err as Error).message})`);
  }
}

/** Every rating in a map must be a letter A–F with a basis in words. */
function checkRatings(file: string, entries: Record<string, unknown> | undefined, where: string): void {
  if (!entries || typeof entries !== 'object') throw new Error(`credibility ratings: ${file} lacks "${where}"`);
  for (const [key, value] of Object.entries(entries)) {
    const r = value as Partial<Rating> | undefined;
    if (!r || !LETTERS.has(String(r.rating)) || typeof r.basis !== 'string') {
      throw new Error(`credibility ratings: ${file} ${where}.${key} needs "rating" (one of A–F) and "basis" (words), got ${JSON.stringify(value)}`);
    }
  }
}

/** Checks ratings data read from files or built by hand, and returns it ready to use. */
export function ratingsFrom(data: RatingsData): CredibilityRatings {
  checkRatings('outlets.json', { default: data.outlets?.default }, 'default');
  checkRatings('outlets.json', data.outlets?.outlets, 'outlets');
  checkRatings('actor-kinds.json', data.kinds?.kinds, 'kinds');
  checkRatings('actor-kinds.json', data.kinds?.speakers, 'speakers');
  checkRatings('actors.json', data.actors?.actors, 'actors');
  return new CredibilityRatings(data);
}

/** The ratings in data/credibility (or another folder with the same three files). */
export function loadRatings(dir = CREDIBILITY_DATA_DIR): CredibilityRatings {
  const folder = dir.endsWith('/') ? dir : dir + '/';
  return ratingsFrom({
    outlets: readJson(folder, 'outlets.json') as RatingsData['outlets'],
    kinds: readJson(folder, 'actor-kinds.json') as RatingsData['kinds'],
    actors: readJson(folder, 'actors.json') as RatingsData['actors'],
  });
}
