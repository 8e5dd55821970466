// CoNLL-style files: one token a line with its columns separated by white space (the token first,
// the tag of interest last), blank lines between sentences, -DOCSTART- lines between documents.

export interface ConllSentence {
  tokens: string[];
  /** Every column after the token, one array per token. */
  columns: string[][];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sentence: ConllSentence = { tokens: [], columns: [] };
  const endSentence = () => {
    if (sentence.tokens.length) doc.sentences.push(sentence);
    sentence = { tokens: [], columns: [] };
  };
  const endDocument = () => {
    endSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [] };
  };
  for (const raw of content.split('\n')) {
    const line = raw.trim();
    if (!line) {
      endSentence();
      continue;
    }
    const cols = line.split(/\s+/);
    if (cols[0] === '-DOCSTART-') {
      endDocument();
      continue;
    }
    sentence.tokens.push(cols[0]);
    sentence.columns.push(cols.slice(1));
  }
  endDocument();
  return docs;
}

/** The last column of each token: the gold tag. */
export function lastColumn(sentence: ConllSentence): string[] {
  return sentence.columns.map((c) => c[c.length - 1] ?? 'O');
}
