import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOf, settleDate } from '../src/app/document-date.js';
import { makeDocument, newDocument } from '../src/app/document-factory.js';
import { documentId } from '../src/ingest/index.js';

test('a date as sources write it maps to one day', () => {
  assert.equal(dayOf('2025-06-09'), '2025-06-09');
  assert.equal(dayOf('2025-06-09T23:30:00-04:00'), '2025-06-09', 'the date as written, in the writer\'s zone');
  assert.equal(dayOf('2025-06-09T01:00:00Z'), '2025-06-09');
  assert.equal(dayOf('1987-02-26T15:01:01'), '1987-02-26');
  assert.equal(dayOf('2023-06'), '2023-06-15', 'a month reads as its middle');
  assert.equal(dayOf('2023'), '2023-07-01', 'a year reads as its middle');
  assert.equal(dayOf('Mon, 09 Jun 2025 23:30:00 -0400'), '2025-06-09');
  assert.equal(dayOf('9 June 2025'), '2025-06-09');
  assert.equal(dayOf('June 9, 2025'), '2025-06-09');
  assert.equal(dayOf('Sept 9 2025'), '2025-09-09');
  assert.equal(dayOf('2025/6/9'), '2025-06-09');
  for (const bad of ['', '  ', '2025-02-30', '2025-13-01', '0999-01-01', 'yesterday', '1', '12/06/2025', '9 Marvel 2025', '2025-06-09garbage', undefined]) {
    assert.equal(dayOf(bad), undefined, String(bad));
  }
});

test('the document date: given, else the source\'s own, else the retrieval day, assumed', () => {
  const retrievedAt = '2025-06-20T08:00:00.000Z';
  assert.deepEqual(settleDate({ given: '2025-01-02', published: '2024-05-05', retrievedAt }), { day: '2025-01-02', source: 'given' });
  assert.deepEqual(settleDate({ published: '2024-05-05T10:00:00Z', retrievedAt }), { day: '2024-05-05', source: 'published' });
  assert.deepEqual(settleDate({ published: '2024-05-05', publishedSource: 'feed', retrievedAt }), { day: '2024-05-05', source: 'feed' });
  assert.deepEqual(settleDate({ published: 'not a date', retrievedAt }), { day: '2025-06-20', source: 'assumed' });
  assert.deepEqual(settleDate({ retrievedAt }), { day: '2025-06-20', source: 'assumed' });
  // a page claiming to be published after it was fetched carries bad metadata; a date the user gives is taken as given
  assert.deepEqual(settleDate({ published: '2031-01-01', retrievedAt }), { day: '2025-06-20', source: 'assumed' });
  assert.deepEqual(settleDate({ published: '2025-06-21T03:00:00+09:00', retrievedAt }), { day: '2025-06-21', source: 'published' }, 'a day ahead: time zones');
  assert.deepEqual(settleDate({ published: '2031-01-01', publishedSource: 'given', retrievedAt }), { day: '2031-01-01', source: 'given' });
  assert.throws(() => settleDate({ given: '2025-02-30', retrievedAt }), /not a date/);
  assert.throws(() => settleDate({ retrievedAt: '' }), /retrievedAt/);
});

test('the factory: the fingerprint as id, the given language over the draft\'s, the raw publishedAt kept', async () => {
  const text = 'Москва и Пекин подписали соглашение о торговле. Министры встретились в столице.';
  const draft = { text, format: 'html' as const, title: 'Соглашение', publishedAt: '2025-06-09T10:00:00+03:00', url: 'https://example.org/a' };
  const doc = newDocument(draft, { ref: 'a.html', retrievedAt: '2025-06-10T00:00:00Z' });
  assert.equal(doc.id, documentId(text));
  assert.deepEqual(doc.date, { day: '2025-06-09', source: 'published' });
  assert.equal(doc.publishedAt, '2025-06-09T10:00:00+03:00');
  assert.equal(doc.language, undefined, 'newDocument leaves detection to whoever analyses');
  assert.deepEqual(doc.source, { ref: 'a.html', url: 'https://example.org/a', outlet: undefined, retrievedAt: '2025-06-10T00:00:00Z' });
  assert.ok(!('dateSource' in doc), 'the draft\'s date source lives on in date.source');
  assert.equal((await makeDocument(draft, { ref: 'a.html', retrievedAt: '2025-06-10T00:00:00Z' })).language, 'ru');
  assert.equal((await makeDocument(draft, { ref: 'a.html', retrievedAt: '2025-06-10T00:00:00Z', language: 'uk' })).language, 'uk');
  const given = newDocument({ ...draft, dateSource: 'given', publishedAt: 'garbage' }, { ref: 'a.jsonl#L1', retrievedAt: '2025-06-10T00:00:00Z' });
  assert.deepEqual(given.date, { day: '2025-06-10', source: 'assumed' }, 'an unreadable date in a record is passed over');
});
