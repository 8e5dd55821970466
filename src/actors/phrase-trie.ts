import { CaseRule, phraseKeyIdsInto, writtenWords } from './words.js';
import type { WordStemmer } from './words.js';
import { sharedKeys, type KeyTable } from './key-table.js';

/** What a dictionary phrase points at. */
export type EntryKind = 'alias' | 'weak' | 'metonym' | 'agent' | 'description';

export interface Entry {
  kind: EntryKind;
  /** Actor id (alias, weak, metonym), sector code (agent) or antecedent index (description). */
  target: string;
  /** For metonyms: the state the place belongs to ('' for other entries). */
  place: string;
  /** The phrase as the dictionary writes it; its case rules are read from it when first needed. */
  phrase: string;
  /** Case rule per word of the phrase (see CaseRule), empty until caseRules works them out. */
  rules: Uint8Array;
}

// Words of titles and joiners that newspapers write in lower case as often as not.
const FREE_CASE = new Set([
  'president', 'prime', 'minister', 'foreign', 'secretary', 'general', 'chairman', 'leader', 'former', 'premier',
  'chancellor', 'king', 'queen', 'defense', 'defence', 'state', 'of', 'the', 'and', 'for', 'mr', 'mrs', 'ms', 'dr',
  'governor', 'gov', 'senator', 'sen', 'vice', 'deputy', 'finance', 'treasury', 'spokesman', 'director', 'chief',
  'head', 'party', 'communist', 'supreme', 'ambassador', 'envoy', 'leader', 'de', 'da', 'von', 'van', 'del', 'la', 'le', 'al', 'bin',
]);

function isHan(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff);
}

/** Case rule of one word as the dictionary writes it. */
function ruleOf(word: string): CaseRule {
  if (isHan(word.charCodeAt(0))) return CaseRule.Any;
  const lower = word.toLowerCase();
  if (word === lower) return CaseRule.Any;
  if (word.length >= 2 && word === word.toUpperCase()) return CaseRule.Upper;
  return FREE_CASE.has(lower) ? CaseRule.Any : CaseRule.Capitalized;
}

// Every phrase has a word, so no worked-out rules are empty.
const NOT_YET = new Uint8Array(0);

/** The case rule per word of an entry's phrase, worked out on first use (most entries never match a text). */
export function caseRules(entry: Entry): Uint8Array {
  let rules = entry.rules;
  if (rules === NOT_YET) {
    const written = writtenWords(entry.phrase);
    rules = entry.rules = new Uint8Array(written.length);
    for (let i = 0; i < written.length; i++) rules[i] = ruleOf(written[i]!);
  }
  return rules;
}

// Scratch for the key ids of one phrase while it is added.
let phraseIds = new Int32Array(64);

/**
 * Phrases as a trie of word keys (ids in the shared KeyTable), in flat arrays: nodes are integers, the
 * first word's node is found by key id, and each further step by an open-addressing table keyed by
 * (node, key id). Every word of a phrase is interned when it is added, so text words get their ids up front.
 */
export class PhraseTrie {
  /** Per key id: the node after that first word, or -1; ids past the end start nothing. */
  private roots = new Int32Array(0);
  /** One bit per key id, set where a phrase starts: a small table that stays in cache, read before `roots`. */
  private rootBits = new Int32Array(0);
  private nodeCount = 0;
  /** Per node: the index in `lists` of the entries filed under it, or -1. */
  private listOf = new Int32Array(1024).fill(-1);
  private readonly lists: Entry[][] = [];
  /** Child table, four cells per slot (parent node, key id, child node, unused), so a probe reads one place; parent -1 marks an empty slot. */
  private slots = emptySlots(1 << 10);
  private children = 0;
  /** One bit per key id some phrase has (see has). */
  private keyBits = new Int32Array(0);

  /**
   * With a stemmer, the phrases are filed under the stems of their words in its language, and a text is
   * matched against them by the key ids that stemmer gives its words (KeyedWords.stems).
   */
  constructor(
    private readonly keys: KeyTable = sharedKeys,
    readonly stemmer?: WordStemmer,
  ) {}

