import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConll, lastColumn } from '../src/nlp/conll.js';
import { iobSpans, BilouScheme } from '../src/nlp/ner/tag-scheme.js';
import { scoreIob, spansIn, labelSchemeOf } from '../src/nlp/ner/evaluate.js';
import { toConll, finerThanConll, schemeOfTypes, ENTITY_TYPES } from '../src/nlp/ner/types.js';
import { riftJson, rift, tempDir } from './support/cli.js';

const tmp = tempDir();
after(() => tmp.cleanup());

test('IOB1 and IOB2 read into the same spans, as conlleval reads them', () => {
  // IOB1: I- starts an entity unless it continues one of the same type; B- only splits two touching ones.
  const iob1 = ['I-PER', 'I-PER', 'O', 'I-LOC', 'B-LOC', 'I-ORG', 'I-ORG'];
  const iob2 = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'B-ORG', 'I-ORG'];
  const expected = [
    { type: 'PER', start: 0, end: 2 },
    { type: 'LOC', start: 3, end: 4 },
    { type: 'LOC', start: 4, end: 5 },
    { type: 'ORG', start: 5, end: 7 },
  ];
  assert.deepEqual(iobSpans(iob1), expected);
  assert.deepEqual(iobSpans(iob2), expected);
  // A stray I- after another type starts a new entity.
  assert.deepEqual(iobSpans(['B-PER', 'I-LOC']), [
    { type: 'PER', start: 0, end: 1 },
    { type: 'LOC', start: 1, end: 2 },
  ]);
});

test('exact-span scores with known numbers', () => {
  const gold = [
    ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'],
    ['B-ORG', 'I-ORG', 'O', 'B-MISC'],
  ];
  const predicted = [
    ['B-PER', 'I-PER', 'O', 'B-ORG', 'O'], // PER right, LOC given the wrong type
    ['B-ORG', 'O', 'O', 'B-MISC'], // ORG cut short, MISC right
  ];
  const score = scoreIob(gold, predicted);
  assert.equal(score.gold, 4);
  assert.equal(score.predicted, 4);
  assert.equal(score.correct, 2);
  assert.equal(score.precision, 0.5);
  assert.equal(score.recall, 0.5);
  assert.equal(score.f1, 0.5);
  assert.equal(score.types.PER.f1, 1);
  assert.equal(score.types.LOC.recall, 0);
  assert.equal(score.types.ORG.precision, 0); // two ORG guesses, neither exact
  assert.equal(score.types.ORG.predicted, 2);
  assert.equal(score.types.MISC.f1, 1);
});

test('CoNLL files: -DOCSTART- separates documents, blank lines sentences, the tag is the last column', () => {
  const docs = parseConll('-DOCSTART- -X- O O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- O O\n\nParis I-LOC\n');
  assert.equal(docs.length, 2);
  assert.equal(docs[0].sentences.length, 2);
  assert.deepEqual(docs[0].sentences[0].tokens, ['EU', 'rejects']);
  assert.deepEqual(lastColumn(docs[0].sentences[0]), ['B-ORG', 'O']);
  assert.deepEqual(lastColumn(docs[1].sentences[0]), ['I-LOC']);
});

test('BILOU encodes and decodes spans, and forbids broken sequences', () => {
  const scheme = new BilouScheme();
  const spans = [
    { type: 'PER', start: 0, end: 3 },
    { type: 'LOC', start: 4, end: 5 },
  ];
  const tags = new Uint8Array(6);
  scheme.encode(spans, 6, tags);
  assert.deepEqual([...tags].map((t) => scheme.names[t]), ['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC', 'O']);
  assert.deepEqual(scheme.decode(tags, 0, 6), spans);
  const b = scheme.names.indexOf('B-PER');
  assert.equal(scheme.isAllowed(b, scheme.names.indexOf('L-PER'), false), true);
  assert.equal(scheme.isAllowed(b, 0, false), false);
  assert.equal(scheme.isAllowed(-1, scheme.names.indexOf('I-ORG'), false), false);
  assert.equal(scheme.isAllowed(-1, b, true), false); // a sentence cannot end inside an entity
});

