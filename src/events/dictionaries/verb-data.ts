/**
 * Our compact verb-pattern format (data/events/verbs.json). Words are lower case; a word
 * starting with `&` names a synonym set; `+` and `$` mark where the target and the source
 * stand. Pattern words are matched in order, with gaps.
 */
export interface VerbDictionaryData {
  /** Synonym set name → member words (head words). */
  synsets: Record<string, string[]>;
  /** [default code, patterns as [words before the verb, words after the verb, code]]. */
  blocks: [string, [string, string, string][]][];
  /**
   * Inflected form → [block index, the verb's own code or '', words fixed before, words fixed after, 1 when the verb
   * is the one the block is named after].
   */
  verbs: Record<string, VerbFormEntry[]>;
}

export type VerbFormEntry = [number, string, string, string, (0 | 1)?];