  add(phrase: string, kind: EntryKind, target: string, place = ''): void {
    if (phrase.length > phraseIds.length) phraseIds = new Int32Array(phrase.length * 2);
    const count = phraseKeyIdsInto(phrase, this.keys, phraseIds, this.stemmer);
    if (!count) return;
    for (let i = 0; i < count; i++) this.markKey(phraseIds[i]!);
    let node = this.root(phraseIds[0]!);
    for (let i = 1; i < count; i++) node = this.child(node, phraseIds[i]!);
    // every entry has every field, so that code reading entries sees one object shape
    let list = this.listOf[node]!;
    if (list < 0) {
      list = this.listOf[node] = this.lists.length;
      this.lists.push([]);
    }
    const entries = this.lists[list]!;
    if (!hasEntry(entries, kind, target)) entries.push({ kind, target, place, phrase, rules: NOT_YET });
  }

  /** Whether some phrase has a word with this key id. */
  readonly has = (id: number): boolean => id >= 0 && id >> 5 < this.keyBits.length && ((this.keyBits[id >> 5]! >>> (id & 31)) & 1) === 1;

  private markKey(id: number): void {
    if (id >> 5 >= this.keyBits.length) {
      const grown = new Int32Array(Math.max((id >> 5) + 1, this.keyBits.length * 2, 64));
      grown.set(this.keyBits);
      this.keyBits = grown;
    }
    this.keyBits[id >> 5]! |= 1 << (id & 31);
  }

  /** The node after one word (a key id; -1 for a key no phrase has), or -1 when no phrase starts with it. */
  first(id: number): number {
    if (id < 0 || id >= this.roots.length || ((this.rootBits[id >> 5]! >>> (id & 31)) & 1) === 0) return -1;
    return this.roots[id]!;
  }

  /** The node after one more word, or -1. */
  next(node: number, id: number): number {
    if (id < 0) return -1;
    const slots = this.slots;
    const mask = slots.length - CELLS;
    for (let s = (slotOf(node, id) << 2) & mask; ; s = (s + CELLS) & mask) {
      const parent = slots[s]!;
      if (parent < 0) return -1;
      if (parent === node && slots[s + 1] === id) return slots[s + 2]!;
    }
  }

  /** The entries of the phrases that end at a node, in the order they were added. */
  entries(node: number): Entry[] | undefined {
    const list = this.listOf[node]!;
    return list >= 0 ? this.lists[list] : undefined;
  }

  private newNode(): number {
    if (this.nodeCount === this.listOf.length) {
      const grown = new Int32Array(this.nodeCount * 2).fill(-1);
      grown.set(this.listOf);
      this.listOf = grown;
    }
    return this.nodeCount++;
  }

  private root(id: number): number {
    if (id >= this.roots.length) {
      const length = Math.max(id + 1, this.roots.length * 2, 1024);
      const grown = new Int32Array(length).fill(-1);
      grown.set(this.roots);
      this.roots = grown;
      const bits = new Int32Array((length >> 5) + 1);
      bits.set(this.rootBits);
      this.rootBits = bits;
    }
    let node = this.roots[id]!;
    if (node < 0) {
      node = this.roots[id] = this.newNode();
      this.rootBits[id >> 5]! |= 1 << (id & 31);
    }
    return node;
  }

  private child(node: number, id: number): number {
    const found = this.next(node, id);
    if (found >= 0) return found;
    const made = this.newNode();
    if ((this.children + 1) * 2 * CELLS > this.slots.length) this.rehash(this.slots.length * 2);
    place(this.slots, node, id, made);
    this.children++;
    return made;
  }

  private rehash(cells: number): void {
    const old = this.slots;
    const slots = emptySlots(cells);
    for (let s = 0; s < old.length; s += CELLS) if (old[s]! >= 0) place(slots, old[s]!, old[s + 1]!, old[s + 2]!);
    this.slots = slots;
  }
}

const CELLS = 4; // a slot's first cell is at (its number << 2)

function emptySlots(cells: number): Int32Array {
  const slots = new Int32Array(cells);
  for (let s = 0; s < cells; s += CELLS) slots[s] = -1;
  return slots;
}

function place(slots: Int32Array, node: number, id: number, child: number): void {
  const mask = slots.length - CELLS;
  let s = (slotOf(node, id) << 2) & mask;
  while (slots[s]! >= 0) s = (s + CELLS) & mask;
  slots[s] = node;
  slots[s + 1] = id;
  slots[s + 2] = child;
}

function hasEntry(entries: Entry[], kind: EntryKind, target: string): boolean {
  for (let i = 0; i < entries.length; i++) if (entries[i]!.target === target && entries[i]!.kind === kind) return true;
  return false;
}

function slotOf(node: number, id: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(id, 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}
