import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Analysis, Channel, Claim, Event } from '../src/model/index.js';
import { emptyAnalysis } from '../src/pipeline/pipeline.js';
import { icdWord } from '../src/events/claims/index.js';
import { loadStage, runStages } from './support/stages.js';

const modality = await loadStage('modality');
const claims = await loadStage('claims');
import { testDocument } from './support/documents.js';

function analysisOf(text: string, outlet = 'Test Wire'): Analysis {
  return emptyAnalysis(testDocument(text, { id: 'doc-1', outlet }));
}

function eventAt(text: string, trigger: string, from = 0): Event {
  const start = text.indexOf(trigger, from);
  assert.ok(start >= 0, `"${trigger}" not in text`);
  return {
    id: `e-${start}`,
    evidence: { start, end: start + trigger.length },
    trigger: { start, end: start + trigger.length },
    sources: [], targets: [],
    ploverType: 'ASSAULT', cameo: '190', goldstein: -10, quadClass: 4,
    modality: 'asserted', confidence: 1, time: { from: '2025-06-01', to: '2025-06-01', precision: 'day', basis: 'report' },
  };
}

/** Runs modality then claims over the events found at `triggers`; returns the claims in order. */
function claimsOf(text: string, triggers: string[], setup?: (a: Analysis) => void): { a: Analysis; claims: Claim[] } {
  const a = analysisOf(text);
  setup?.(a);
  for (const t of triggers) a.events.push(eventAt(text, t));
  runStages(a, [modality, claims]);
  return { a, claims: a.claims };
}

function only(text: string, trigger: string, setup?: (a: Analysis) => void): Claim {
  const { claims } = claimsOf(text, [trigger], setup);
  assert.equal(claims.length, 1);
  return claims[0];
}

const CHANNELS: [Channel, string, string][] = [
  ['public-statement', 'Lavrov said at a press conference that NATO troops entered Moldova.', 'entered'],
  ['public-statement', 'The defence minister told reporters that the army repelled the attack.', 'repelled'],
  ['public-statement', 'In a statement, the ministry said troops withdrew from the border.', 'withdrew'],
  ['leaked-document', 'A leaked memo says the ministry ordered the purge.', 'ordered'],
  ['private-document', 'A confidential document states that the agency recruited informants.', 'recruited'],
  ['private-document', 'The memo warns that Chinese agents recruited scientists.', 'recruited'],
  ['intelligence-assessment', 'Western intelligence agencies assessed that Russia moved missiles to the border.', 'moved'],
  ['anonymous-source', 'Officials who spoke on condition of anonymity said Iran supplied the drones.', 'supplied'],
  ['anonymous-source', 'Sources say Beijing delayed the shipment.', 'delayed'],
  ['journalist', 'Russian forces shelled Kharkiv on Monday.', 'shelled'],
];

for (const [channel, text, trigger] of CHANNELS) {
  test(`channel: ${channel} — ${text}`, () => {
    assert.equal(only(text, trigger).channel, channel);
  });
}

test('the journalist speaks: speaker and chain are the outlet', () => {
  const c = only('Russian forces shelled Kharkiv on Monday.', 'shelled');
  assert.equal(c.speaker, 'outlet:Test Wire');
  assert.deepEqual(c.attributionChain, ['outlet:Test Wire']);
  const unknown = emptyAnalysis(testDocument('Troops crossed the river.', { id: 'd' }));
  unknown.events.push(eventAt(unknown.document.text, 'crossed'));
  runStages(unknown, [claims]);
  assert.equal(unknown.claims[0].speaker, 'outlet:unknown');
});

test('the speaker is the actor code the resolver put on the source', () => {
  const text = 'Lavrov said at a press conference that NATO troops entered Moldova.';
  const c = only(text, 'entered', (a) => {
    a.resolutions.push({ start: 0, end: 6, text: 'Lavrov', actorId: 'sergey-lavrov', code: 'RUSGOV', method: 'alias', confidence: 1 });
  });
  assert.equal(c.speaker, 'RUSGOV');
  assert.deepEqual(c.attributionChain, ['outlet:Test Wire', 'RUSGOV']);
  assert.ok(c.cues.some((s) => text.slice(s.start, s.end) === 'said'));
});

test('a document speaks: the chain runs outlet → document, and a generic head points back to the memo', () => {
  const text = 'A memo from the security service has surfaced. The document, written in 2023, warns of espionage. Chinese agents allegedly recruited scientists.';
  const { claims } = claimsOf(text, ['espionage', 'recruited']);
  assert.deepEqual(claims[0].attributionChain, ['outlet:Test Wire', 'document:memo']);
  assert.deepEqual(claims[1].attributionChain, ['outlet:Test Wire', 'document:memo'], 'the hedged sentence inherits the attribution before it');
  assert.equal(claims[1].speaker, 'document:memo');
  assert.equal(claims[1].channel, 'private-document');
});

