// Trains the part-of-speech tagger on ../shared/data/ner/conll2003 train, and the named-entity
// recognizer on ../shared/data/ner/ontonotes train with CoNLL-2003 train (OntoNotes dev picks each
// run's epoch and is reported; CoNLL-2003 dev and test are reported only), with the gazetteers of
// ../shared/data/gazetteers and the word clusters in models/clusters.tsv.gz. Writes
// models/pos-ner.bin.gz and models/gazetteer.tsv.gz.
// Options (environment): RIFT_SHARED, NER_EPOCHS (most epochs per run, default 12), NER_RUNS (runs
// averaged, default 3), POS_EPOCHS (default 6), POS_BITS and NER_BITS (hash table sizes, default 17
// and 20), TRAIN_SEED, MODELS_DIR (default models/); for experiments NER_EVERY (one OntoNotes
// training document in this many), NER_CONLL=0 (OntoNotes alone), DRY_RUN=1 (write nothing).
import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(process.env.RIFT_SHARED ?? join(root, '../shared'));
if (!existsSync(join(shared, 'data/ner/conll2003/train.txt')) || !existsSync(join(shared, 'data/ner/ontonotes/train.bio'))) {
  console.error(`shared data not found at ${shared} (set RIFT_SHARED)`);
  process.exit(1);
}
const { trainTaggers } = await import(join(root, 'dist/src/nlp/train/train-taggers.js'));
trainTaggers({
  shared,
  modelsDir: resolve(process.env.MODELS_DIR ?? join(root, 'models')),
  posEpochs: Number(process.env.POS_EPOCHS ?? 6),
  nerEpochs: Number(process.env.NER_EPOCHS ?? 12),
  posBits: Number(process.env.POS_BITS ?? 17),
  nerBits: Number(process.env.NER_BITS ?? 20),
  nerJointBits: Number(process.env.NER_JOINT_BITS ?? 18),
  seed: process.env.TRAIN_SEED ? Number(process.env.TRAIN_SEED) : undefined,
  ensemble: Number(process.env.NER_RUNS ?? 3),
  every: Number(process.env.NER_EVERY ?? 1),
  withConll: process.env.NER_CONLL !== '0',
  dryRun: process.env.DRY_RUN === '1',
  log: (line) => console.log(line),
});
