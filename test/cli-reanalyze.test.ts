import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { rift, riftJson, tempDir } from './support/cli.js';
import { staleStages } from '../src/app/reanalyze.js';
import { STAGES } from '../src/app/stages.js';

test('stale stages: a version that differs, a stage that should have run, one that no longer would', () => {
  const current = { tokenizer: 'a1', ner: 'b1', actors: 'c1' };
  assert.deepEqual(staleStages({ tokenizer: 'a1', ner: 'b1', actors: 'c1' }, current), []);
  assert.deepEqual(staleStages({ tokenizer: 'a1', ner: 'b0', actors: 'c1' }, current), ['ner']);
  assert.deepEqual(staleStages({ tokenizer: 'a1', actors: 'c1' }, current), ['ner']);
  assert.deepEqual(staleStages({ tokenizer: 'a1', ner: 'b1', actors: 'c1', pos: 'd1' }, current), ['pos']);
  assert.deepEqual(staleStages(undefined, current), ['tokenizer', 'ner', 'actors'], 'no versions stored: every stage');
});

const RECORDS = [
  { text: 'Russia accused Ukraine of shelling the Zaporizhzhia plant, the foreign ministry in Moscow said on Monday.', lang: 'en', date: '2025-06-09' },
  { text: 'China and Russia held joint naval drills in the Sea of Japan, officials in Beijing said.', lang: 'en', date: '2025-06-10' },
  { text: 'The United States imposed sanctions on Iranian oil exports, the Treasury Department said.', lang: 'en', date: '2025-06-11' },
  { text: 'ФСБ считает Китай противником, говорится во внутреннем документе, который опубликовали хакеры.', lang: 'ru', date: '2025-06-09' },
];

type Row = { id: string; text: string; versions: string | null; mentions: number; events: number; claims: number };

function snapshot(db: string): Map<string, Row> {
  const sqlite = new Database(db, { readonly: true });
  const rows = sqlite
    .prepare(
      `SELECT d.id, d.text, a.versions,
         (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS mentions,
         (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events,
         (SELECT count(*) FROM claims c WHERE c.doc_id = d.id) AS claims
       FROM documents d JOIN analyses a ON a.doc_id = d.id`,
    )
    .all() as Row[];
  sqlite.close();
  return new Map(rows.map((r) => [r.text.slice(0, 12), r]));
}

test('rift reanalyze re-runs the documents whose stored versions are stale, all stages or one, and replaces their rows', () => {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'reports.jsonl');
    writeFileSync(file, RECORDS.map((r) => JSON.stringify(r)).join('\n'));
    const db = join(dir, 'r.db');
    riftJson(['ingest', file, '--db', db, '--workers', '1']);
    const fresh = snapshot(db);
    const [accused, drills, sanctions, fsb] = [...fresh.values()].sort((a, b) => RECORDS.findIndex((r) => r.text.startsWith(a.text.slice(0, 12))) - RECORDS.findIndex((r) => r.text.startsWith(b.text.slice(0, 12))));
    assert.deepEqual(JSON.parse(accused!.versions!), STAGES.versionsFor('en'), 'an analysis stores the versions that made it');
    assert.deepEqual(JSON.parse(fsb!.versions!), STAGES.versionsFor('ru'));
    assert.ok(accused!.events > 0 && accused!.claims > 0 && accused!.mentions > 0);

    const upToDate = riftJson(['reanalyze', '--db', db]);
    assert.equal(upToDate.documents, 4);
    assert.equal(upToDate.stale, 0);

    // as if: the NER model changed since the first document was analysed (and its rows were lost), the tagger
    // since the second, and the Russian one was analysed before versions were recorded
    const sqlite = new Database(db);
    sqlite.prepare(`UPDATE analyses SET versions = json_set(versions, '$.ner', 'older') WHERE doc_id = ?`).run(accused!.id);
    sqlite.prepare('DELETE FROM claims WHERE doc_id = ?').run(accused!.id);
    sqlite.prepare('DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)').run(accused!.id);
    sqlite.prepare('DELETE FROM events WHERE doc_id = ?').run(accused!.id);
    sqlite.prepare('DELETE FROM mentions WHERE doc_id = ?').run(accused!.id);
    sqlite.prepare(`UPDATE analyses SET versions = json_set(versions, '$.pos', 'older') WHERE doc_id = ?`).run(drills!.id);
    sqlite.prepare(`UPDATE analyses SET versions = '{}' WHERE doc_id = ?`).run(fsb!.id);
    sqlite.close();

    const nerOnly = riftJson(['reanalyze', '--db', db, '--stage', 'ner', '--workers', '1']);
    assert.deepEqual([nerOnly.stale, nerOnly.reanalyzed, nerOnly.failed.length], [1, 1, 0]);
    assert.deepEqual(nerOnly.staleStages, { ner: 1 });
    let now = snapshot(db);
    assert.deepEqual(now.get(accused!.text.slice(0, 12)), accused, 'the stale document is re-run: its rows are back, its versions current');
    assert.equal(now.get(drills!.text.slice(0, 12))!.versions, JSON.stringify({ ...JSON.parse(drills!.versions!), pos: 'older' }), '--stage ner leaves a stale tagger alone');

    const all = riftJson(['reanalyze', '--db', db, '--workers', '1', '--batch-size', '1']);
    assert.deepEqual([all.documents, all.stale, all.reanalyzed], [4, 2, 2]);
    assert.deepEqual(all.staleStages, { pos: 1, tokenizer: 1, sentences: 1, 'values-ru': 1, actors: 1, 'events-ru': 1, credibility: 1 });
    now = snapshot(db);
    for (const before of [accused, drills, sanctions, fsb]) assert.deepEqual(now.get(before!.text.slice(0, 12)), before);

    const again = riftJson(['reanalyze', '--db', db]);
    assert.equal(again.stale, 0);
    const human = rift(['reanalyze', '--db', db]);
    assert.equal(human.status, 0, human.stderr);
    assert.match(human.stdout, /all 4 documents .* are up to date/);
  } finally {
    cleanup();
  }
});

test('rift reanalyze refuses an unknown stage and a missing store', () => {
  const { dir, cleanup } = tempDir();
  try {
    const unknown = rift(['reanalyze', '--stage', 'nope', '--db', join(dir, 'x.db')]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /no document stage named "nope" \(stages: tokenizer, sentences/);
    const missing = rift(['reanalyze', '--db', join(dir, 'missing.db')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no store at .*missing\.db/);
  } finally {
    cleanup();
  }
});
