// Time expressions normalized to inclusive ISO intervals with a precision: a table of our own
// sentences, plus the seed article (../shared, skipped when missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractTimes } from '../src/nlp/values.js';
import type { TimeExpression } from '../src/model/index.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const SEED = join(resolve(process.env.RIFT_SHARED ?? join(ROOT, '../shared')), 'corpus/seed-leaked-fsb-memo-article.txt');
const skip = existsSync(SEED) ? false : `shared data not found: ${SEED}`;

/** [sentence, document date or null, expected span text, from, to, precision] */
type Case = [string, string | null, string, string, string, TimeExpression['precision']];

// 2025-06-11 is a Wednesday.
const DOC = '2025-06-11';

const CASES: Case[] = [
  // explicit dates
  ['The ministers signed it on June 9, 2025 in Minsk.', null, 'June 9, 2025', '2025-06-09', '2025-06-09', 'day'],
  ['The talks opened on 9 June 2025 behind closed doors.', null, '9 June 2025', '2025-06-09', '2025-06-09', 'day'],
  ['The file carries the stamp 2025-06-09 on every page.', null, '2025-06-09', '2025-06-09', '2025-06-09', 'day'],
  ['MOSCOW, Feb 26 - The ruble steadied.', '1987-02-26T15:01:01', 'Feb 26', '1987-02-26', '1987-02-26', 'day'],
  ['The convoy left on Sept. 3 under escort.', '2024-09-20', 'Sept. 3', '2024-09-03', '2024-09-03', 'day'],
  ['It was filed on Thursday, February 20, 2020 in Geneva.', null, 'Thursday, February 20, 2020', '2020-02-20', '2020-02-20', 'day'],
  ['The accord dates from the 4th of July 1992.', null, 'the 4th of July 1992', '1992-07-04', '1992-07-04', 'day'],
  ['Troops massed on the border in February 2022 and waited.', null, 'February 2022', '2022-02-01', '2022-02-28', 'month'],
  ['The order was placed in December, 2019 by the ministry.', null, 'December, 2019', '2019-12-01', '2019-12-31', 'month'],
  // years, decades, quarters, halves, seasons
  ['Exports doubled in 2023 across the region.', null, '2023', '2023-01-01', '2023-12-31', 'year'],
  ['Ties had cooled in the 1990s after the collapse.', null, 'the 1990s', '1990-01-01', '1999-12-31', 'decade'],
  ['Output fell in the first quarter of 2024 at the plant.', null, 'the first quarter of 2024', '2024-01-01', '2024-03-31', 'quarter'],
  ['Q3 2023 sales beat forecasts.', null, 'Q3 2023', '2023-07-01', '2023-09-30', 'quarter'],
  ['Shipments grew in the first half of 2025 as hoped.', null, 'the first half of 2025', '2025-01-01', '2025-06-30', 'quarter'],
  ['Trade rose in the first 11 months of 2025 overall.', null, 'the first 11 months of 2025', '2025-01-01', '2025-11-30', 'month'],
  ['Drills resumed in the summer of 2023 near the coast.', null, 'the summer of 2023', '2023-06-01', '2023-08-31', 'season'],
  ['Gas deliveries fell in winter 2022-23 sharply.', null, 'winter 2022-23', '2022-12-01', '2023-02-28', 'season'],
  ['The crop year 1986/87 ended with a surplus.', null, '1986/87', '1986-01-01', '1987-12-31', 'year'],
  // fuzzy parts
  ['The plan was drafted in late 2023 by the staff.', null, 'late 2023', '2023-09-01', '2023-12-31', 'fuzzy'],
  ['The pipeline should open in early 2024 if funded.', null, 'early 2024', '2024-01-01', '2024-04-30', 'fuzzy'],
  ['A deal is expected by mid-2025 at the latest.', null, 'mid-2025', '2025-05-01', '2025-08-31', 'fuzzy'],
  ['Prices peaked in mid-June before falling.', DOC, 'mid-June', '2025-06-11', '2025-06-20', 'fuzzy'],
  ['Debts piled up by the end of 2023 at most banks.', null, 'the end of 2023', '2023-10-01', '2023-12-31', 'fuzzy'],
  ['Reserves were rebuilt by end-1986 at the central bank.', null, 'end-1986', '1986-10-01', '1986-12-31', 'fuzzy'],
  ['Sales slowed in the late 1980s for the firm.', null, 'the late 1980s', '1986-01-01', '1989-12-31', 'fuzzy'],
  ['The rollout slipped from early to mid-2024 again.', null, 'early to mid-2024', '2024-01-01', '2024-08-31', 'fuzzy'],
  // disjunctions and ranges: one interval
  ['The note was written in late 2023 or early 2024 by an officer.', null, 'late 2023 or early 2024', '2023-09-01', '2024-04-30', 'fuzzy'],
  ['Output rose between 2019 and 2021 at every mine.', null, 'between 2019 and 2021', '2019-01-01', '2021-12-31', 'year'],
  ['Talks ran from March to May 2024 in Vienna.', null, 'from March to May 2024', '2024-03-01', '2024-05-31', 'month'],
  ['Imports for January-September 2023 grew by a tenth.', null, 'January-September 2023', '2023-01-01', '2023-09-30', 'month'],
  ['Visits took place in November and December 2022 in secret.', null, 'November and December 2022', '2022-11-01', '2022-12-31', 'month'],
  ['The summit is set for May 16 and 17 in the capital.', DOC, 'May 16 and 17', '2025-05-16', '2025-05-17', 'day'],
  ['The tariff war raged on April 11–21, 2025 without pause.', null, 'April 11–21, 2025', '2025-04-11', '2025-04-21', 'day'],
  ['The forum met 31 August–1 September 2025 in Tianjin.', null, '31 August–1 September 2025', '2025-08-31', '2025-09-01', 'day'],
  ['Qing rule lasted from 1644 to 1911 in China.', null, 'from 1644 to 1911', '1644-01-01', '1911-12-31', 'year'],
  // relative to the document date
  ['Exports fell last month to a low.', DOC, 'last month', '2025-05-01', '2025-05-31', 'month'],
  ['The minister resigned yesterday after the vote.', DOC, 'yesterday', '2025-06-10', '2025-06-10', 'day'],
  ['Envoys met this week in Ankara.', DOC, 'this week', '2025-06-09', '2025-06-15', 'week'],
  ['Elections are due next year in the region.', DOC, 'next year', '2026-01-01', '2026-12-31', 'year'],
  ['The base was built two years ago on the island.', DOC, 'two years ago', '2023-01-01', '2023-12-31', 'year'],
  ['The spokesman said on Monday that talks stalled.', DOC, 'Monday', '2025-06-09', '2025-06-09', 'day'],
  ['The delegation will arrive on Friday for talks.', DOC, 'Friday', '2025-06-13', '2025-06-13', 'day'],
  ['Prices have risen 5% over the past two years overall.', DOC, 'the past two years', '2023-06-11', '2025-06-11', 'fuzzy'],
  ['The bank cut rates earlier this year twice.', DOC, 'earlier this year', '2025-01-01', '2025-06-11', 'fuzzy'],
  ['Output fell in the third quarter of last year sharply.', DOC, 'the third quarter of last year', '2024-07-01', '2024-09-30', 'quarter'],
  ['They met in December to talk.', '1987-02-26', 'December', '1986-12-01', '1986-12-31', 'month'],
  ['Russia struck late last year with drones.', DOC, 'late last year', '2024-09-01', '2024-12-31', 'fuzzy'],
  // anchored offsets
  ['Three days before the February 2022 invasion the embassy left.', null,
    'Three days before the February 2022 invasion', '2022-01-29', '2022-02-25', 'fuzzy'],
  ["Three days before Russia's February 2022 invasion of Ukraine, papers were burned.", null,
    "Three days before Russia's February 2022 invasion", '2022-01-29', '2022-02-25', 'fuzzy'],
  ['Two weeks after March 3, 2024 the border closed.', null, 'Two weeks after March 3, 2024', '2024-03-17', '2024-03-17', 'day'],
];