test('an unhedged sentence does not inherit the previous attribution, nor does the next paragraph', () => {
  const text = 'The memo warns of espionage. Russian troops crossed the river.\nChinese agents allegedly recruited scientists.';
  const { claims } = claimsOf(text, ['crossed', 'recruited']);
  assert.deepEqual(claims[0].attributionChain, ['outlet:Test Wire']);
  assert.deepEqual(claims[1].attributionChain, ['outlet:Test Wire']);
});

/** A resolution of `name` (its first occurrence) to an actor with that code. */
const resolve = (name: string, code: string, actorId = code) => (a: Analysis) => {
  const start = a.document.text.indexOf(name);
  a.resolutions.push({ start, end: start + name.length, text: name, actorId, code, method: 'alias', confidence: 1 });
  a.actors.push({ id: actorId, name, kind: 'government', aliases: [{ name }], roles: [{ code }] });
};

test('nested attribution: outermost first', () => {
  const c = only('Reuters reported that the memo says troops withdrew.', 'withdrew', resolve('Reuters', 'MED', 'reuters'));
  assert.deepEqual(c.attributionChain, ['outlet:Test Wire', 'MED', 'document:memo']);
  const tag = only('Troops withdrew from the town, the memo says, officials said.', 'withdrew');
  assert.equal(tag.attributionChain[0], 'outlet:Test Wire');
});

test('a closing speech tag attributes the sentence', () => {
  const c = only('Russian forces seized the town, Ukrainian officials said.', 'seized', resolve('Ukrainian officials', 'UKRGOV'));
  assert.deepEqual(c.attributionChain, ['outlet:Test Wire', 'UKRGOV']);
  assert.equal(c.channel, 'public-statement');
  // The speaker is found after the statement with a present-tense verb too: "…, FSB officers claim".
  const claim = only('Chinese agents are monitoring military operations, FSB officers claim.', 'monitoring', resolve('FSB', 'RUSSPY', 'rus-fsb'));
  assert.deepEqual(claim.attributionChain, ['outlet:Test Wire', 'RUSSPY']);
  assert.equal(claim.speaker, 'RUSSPY');
});

test('certainty: allegedly lowers, confirmed raises, negation makes it almost no chance', () => {
  const plain = only('Russian forces shelled the port.', 'shelled');
  const alleged = only('Russian forces allegedly shelled the port.', 'shelled');
  const confirmed = only('The ministry confirmed that Russian forces shelled the port.', 'shelled');
  const negated = only('Russian forces did not shell the port.', 'shell');
  const hypothetical = only('Russian forces could shell the port.', 'shell');
  assert.ok(alleged.certainty < plain.certainty, `${alleged.certainty} < ${plain.certainty}`);
  assert.ok(confirmed.certainty > only('The ministry said that Russian forces shelled the port.', 'shelled').certainty);
  assert.equal(negated.icd, 'almost no chance');
  assert.ok(hypothetical.certainty < 0.5);
  assert.equal(plain.icd, icdWord(plain.certainty));
  const probably = only('Russian forces probably shelled the port.', 'shelled');
  assert.equal(probably.icd, 'likely');
});

test('ICD 203 words follow its ranges', () => {
  assert.equal(icdWord(0.02), 'almost no chance');
  assert.equal(icdWord(0.1), 'very unlikely');
  assert.equal(icdWord(0.3), 'unlikely');
  assert.equal(icdWord(0.5), 'roughly even chance');
  assert.equal(icdWord(0.7), 'likely');
  assert.equal(icdWord(0.9), 'very likely');
  assert.equal(icdWord(0.97), 'almost certain');
});

test('claims are deterministic and point at their event and evidence', () => {
  const text = 'Sources say Beijing delayed the shipment. Troops crossed the river.';
  const first = claimsOf(text, ['delayed', 'crossed']).claims;
  const second = claimsOf(text, ['delayed', 'crossed']).claims;
  assert.deepEqual(first, second);
  assert.notEqual(first[0].id, first[1].id);
  assert.equal(first[0].eventId, `e-${text.indexOf('delayed')}`);
  assert.deepEqual(first[1].evidence, { start: text.indexOf('crossed'), end: text.indexOf('crossed') + 7 });
  for (const c of first) for (let i = 1; i < c.cues.length; i++) assert.ok(c.cues[i - 1].start <= c.cues[i].start);
});

test('no events, no claims; no cue scanning needed', () => {
  const a = analysisOf('Nothing happened.');
  runStages(a, [modality, claims]);
  assert.deepEqual(a.claims, []);
});

test('an accuser in the sentence is its source; the previous sentence is not inherited', () => {
  const text = 'South Korea’s military said planes entered its zone. Japan accused China of targeting its aircraft.';
  const { claims, a } = claimsOf(text, ['targeting'], resolve('Japan', 'JPN'));
  assert.equal(a.events[0].modality, 'alleged');
  assert.deepEqual(claims[0].attributionChain, ['outlet:Test Wire', 'JPN']);
});

