import type { Analysis } from '../model/index.js';
import type { Store } from '../store/index.js';
import type { DocumentRun } from './document-run.js';
import type { Resources } from './resources.js';

/** The layers of an Analysis that stages fill (the document, and the record of what ran, are not layers). */
export type Layer = Exclude<keyof Analysis, 'document' | 'stages' | 'versions'>;

/** For stages trained on or written for English text only. */
export const ENGLISH: readonly string[] = ['en'];

/** What every stage says about itself, read without running it. */
interface StageShape {
  name: string;
  /** Bumped when the stage's code changes what it outputs; with its files' content it makes the version. */
  revision: number;
  /** The model, dictionary and data files whose content the stage's output depends on (absolute paths). */
  files: readonly string[];
}

/**
 * A stage that works on one document at a time: it reads the layers earlier stages filled and adds its
 * own. Each declares what it needs, so that the pipeline can check the order once, at construction.
 */
export interface DocumentStageDefinition extends StageShape {
  kind: 'document';
  /** ISO 639-1 codes of the languages the stage is built for; absent when it works on any language. */
  languages?: readonly string[];
  /**
   * For a stage that does for its languages what other stages do for theirs (values-ru for values): those
   * stages. A document that gets either is not missing the other, nor the variants for other languages.
   */
  standsFor?: readonly string[];
  /** Layers an earlier stage must have added. */
  requires: readonly Layer[];
  /** Layers it reads when an earlier stage added them, and does without otherwise. */
  uses?: readonly Layer[];
  /** Layers it fills, or revises (the modality stage revises events). */
  adds: readonly Layer[];
  /** Builds the stage's work from the loaded models it needs (loading is I/O; running is not). */
  load(resources: Resources): DocumentWork | Promise<DocumentWork>;
}

/**
 * One document's work. `run` carries the scratch the stages of this document share (see DocumentRun):
 * a stage keeps nothing of one document for the next, beyond memos of pure functions over its own loaded data.
 */
export type DocumentWork = (analysis: Analysis, run: DocumentRun) => void;

/** A document stage, loaded: its declaration, its version, and its work. */
export interface DocumentStage extends Omit<DocumentStageDefinition, 'load'> {
  /** A short hash of the stage's revision and its files' content: an analysis made with another is stale. */
  version: string;
  run: DocumentWork;
}

/**
 * A batch of documents just stored, or re-analysed: their ids. A corpus stage reads from the store what it
 * needs of them (the store answers for many ids at once), so the same call serves ingest, reanalyze and a
 * catch-up over documents stored before the stage existed.
 */
export interface CorpusBatch {
  documentIds: readonly string[];
}

/**
 * A stage that works across documents (stories, relationships): after a batch lands in the store it folds
 * the batch's documents into what it keeps there, incrementally, never re-reading the whole corpus.
 */
export interface CorpusStageDefinition extends StageShape {
  kind: 'corpus';
  /** Document layers it reads from stored analyses: some document stage must add each. */
  requires: readonly Layer[];
  /** What it keeps across the corpus (its own tables in the store). */
  adds: readonly string[];
  load(resources: Resources): CorpusWork | Promise<CorpusWork>;
}

/** Folds one batch into the corpus-level records the stage keeps in the store. */
export type CorpusWork = (batch: CorpusBatch, store: Store) => Promise<void>;

export interface CorpusStage extends Omit<CorpusStageDefinition, 'load'> {
  version: string;
  update: CorpusWork;
}

export type StageDefinition = DocumentStageDefinition | CorpusStageDefinition;
