// Builds the event coder's tables under data/events/ from ../shared/data (see data/events/SOURCES.md):
//   cameo.json            CAMEO codes with label, Goldstein score, QuadClass, PLOVER type/mode/context
//   verbs.json            the CAMEO 2.0 verb patterns (MIT) in our compact format
// The coder's actors and agent nouns come from the actor dictionary (data/actors, scripts/train/20-actors.js).
// Reads: data/events/cameo/*, data/events/plover/CAMEO2PLOVER-2021.txt.
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(process.env.RIFT_SHARED ?? join(root, '../shared'));
const out = join(root, 'data/events');
const need = [
  'data/events/cameo/CAMEO.eventcodes.txt',
  'data/events/cameo/CAMEO.goldsteinscale.txt',
  'data/events/cameo/CAMEO.2.0.verbs.txt',
  'data/events/plover/CAMEO2PLOVER-2021.txt',
];
const missing = need.filter((p) => !existsSync(join(shared, p)));
if (missing.length) {
  console.log(`30-events: skipped, shared data not found: ${missing.join(', ')} (set RIFT_SHARED)`);
  process.exit(0);
}
const read = (p) => readFileSync(join(shared, p), 'utf8');
const { parsePetrarchVerbs } = await import(join(root, 'dist/src/events/dictionaries/petrarch-verbs.js'));
mkdirSync(out, { recursive: true });

// ---- CAMEO codes, Goldstein, PLOVER ----
const tsv = (text) =>
  text
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((c) => c.length >= 2 && /^\d+$/.test(c[0].trim()));
const labels = new Map(tsv(read('data/events/cameo/CAMEO.eventcodes.txt')).map(([c, l]) => [c.trim(), l.trim()]));
const goldstein = new Map(tsv(read('data/events/cameo/CAMEO.goldsteinscale.txt')).map(([c, g]) => [c.trim(), Number(g)]));
const plover = new Map();
for (const raw of read('data/events/plover/CAMEO2PLOVER-2021.txt').split(/\r?\n/)) {
  if (raw.startsWith('~')) break;
  const line = raw.split('#')[0].trim();
  const m = /^(\d{3,4}):\s*([A-Z]+)\s*,([^,]*),?(.*)$/.exec(line);
  if (!m || plover.has(m[1])) continue;
  plover.set(m[1], { type: m[2], mode: m[3].trim(), context: m[4].trim().replace(/\s*;\s*/g, ';') });
}
// CAMEO roots 01 and 02 have no line in the 2021 table: our own mapping (docs/decisions/0400-event-coder.md).
// 015 (claim responsibility) as AGREE and 016 as REJECT, as the PLOVER manual suggests for those who code them.
const own = {
  '012': ['ACCUSE', 'disapprove'], '015': ['AGREE', ''], '016': ['REJECT', ''], '018': ['SUPPORT', ''], '019': ['AGREE', ''],
  '020': ['REQUEST', ''], '021': ['REQUEST', 'assist'], '022': ['REQUEST', 'assist'], '023': ['REQUEST', 'assist'],
  '024': ['REQUEST', 'change'], '025': ['REQUEST', 'yield'], '026': ['REQUEST', 'meet'], '027': ['REQUEST', 'meet'],
  '028': ['REQUEST', 'meet'],
};
for (const [code, [type, mode]] of Object.entries(own)) if (!plover.has(code)) plover.set(code, { type, mode, context: '' });
const quad = (code) => {
  const r = Number(code.slice(0, 2));
  return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
};
const inherit = (map, code) => {
  for (let c = code; c.length >= 3; c = c.slice(0, -1)) if (map.has(c)) return map.get(c);
  return undefined;
};
const codes = {};
for (const [code, label] of labels) {
  if (code.length < 3) continue;
  const p = inherit(plover, code);
  const g = goldstein.get(code) ?? inherit(goldstein, code);
  codes[code] = [label, g ?? 0, quad(code), p?.type ?? '', p?.mode ?? '', p?.context ?? ''];
}
writeFileSync(
  join(out, 'cameo.json'),
  JSON.stringify({ fields: ['label', 'goldstein', 'quadClass', 'ploverType', 'ploverMode', 'ploverContext'], codes }) + '\n',
);
console.log(`cameo.json: ${Object.keys(codes).length} codes, ${Object.values(codes).filter((c) => c[3]).length} with a PLOVER type`);

// ---- verb patterns ----
const verbs = parsePetrarchVerbs(read('data/events/cameo/CAMEO.2.0.verbs.txt'));
writeFileSync(join(out, 'verbs.json'), JSON.stringify(verbs) + '\n');
const patternCount = verbs.blocks.reduce((n, b) => n + b[1].length, 0);
console.log(`verbs.json: ${Object.keys(verbs.verbs).length} verb forms, ${verbs.blocks.length} blocks, ${patternCount} patterns`);