for (const [sentence, date, span, from, to, precision] of CASES) {
  test(`${span} in "${sentence}"${date ? ` (${date})` : ''}`, () => {
    const found = extractTimes(sentence, date ?? undefined);
    const hit = found.find((t) => t.text === span);
    assert.ok(hit, `no "${span}" in ${JSON.stringify(found.map((t) => t.text))}`);
    assert.equal(sentence.slice(hit.start, hit.end), span);
    assert.deepEqual({ from: hit.from, to: hit.to, precision: hit.precision }, { from, to, precision });
  });
}

test('relative expressions and dates without a year are left out without a document date', () => {
  const text = 'Yesterday and last month and on Monday and two years ago, and on Feb 26, but also in 2023.';
  assert.deepEqual(extractTimes(text).map((t) => t.text), ['2023']);
  assert.equal(extractTimes(text, 'not a date').length, 1);
  assert.equal(extractTimes(text, DOC).length, 6);
});

test('words that look like months or numbers that look like years are not times', () => {
  const text = 'May I ask? March on. The 2000 tonnes arrived; 1,999 people; 2025 km away; the may-be; a G2000 chip.';
  assert.deepEqual(extractTimes(text, DOC), []);
});

test('a date-time document date is read as its calendar date', () => {
  const [t] = extractTimes('It happened yesterday.', '1987-02-26T15:01:01');
  assert.equal(t?.from, '1987-02-25');
});

test('seed article: "late 2023 or early 2024" is one interval and "in 2023" the year 2023', { skip }, () => {
  const text = readFileSync(SEED, 'utf8');
  const times = extractTimes(text, '2025-06-10');
  const disjunctions = times.filter((t) => t.text === 'late 2023 or early 2024');
  assert.ok(disjunctions.length >= 1, JSON.stringify(times.map((t) => t.text)));
  for (const t of disjunctions) {
    assert.deepEqual([t.from, t.to, t.precision], ['2023-09-01', '2024-04-30', 'fuzzy']);
    assert.equal(text.slice(t.start, t.end), t.text);
  }
  // no part of the disjunction is reported on its own
  assert.ok(!times.some((t) => t.text === 'late 2023' || t.text === 'early 2024'));
  const year = times.find((t) => t.text === '2023' && text.slice(t.start - 3, t.start) === 'in ');
  assert.ok(year, 'in 2023');
  assert.deepEqual([year.from, year.to, year.precision], ['2023-01-01', '2023-12-31', 'year']);
});

test('the values stage fills times against the document date, and quantities', async () => {
  const { loadStages } = await import('../src/app/pipeline.js');
  const { testDocument } = await import('./support/documents.js');
  const values = await loadStages(['values']);
  const a = values.analyze(testDocument('Trade hit $240 billion last year.', { publishedAt: '2025-06-11T08:00:00Z' }));
  assert.deepEqual(a.times.map((t: TimeExpression) => [t.text, t.from, t.to]), [['last year', '2024-01-01', '2024-12-31']]);
  assert.deepEqual(a.quantities.map((q) => q.value), [240e9]);
});
