import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rift, riftJson, tempDir } from './support/cli.js';

const tmp = tempDir();
after(() => tmp.cleanup());

test('rift actors <name> shows one agency under its English, Russian and Chinese names', () => {
  const en = riftJson(['actors', 'FSB', '--date', '2025-06-01', '--db', join(tmp.dir, 'none.db')]);
  const fsb = en.actors[0];
  assert.equal(fsb.id, 'rus-fsb');
  assert.equal(fsb.codeOnDate, 'RUSSPY');
  assert.ok(fsb.aliases.some((a: { name: string }) => a.name === 'ФСБ'));
  assert.equal(riftJson(['actors', 'ФСБ', '--db', join(tmp.dir, 'none.db')]).actors[0].id, 'rus-fsb');
  assert.equal(riftJson(['actors', '俄罗斯联邦安全局', '--db', join(tmp.dir, 'none.db')]).actors[0].id, 'rus-fsb');
});

test('rift actors shows roles over time and the role on --date', () => {
  const out = riftJson(['actors', 'Vladimir', 'Putin', '--date', '1999-03-01', '--db', join(tmp.dir, 'none.db')]);
  assert.equal(out.actors[0].codeOnDate, 'RUSSPY');
  const text = rift(['actors', 'Putin', '--date', '2010-01-01', '--db', join(tmp.dir, 'none.db')]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /on 2010-01-01: RUSGOV \(Prime Minister\)/);
  assert.match(text.stdout, /2012-05-07 – now\s+RUSGOV\s+President/);
});

test('rift actors lists where the store mentions the actor', () => {
  const db = join(tmp.dir, 'store.db');
  const file = join(tmp.dir, 'note.txt');
  writeFileSync(file, 'The FSB accused Beijing of espionage. Chinese operatives were named by the agency.\n');
  const ingest = rift(['ingest', file, '--db', db]);
  assert.equal(ingest.status, 0, ingest.stderr);
  const out = riftJson(['actors', 'FSB', '--db', db]);
  const mentions = out.actors[0].mentions;
  assert.equal(mentions.length, 1);
  assert.equal(mentions[0].text, 'FSB');
  assert.equal(mentions[0].start, 4);
  const gov = riftJson(['actors', 'CHNGOV', '--db', db]);
  assert.equal(gov.actors[0].mentions[0]?.text, 'Beijing');
});

test('rift actors resolve shows how a text resolves on a date', () => {
  const out = riftJson(['actors', 'resolve', 'Beijing denied it; Vladimir Putin did not.', '--date', '2010-06-01']);
  assert.equal(out.date, '2010-06-01');
  const codes = out.resolutions.map((r: { text: string; code: string }) => `${r.text}=${r.code}`);
  assert.deepEqual(codes, ['Beijing=CHNGOV', 'Vladimir Putin=RUSGOV']);
  const text = rift(['actors', 'resolve', 'Moscow', 'warned', 'NATO.']);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /"Moscow".*RUSGOV/);
  assert.match(text.stdout, /"NATO".*IGOWSTNAT/);
});

test('rift actors fails clearly on an unknown name, a missing name or a bad date', () => {
  const unknown = rift(['actors', 'Xyzzy Plugh']);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /no actor named/);
  assert.notEqual(rift(['actors']).status, 0);
  const badDate = rift(['actors', 'resolve', 'Moscow', '--date', 'June 2025']);
  assert.notEqual(badDate.status, 0);
  assert.match(badDate.stderr, /YYYY-MM-DD/);
});

test('rift eval actors scores countries and people on a Reuters-style file', () => {
  const file = join(tmp.dir, 'wire.jsonl');
  const articles = [
    { title: 'JAPAN TRADE', dateline: 'TOKYO, March 3 -', body: 'Japan said its surplus with the United States grew. Prime Minister Nakasone said Japan would act.', date: '1987-03-03T10:00:00', places: ['japan', 'usa'], people: ['nakasone'] },
    { title: 'BRITISH BUDGET', dateline: 'LONDON, March 17 -', body: 'Chancellor Nigel Lawson presented the budget. Lawson cut taxes in Britain.', date: '1987-03-17T10:00:00', places: ['uk'], people: ['lawson'] },
    { title: 'COCOA', dateline: 'ACCRA, April 2 -', body: 'Ghana said cocoa output rose, and Ghana expects more.', date: '1987-04-02T10:00:00', places: ['ghana', 'west-germany'], people: [] },
  ];
  writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const out = riftJson(['eval', 'actors', file]);
  assert.equal(out.countries.documents, 3);
  // Japan (headline, dateline, body), Britain, Ghana; the US is named once in passing, so it is not
  // what the article is about; West Germany is never named
  assert.equal(out.countries.tp, 3);
  assert.equal(out.countries.fp, 0);
  assert.equal(out.countries.fn, 2);
  assert.equal(out.people.tp, 2);
  assert.equal(out.people.f1, 1);
  assert.ok(Math.abs(out.countries.f1 - 0.75) < 1e-9);
});
