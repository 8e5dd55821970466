// Trains the part-of-speech tagger and the named-entity recognizer on ../shared/data/ner/conll2003
// (train; dev picks the epoch; test is reported only) with the gazetteers of ../shared/data/gazetteers
// and the word clusters in models/clusters.tsv.gz. Writes models/pos-ner.bin.gz and models/gazetteer.tsv.gz.
// Options (environment): RIFT_SHARED, NER_EPOCHS (most epochs per run, default 16), NER_RUNS (runs
// averaged, default 9), POS_EPOCHS (default 6), POS_BITS and NER_BITS (hash table sizes, default 17
// and 20), TRAIN_SEED, MODELS_DIR (default models/).
import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(process.env.RIFT_SHARED ?? join(root, '../shared'));
if (!existsSync(join(shared, 'data/ner/conll2003/train.txt'))) {
  console.error(`shared data not found at ${shared} (set RIFT_SHARED)`);
  process.exit(1);
}
const { trainTaggers } = await import(join(root, 'dist/src/nlp/train/train-taggers.js'));
trainTaggers({
  shared,
  modelsDir: resolve(process.env.MODELS_DIR ?? join(root, 'models')),
  posEpochs: Number(process.env.POS_EPOCHS ?? 6),
  nerEpochs: Number(process.env.NER_EPOCHS ?? 16),
  posBits: Number(process.env.POS_BITS ?? 17),
  nerBits: Number(process.env.NER_BITS ?? 20),
  seed: process.env.TRAIN_SEED ? Number(process.env.TRAIN_SEED) : undefined,
  ensemble: Number(process.env.NER_RUNS ?? 9),
  log: (line) => console.log(line),
});
