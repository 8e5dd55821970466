import type { Sentence, TokenTable } from '../model/index.js';

// Placeholder: a sentence ends at . ! ? or a line break. The language-core issue replaces it.
export function splitSentences(text: string, tokens: TokenTable): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  for (let i = 0; i < tokens.count; i++) {
    const end = tokens.ends[i];
    const ch = text[tokens.starts[i]];
    const nextStart = i + 1 < tokens.count ? tokens.starts[i + 1] : text.length;
    const lineBreak = text.slice(end, nextStart).includes('\n');
    if (ch === '.' || ch === '!' || ch === '?' || lineBreak || i === tokens.count - 1) {
      sentences.push({ start: tokens.starts[first], end, tokenStart: first, tokenEnd: i + 1 });
      first = i + 1;
    }
  }
  return sentences;
}
