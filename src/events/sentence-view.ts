import type { Sentence, TokenTable } from '../model/index.js';
import { normalizeWord } from './words.js';
import { NOT_KNOWN, nothingKnown, type WordFacts, type WordFactsIndex } from './word-facts.js';

/** One sentence as normalized words with their character offsets: what the coder matches on. */
export interface SentenceView {
  text: string;
  words: string[];
  starts: number[];
  ends: number[];
  possessive: boolean[];
  capitalized: boolean[];
  /** Penn Treebank tags, when a tagger ran. */
  tags?: string[];
  /** Character span of the sentence in the document text. */
  start: number;
  end: number;
  /** Per word, what the coder tables behind `factsFrom` know about it. */
  facts?: WordFacts[];
  factsFrom?: WordFactsIndex;
}

/** Builds the view for one sentence of a tokenized text; a token `'s` marks the word before it as possessive. */
export function sentenceView(text: string, tokens: TokenTable, sentence: Sentence, pos?: string[]): SentenceView {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const possessive: boolean[] = [];
  const capitalized: boolean[] = [];
  const tags: string[] | undefined = pos ? [] : undefined;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const raw = text.slice(tokens.starts[i], tokens.ends[i]);
    const n = normalizeWord(raw);
    if (n.word === "'s" && words.length) {
      possessive[words.length - 1] = true;
      ends[words.length - 1] = tokens.ends[i];
      continue;
    }
    words.push(n.word);
    starts.push(tokens.starts[i]);
    ends.push(tokens.ends[i]);
    possessive.push(n.possessive);
    const c = raw.charCodeAt(0);
    capitalized.push(c >= 65 && c <= 90);
    if (tags && pos) tags.push(pos[i] ?? '');
  }
  return { text, words, starts, ends, possessive, capitalized, tags, start: sentence.start, end: sentence.end };
}

/**
 * The same view as `sentenceView`, with each word's facts from `index`. A token of plain letters is looked up in the
 * index straight from the text (a known word then shares the index's string); any other is normalized as usual.
 */
export function sentenceViewWithFacts(index: WordFactsIndex, text: string, tokens: TokenTable, sentence: Sentence, pos?: string[]): SentenceView {
  // Sized for every token up front; a possessive 's merged into its word leaves the arrays one shorter.
  const size = sentence.tokenEnd - sentence.tokenStart;
  const words: string[] = new Array(size);
  const starts: number[] = new Array(size);
  const ends: number[] = new Array(size);
  const possessive: boolean[] = new Array(size);
  const capitalized: boolean[] = new Array(size);
  const facts: WordFacts[] = new Array(size);
  const tags: string[] | undefined = pos ? new Array(size) : undefined;
  let count = 0;
  const tokenStarts = tokens.starts;
  const tokenEnds = tokens.ends;
  for (let i = sentence.tokenStart; i < sentence.tokenEnd; i++) {
    const start = tokenStarts[i];
    const end = tokenEnds[i];
    const entry = index.entryOfToken(text, start, end);
    let word: string;
    let isPossessive = false;
    let wordFacts: WordFacts;
    if (entry >= 0) {
      word = index.keyOf(entry);
      wordFacts = index.factsOf(entry);
    } else if (entry === NOT_KNOWN) {
      word = text.slice(start, end).toLowerCase();
      wordFacts = nothingKnown();
    } else {
      const n = normalizeWord(text.slice(start, end));
      if (n.word === "'s" && count > 0) {
        possessive[count - 1] = true;
        ends[count - 1] = end;
        continue;
      }
      word = n.word;
      isPossessive = n.possessive;
      wordFacts = index.of(word);
    }
    words[count] = word;
    starts[count] = start;
    ends[count] = end;
    possessive[count] = isPossessive;
    const c = end > start ? text.charCodeAt(start) : 0;
    capitalized[count] = c >= 65 && c <= 90;
    facts[count] = wordFacts;
    if (tags && pos) tags[count] = pos[i] ?? '';
    count++;
  }
  if (count < size) {
    for (const list of [words, starts, ends, possessive, capitalized, facts]) list.length = count;
    if (tags) tags.length = count;
  }
  return { text, words, starts, ends, possessive, capitalized, tags, start: sentence.start, end: sentence.end, facts, factsFrom: index };
}
