// Learns word clusters from the unlabeled news in ../shared/data/news (Reuters-21578 and BBC bodies)
// and the words of CoNLL-2003 train, for the taggers' features. Writes models/clusters.tsv.gz.
// Options (environment): RIFT_SHARED, MODELS_DIR (default models/).
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(process.env.RIFT_SHARED ?? join(root, '../shared'));
const modelsDir = resolve(process.env.MODELS_DIR ?? join(root, 'models'));
const sources = ['data/news/reuters21578.jsonl', 'data/news/bbc_fulltext_2225.jsonl'].map((p) => join(shared, p));
const conll = join(shared, 'data/ner/conll2003/train.txt');
if (!sources.every(existsSync) || !existsSync(conll)) {
  console.error(`shared data not found at ${shared} (set RIFT_SHARED)`);
  process.exit(1);
}
const { learnClusters } = await import(join(root, 'dist/src/nlp/train/word-clusters.js'));

function* texts() {
  for (const file of sources) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line);
      const text = record.text ?? record.body;
      if (typeof text === 'string') yield text;
    }
  }
  // CoNLL-2003 train as running text, a sentence a line (its tokens only, never its tags).
  let sentence = [];
  for (const line of readFileSync(conll, 'utf8').split('\n')) {
    const token = line.split(' ')[0];
    if (!token || token === '-DOCSTART-') {
      if (sentence.length) yield sentence.join(' ');
      sentence = [];
    } else sentence.push(token);
  }
}

const started = Date.now();
const lines = learnClusters(texts(), { log: (l) => console.log(`${l} (${((Date.now() - started) / 1000).toFixed(0)}s)`) });
mkdirSync(modelsDir, { recursive: true });
const bytes = gzipSync(lines.join('\n') + '\n', { level: 9 });
writeFileSync(join(modelsDir, 'clusters.tsv.gz'), bytes);
console.log(`wrote clusters.tsv.gz: ${lines.length} words, ${(bytes.length / 1e6).toFixed(2)} MB`);
