import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPipeline } from '../src/app/pipeline.js';
import { analyzeInWindows, sentenceWindows } from '../src/pipeline/windows.js';
import { testDocument } from './support/server.js';

const REPORT = [
  'Russian and Chinese ships held joint drills in the Pacific on Tuesday, the defence ministry in Moscow said.',
  'Beijing denied the report on Wednesday and accused Washington of spreading rumours.',
  'The FSB memo, obtained by The New York Times, calls China "the enemy".',
  'Officials said trade between the two countries reached $240 billion in 2023.',
].join(' ');

test('sentence windows cover the text, stay under the limit and end where sentences end', () => {
  const text = (REPORT + '\n\n').repeat(40);
  const windows = sentenceWindows(text, 1000);
  assert.equal(windows[0].start, 0);
  assert.equal(windows.at(-1)!.end, text.length);
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i];
    assert.ok(w.end - w.start <= 1000 && w.end > w.start);
    if (i) assert.equal(w.start, windows[i - 1].end);
    if (i) assert.match(text.slice(w.start, w.start + 12), /^(Russian|Beijing|The FSB|Officials)/, `window ${i} starts mid-sentence: ${text.slice(w.start, w.start + 30)}`);
  }
  // A text without sentence ends or spaces is still cut, never inside a surrogate pair.
  const dense = '𝔸'.repeat(1000);
  const cut = sentenceWindows(dense, 101);
  assert.deepEqual(cut.map((w) => w.end - w.start).slice(0, 3), [100, 100, 100]);
  assert.equal(cut.reduce((n, w) => n + (w.end - w.start), 0), dense.length);
  assert.deepEqual(sentenceWindows('short', 1000), [{ start: 0, end: 5 }]);
});

test('a long text analysed in windows: every span points into the whole text at the words it names', async () => {
  const pipeline = await loadPipeline();
  const text = Array.from({ length: 12 }, (_, i) => `Report ${i}. ${REPORT}`).join('\n\n');
  const document = testDocument(text, { publishedAt: '2025-06-12' });
  const whole = pipeline.analyze(document);
  const windowed = analyzeInWindows(pipeline, document, 1200);
  assert.deepEqual(windowed.stages, whole.stages);
  assert.equal(windowed.tokens.count, whole.tokens.count, 'the same tokens');
  assert.deepEqual(Array.from(windowed.tokens.starts.slice(0, windowed.tokens.count)), Array.from(whole.tokens.starts.slice(0, whole.tokens.count)));
  assert.equal(windowed.pos?.length, windowed.tokens.count);
  for (let i = 1; i < windowed.sentences.length; i++) assert.ok(windowed.sentences[i].start >= windowed.sentences[i - 1].end);
  for (const s of windowed.sentences) {
    assert.equal(windowed.tokens.starts[s.tokenStart], s.start);
    assert.equal(windowed.tokens.ends[s.tokenEnd - 1], s.end);
  }
  for (const m of windowed.mentions) assert.equal(text.slice(m.start, m.end), m.text);
  for (const q of windowed.quantities) assert.equal(text.slice(q.start, q.end), q.text);
  for (const t of windowed.times) assert.equal(text.slice(t.start, t.end), t.text);
  for (const r of windowed.resolutions) assert.equal(text.slice(r.start, r.end), r.text);
  // Nearly the same mentions as in one go: no fact spans two windows here, but the entity model
  // (OntoNotes, since main's ner merge) may tag a name differently without the text before its window.
  assert.ok(Math.abs(windowed.mentions.length - whole.mentions.length) <= Math.ceil(whole.mentions.length * 0.05), `${windowed.mentions.length} mentions in windows, ${whole.mentions.length} in one go`);
  assert.ok(windowed.events.length > 0);
  for (const e of windowed.events) {
    assert.ok(e.evidence.start >= 0 && e.evidence.end <= text.length);
    if (e.trigger) assert.ok(e.trigger.start >= e.evidence.start && e.trigger.end <= e.evidence.end, 'the trigger lies in the evidence');
  }
  assert.equal(new Set(windowed.events.map((e) => e.id)).size, windowed.events.length, 'event ids stay unique across windows');
  assert.equal(new Set(windowed.claims.map((c) => c.id)).size, windowed.claims.length);
  for (const c of windowed.claims) assert.ok(windowed.events.some((e) => e.id === c.eventId));
  assert.equal(new Set(windowed.actors.map((a) => a.id)).size, windowed.actors.length, 'one entry per actor');
  assert.deepEqual(analyzeInWindows(pipeline, document, text.length), whole, 'a text within one window is analysed as it is');
});