test('a provisional actor (code UNK) speaks under its actor id', () => {
  const text = 'Larin said that Moscow delayed the talks.';
  const c = only(text, 'delayed', (a) => {
    a.resolutions.push({ start: 0, end: 5, text: 'Larin', actorId: 'larin', code: 'UNK', method: 'provisional', confidence: 0.5 });
  });
  assert.equal(c.speaker, 'larin');
});

test('auxiliaries and adverbs after the subject are not part of the speaker', () => {
  assert.deepEqual(only('The memo also says that troops withdrew.', 'withdrew').attributionChain, ['outlet:Test Wire', 'document:memo']);
  assert.deepEqual(only('Ukrainian officials have repeatedly warned that Russia shelled the plant.', 'shelled', resolve('Ukrainian officials', 'UKRGOV')).attributionChain, [
    'outlet:Test Wire',
    'UKRGOV',
  ]);
  // "…, also said": the adverb stands between an aside and the verb.
  const text = 'Liu Wei, the transport minister, also said that the two sides reached a deal.';
  assert.deepEqual(only(text, 'reached', resolve('Liu Wei', 'CHNGOV', 'liu-wei')).attributionChain, ['outlet:Test Wire', 'CHNGOV']);
});

test('speakers are actors, documents or the outlet, never a bare phrase', () => {
  // Nobody the analysis knows: the outlet reports it, through the channel the phrase names.
  const unnamed = only('Russian forces seized the town, sources said.', 'seized');
  assert.deepEqual(unnamed.attributionChain, ['outlet:Test Wire']);
  assert.equal(unnamed.channel, 'anonymous-source');
  // A pronoun speaks for the last actor of its kind.
  const pronoun = only('Kremlin officials met on Monday. It said troops withdrew.', 'withdrew', resolve('Kremlin', 'RUSGOV'));
  assert.deepEqual(pronoun.attributionChain, ['outlet:Test Wire', 'RUSGOV']);
});

test('chains: "according to a memo obtained by X", "the memo, seen by X, says", "the document states"', () => {
  const obtained = only('According to a memo obtained by the New York Times, Chinese agents recruited scientists.', 'recruited', resolve('New York Times', 'MED', 'new-york-times'));
  assert.deepEqual(obtained.attributionChain, ['outlet:Test Wire', 'MED', 'document:memo']);
  const seen = only('The memo, seen by the New York Times, says that Chinese agents recruited scientists.', 'recruited', resolve('New York Times', 'MED', 'new-york-times'));
  assert.deepEqual(seen.attributionChain, ['outlet:Test Wire', 'MED', 'document:memo']);
  const states = only('The document states that Chinese agents recruited scientists.', 'recruited');
  assert.deepEqual(states.attributionChain, ['outlet:Test Wire', 'document:document']);
  const alleges = only('The report alleges that Chinese agents recruited scientists.', 'recruited');
  assert.deepEqual(alleges.attributionChain, ['outlet:Test Wire', 'document:report']);
});

test('with part-of-speech tags, a noun that looks like a reporting verb is not one', () => {
  const text = 'Academics pressed territorial claims as agents conducted reconnaissance.';
  const c = only(text, 'conducted', (a) => {
    const words = text.match(/\S+?(?=[\s.]|$)|\./g)!;
    let at = 0;
    const starts: number[] = [];
    const ends: number[] = [];
    for (const w of words) {
      const s = text.indexOf(w, at);
      starts.push(s);
      ends.push(s + w.length);
      at = s + w.length;
    }
    a.tokens = { count: words.length, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends) };
    a.pos = ['NNS', 'VBD', 'JJ', 'NNS', 'IN', 'NNS', 'VBD', 'NN', '.'];
  });
  assert.deepEqual(c.attributionChain, ['outlet:Test Wire']);
  assert.equal(c.channel, 'journalist');
});

test('a post-modifier does not hide the head of the source', () => {
  const c = only('A planning memo obtained by the newspaper detailed plans for countering espionage.', 'countering');
  assert.deepEqual(c.attributionChain, ['outlet:Test Wire', 'document:memo']);
});

test('a parenthetical between the speaker and the saying verb: "Lavrov (speaking in Minsk) said"', () => {
  const text = 'Lavrov (speaking in Minsk) said that NATO troops entered Moldova.';
  const c = only(text, 'entered', (a) => {
    a.resolutions.push({ start: 0, end: 6, text: 'Lavrov', actorId: 'sergey-lavrov', code: 'RUSGOV', method: 'alias', confidence: 1 });
  });
  assert.equal(c.speaker, 'RUSGOV');
  assert.deepEqual(c.attributionChain, ['outlet:Test Wire', 'RUSGOV']);
});