test('rift eval ner scores a hand-made IOB1 file end to end', () => {
  const file = join(tmp.dir, 'tiny.conll');
  writeFileSync(
    file,
    [
      '-DOCSTART- -X- -X- O',
      '',
      'Russian JJ I-MISC',
      'President NNP O',
      'Vladimir NNP I-PER',
      'Putin NNP I-PER',
      'visited VBD O',
      'Beijing NNP I-LOC',
      'on IN O',
      'Monday NNP O',
      '. . O',
      '',
      'NATO NNP I-ORG',
      'said VBD O',
      'nothing NN O',
      '. . O',
      '',
    ].join('\n'),
  );
  const score = riftJson(['eval', 'ner', file]);
  assert.equal(score.labels, 'conll');
  assert.equal(score.gold, 4);
  assert.equal(score.tokens, 13);
  assert.equal(score.sentences, 2);
  for (const key of ['precision', 'recall', 'f1']) assert.ok(score[key] >= 0 && score[key] <= 1);
  assert.equal(score.types.PER.f1, 1, JSON.stringify(score.types));
  assert.equal(score.types.LOC.f1, 1, JSON.stringify(score.types));
  assert.ok(score.f1 >= 0.75, `f1 ${score.f1}`);
  const missing = rift(['eval', 'ner', join(tmp.dir, 'nope.conll')]);
  assert.notEqual(missing.status, 0);
  assert.match(missing.stderr, /cannot read/);
});

test('every OntoNotes type maps onto one CoNLL-2003 type or none, and the gold file says which scheme it speaks', () => {
  assert.equal(ENTITY_TYPES.length, 18);
  assert.equal(toConll('GPE'), 'LOC');
  assert.equal(toConll('FAC'), 'LOC');
  assert.equal(toConll('NORP'), 'MISC');
  assert.equal(toConll('DATE'), undefined);
  assert.deepEqual(finerThanConll('LOC').sort(), ['FAC', 'GPE', 'LOC']);
  assert.deepEqual(finerThanConll('O').sort(), ['CARDINAL', 'DATE', 'MONEY', 'ORDINAL', 'PERCENT', 'QUANTITY', 'TIME']);
  // each name type lands in exactly one CoNLL type
  for (const t of ENTITY_TYPES) {
    const homes = ['PER', 'ORG', 'LOC', 'MISC', 'O'].filter((c) => finerThanConll(c).includes(t));
    assert.equal(homes.length, 1, t);
  }
  assert.equal(schemeOfTypes(['PER', 'LOC']), 'conll');
  assert.equal(schemeOfTypes(['PERSON', 'GPE']), 'ontonotes');
  const spans = () => [
    { type: 'PER', start: 0, end: 2 },
    { type: 'GPE', start: 3, end: 4 },
    { type: 'DATE', start: 5, end: 6 },
  ];
  assert.deepEqual(spansIn('conll', spans()), [
    { type: 'PER', start: 0, end: 2 },
    { type: 'LOC', start: 3, end: 4 },
  ]);
  assert.deepEqual(
    spansIn('ontonotes', spans()).map((x) => x.type),
    ['PERSON', 'GPE', 'DATE'],
  );
  assert.equal(labelSchemeOf(parseConll('Paris B-GPE\non O\nMonday B-DATE\n')), 'ontonotes');
});

test('rift eval ner scores an OntoNotes file in its eighteen types', () => {
  const file = join(tmp.dir, 'tiny.bio');
  writeFileSync(
    file,
    ['-DOCSTART- -X- O', '', 'Vladimir B-PERSON', 'Putin I-PERSON', 'visited O', 'Beijing B-GPE', 'on O', 'Monday B-DATE', '. O', ''].join('\n'),
  );
  const score = riftJson(['eval', 'ner', file]);
  assert.equal(score.labels, 'ontonotes');
  assert.equal(score.gold, 3);
  assert.equal(score.types.PERSON.f1, 1, JSON.stringify(score.types));
  assert.equal(score.types.GPE.f1, 1, JSON.stringify(score.types));
  assert.ok(!('PER' in score.types), JSON.stringify(score.types));
});
