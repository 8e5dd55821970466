export interface Story {
  id: string;
  title: string;
  documentIds: string[];
}

/** Per ordered pair of actors, per period and channel. */
export interface DyadPoint {
  source: string;
  target: string;
  period: string;
  channel: 'public' | 'private';
  counts: [number, number, number, number];
  meanGoldstein: number;
  eventIds: string[];
}

/** The gap between what a pair says in public and does or writes in private. */
export interface Rift {
  source: string;
  target: string;
  period: string;
  publicGoldstein: number;
  privateGoldstein: number;
  gap: number;
  eventIds: string[];
}
