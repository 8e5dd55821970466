import type { Analysis } from '../model/index.js';

/**
 * One named stage of the pipeline. It reads the layers earlier components
 * filled and adds its own; it does no I/O (loading happens before, in its loader).
 */
export interface Component {
  name: string;
  run(analysis: Analysis): void;
}
