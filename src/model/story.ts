import type { Span } from './span.js';

/**
 * A story: the reports that tell one thing that happened, across outlets and languages. Copies
 * (syndicated or near-identical texts) belong to the story but count once as sources.
 */
export interface Story {
  id: string;
  /** Words that say what the story is about, from its reports' most telling names and words. */
  label: string;
  /** The document that stands for the story: its earliest original report. */
  representative: string;
  /** Reports in the story, copies included. */
  documents: number;
  /** Independent reports: originals only, each copy counted with the text it copies. */
  sources: number;
  outlets: string[];
  /** ISO 639-1 codes. */
  languages: string[];
  /** The earliest and latest report (YYYY-MM-DD); dates that were only assumed are left out. */
  firstReport?: string;
  lastReport?: string;
}

/** How a document joined its story. */
export type StoryMatch = 'first' | 'exact' | 'near-duplicate' | 'evidence';

/** One document's place in its story. */
export interface StoryMember {
  docId: string;
  storyId: string;
  /** The original this document is a copy of (same normalized text, or a near-duplicate); absent for originals. */
  copyOf?: string;
  match: StoryMatch;
  /** 0..1: how well it matched the document it joined through (1 for the first and for exact copies). */
  score: number;
  outlet?: string;
  language?: string;
  /** YYYY-MM-DD, when the document's date is its own (not assumed). */
  day?: string;
}

/** Where one report states a fact, and in what words. */
export interface FactReport {
  docId: string;
  /** The independent source the report counts as: the original it copies, or itself. */
  origin: string;
  outlet?: string;
  language?: string;
  /** What this report says the fact's value is ("2023-09-01/2024-04-30", "8 pages", an actor id); absent when the fact has none. */
  value?: string;
  evidence: Span & { text: string };
}

/**
 * A fact told by the reports of one story: an event (who did what to whom) or a provenance fact about a
 * referenced document, fused across reports. `key` names the fact without its value, so that reports
 * giving different values for one fact (dates, lengths, authenticated or disputed) meet as a disagreement.
 */
export interface StoryFact {
  key: string;
  /** Words for the fact, built from its structure ("memo authored-by Federal Security Service"). */
  label: string;
  kind: 'event' | 'provenance';
  /** Independent sources that tell it (copies count once). */
  sources: number;
  /** The earliest report of it (YYYY-MM-DD), when dated. */
  firstReport?: string;
  /** Distinct values the reports give, each with its independent sources: more than one is a disagreement. */
  values: { value: string; sources: number }[];
  contradicted: boolean;
  reports: FactReport[];
}

/** A story with its members and fused facts, as `rift story <id>` shows it. */
export interface StoryDetail extends Story {
  members: StoryMember[];
  facts: StoryFact[];
}
