import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prf, round4 } from '../src/eval/prf.js';

test('precision, recall and F1 from counts; nothing to divide by gives 0', () => {
  assert.deepEqual(prf(3, 4, 6), { precision: 0.75, recall: 0.5, f1: 0.6 });
  assert.deepEqual(prf(0, 0, 5), { precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(prf(0, 5, 0), { precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(prf(2, 2, 2), { precision: 1, recall: 1, f1: 1 });
  assert.equal(round4(2 / 3), 0.6667);
});
