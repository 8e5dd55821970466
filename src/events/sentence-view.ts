import type { Sentence, TokenTable } from '../model/index.js';
import { normalizeWord } from './words.js';

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
