import type { Analysis } from '../model/index.js';

/**
 * One named stage of the pipeline. It reads the layers earlier components
 * filled and adds its own; it does no I/O (loading happens before, in its loader).
 */
/** For stages trained on or written for English text only. */
export const ENGLISH: readonly string[] = ['en'];

export interface Component {
  name: string;
  /** ISO 639-1 codes of the languages the stage is built for; absent when it works on any language. */
  languages?: readonly string[];
  run(analysis: Analysis): void;
}
