import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadPipeline } from '../src/app/pipeline.js';
import type { Analysis, Document } from '../src/model/index.js';
import { settleLanguage } from '../src/ingest/language.js';
import { readLexicon } from '../src/events/lang/lexicon.js';
import { segmentChinese } from '../src/events/lang/zh.js';
import { sharedFile } from './support/cli.js';
import { testDocument } from './support/documents.js';

async function analyze(text: string, language: string): Promise<Analysis> {
  const pipeline = await loadPipeline();
  return pipeline.analyze(testDocument(text, { id: 'x', language, publishedAt: '2025-06-09T00:00:00Z' }));
}

/** Each event as "TYPE cameo SOURCES>TARGETS modality «trigger»". */
function events(a: Analysis): string[] {
  const text = a.document.text;
  return a.events.map((e) => `${e.ploverType} ${e.cameo} ${e.sources.join(',')}>${e.targets.join(',')} ${e.modality} «${text.slice(e.trigger!.start, e.trigger!.end)}»`);
}

test('Russian: who calls whom an enemy, read from the case-marking prepositions and the passive', async () => {
  assert.deepEqual(events(await analyze('ФСБ называет Китай угрозой безопасности России.', 'ru')), ['ACCUSE 111 RUSSPY>CHN asserted «называет»']);
  // "in the FSB they call": the locative names the speaker; the passive makes the subject the target
  assert.deepEqual(events(await analyze('В ФСБ называют Пекин врагом.', 'ru')), ['ACCUSE 111 RUSSPY>CHNGOV asserted «называют»']);
  assert.deepEqual(events(await analyze('В ФСБ Китай назван врагом.', 'ru')), ['ACCUSE 111 RUSSPY>CHN asserted «назван»']);
  // called, but not an enemy: no accusation
  assert.deepEqual(events(await analyze('Путин назвал Си Цзиньпина другом.', 'ru')), []);
});

test('Russian: modality and attribution from negation, hedges, "по данным" and verbs of saying', async () => {
  const reported = await analyze('Как утверждает ФСБ, Китай шпионит за российской армией.', 'ru');
  assert.deepEqual(events(reported), ['COERCE 170 CHN>RUSMIL reported «шпионит»']);
  assert.deepEqual(reported.claims[0]!.attributionChain, ['outlet:unknown', 'rus-fsb']);
  assert.equal(reported.claims[0]!.channel, 'intelligence-assessment');
  assert.deepEqual(events(await analyze('Китай не шпионит за Россией.', 'ru')), ['COERCE 170 CHN>RUS negated «шпионит»']);
  assert.deepEqual(events(await analyze('Китайские спецслужбы якобы пытаются завербовать российских учёных.', 'ru')), ['COERCE 170 CHNSPY>RUSEDU alleged «завербовать»']);
  const quoted = await analyze('По данным NYT, ФСБ в своём внутреннем документе называет Китай противником.', 'ru');
  assert.equal(quoted.events[0]?.modality, 'reported');
  assert.equal(quoted.claims[0]?.channel, 'private-document', 'the document cue names the channel');
});

test('Russian: meetings, signatures and trade are reciprocal, with the amount the sentence gives', async () => {
  const met = await analyze('Путин и Си Цзиньпин провели переговоры в Москве.', 'ru');
  assert.equal(met.events[0]?.ploverType, 'CONSULT');
  assert.equal(met.events[0]?.reciprocal, true);
  assert.deepEqual([...met.events[0]!.sources].sort(), ['CHNGOV', 'RUSGOV']);
  const trade = await analyze('Товарооборот между Россией и Китаем в 2023 году достиг 240 млрд долларов.', 'ru');
  assert.deepEqual(events(trade), ['COOPERATE 061 RUS,CHN>RUS,CHN asserted «Товарооборот»']);
  const { start, end, ...amount } = trade.events[0]!.amount!;
  assert.deepEqual(amount, { value: 240e9, currency: 'USD', text: '240 млрд долларов' });
  assert.equal(trade.events[0]!.evidence && 'Товарооборот между Россией и Китаем в 2023 году достиг 240 млрд долларов.'.slice(start, end), '240 млрд долларов');
  assert.deepEqual(trade.events[0]!.time, { from: '2023-01-01', to: '2023-12-31', precision: 'year', basis: 'event' });
});

test('Chinese: 将/把 put the target before the verb, 被 the source; 称 inside 简称 is no statement', async () => {
  assert.deepEqual(events(await analyze('俄罗斯情报部门将中国称为“敌人”。', 'zh')), ['ACCUSE 111 RUSSPY>CHN asserted «称为»']);
  assert.deepEqual(events(await analyze('中国被俄联邦安全局视为威胁。', 'zh')), ['ACCUSE 111 RUSSPY>CHN asserted «视为»']);
  assert.deepEqual(events(await analyze('美国指责中国窃取技术。', 'zh')).slice(0, 1), ['ACCUSE 111 USA>CHN asserted «指责»']);
  const abbreviated = await analyze('俄罗斯国内安全机构(简称FSB)的一个部门将中国人称为“敌人”。', 'zh');
  assert.deepEqual(events(abbreviated), ['ACCUSE 111 RUSSPY>CHN asserted «称为»']);
});

test('Chinese: 据…报道 and 称 report, 据称 alleges, 否认 denies, 不 negates; traditional script reads the same', async () => {
  const reported = await analyze('据俄罗斯联邦安全局报道，中国监视俄罗斯军队。', 'zh');
  assert.equal(reported.events[0]?.modality, 'reported');
  assert.deepEqual(reported.claims[0]?.attributionChain, ['outlet:unknown', 'rus-fsb']);
  assert.equal((await analyze('据称中国招募俄罗斯科学家。', 'zh')).events[0]?.modality, 'alleged');
  assert.equal((await analyze('中国否认监视俄罗斯军队。', 'zh')).events.find((e) => e.cameo === '170')?.modality, 'denied');
  assert.equal((await analyze('中国没有监视俄罗斯军队。', 'zh')).events[0]?.modality, 'negated');
  assert.deepEqual(events(await analyze('俄羅斯情報部門將中國稱為敵人。', 'zh')), ['ACCUSE 111 RUSSPY>CHN asserted «稱為»']);
});

test('Chinese: meetings and trade between two named together are reciprocal', async () => {
  const met = await analyze('普京与习近平在莫斯科会晤。', 'zh');
  assert.equal(met.events[0]?.ploverType, 'CONSULT');
  assert.deepEqual([...met.events[0]!.sources].sort(), ['CHNGOV', 'RUSGOV']);
  const trade = await analyze('2023年中俄贸易额达到2400亿美元。', 'zh');
  assert.deepEqual(trade.events[0]?.amount, { start: 12, end: 19, value: 240e9, currency: 'USD', text: '2400亿美元' });
  assert.deepEqual(trade.events[0]?.time, { from: '2023-01-01', to: '2023-12-31', precision: 'year', basis: 'event' });
});

test('Chinese segmentation: lexicon words longest first, names whole, Latin runs whole', () => {
  const lexicon = readLexicon('zh');
  const text = '但在FSB总部，一个部门将中国称为敌人，简称不过如此';
  const names = [{ start: text.indexOf('中国'), end: text.indexOf('中国') + 2 }];
  const words = segmentChinese(text, 0, text.length, lexicon, names).map((w) => text.slice(w.start, w.end));
  assert.deepEqual(words.slice(0, 3), ['但', '在', 'FSB']);
  assert.ok(words.includes('中国') && words.includes('称为') && words.includes('简称') && words.includes('不过'), words.join('|'));
});

test('one-character Chinese abbreviations name a country only where bound: 中俄, 美媒, not 文件中 or 其中', async () => {
  const codes = (a: Analysis) => a.resolutions.map((r) => `${r.text}=${r.code}`);
  assert.deepEqual(codes(await analyze('中俄关系；美媒称；文件中提到其中一个部门', 'zh')), ['中=CHN', '俄=RUS', '美=USA']);
});

interface CorpusRecord {
  id: string;
  group: string;
  lang: string;
  date: string | null;
  outlet: string;
  text: string;
}

const corpus = sharedFile('corpus/news/articles.jsonl');

test('the Russian and Chinese reports of the memo story get an accusation with the FSB as source and China as target', { skip: corpus ? false : 'shared/corpus not found (set RIFT_SHARED)' }, async () => {
  const pipeline = await loadPipeline();
  const records = readFileSync(corpus!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CorpusRecord)
    .filter((r) => r.group === 'A' && (r.lang === 'ru' || r.lang === 'zh'));
  const found: Record<string, boolean> = {};
  for (const r of records) {
    const document: Document = testDocument(r.text, { id: r.id, outlet: r.outlet, publishedAt: r.date && r.date.length === 10 ? `${r.date}T00:00:00Z` : undefined });
    await settleLanguage(document); // the detector's language, as ingest settles it
    const a = pipeline.analyze(document);
    assert.ok(a.stages.includes(`events-${r.lang}`), `${r.id}: ${a.stages.join(',')}`);
    found[r.id] = a.events.some((e) => e.ploverType === 'ACCUSE' && e.sources.includes('RUSSPY') && e.targets.some((t) => t === 'CHN' || t === 'CHNGOV'));
    for (const e of a.events) assert.ok(a.claims.some((c) => c.eventId === e.id), `${r.id}: every event has its claim`);
  }
  const russian = records.filter((r) => r.lang === 'ru').map((r) => r.id);
  const chinese = records.filter((r) => r.lang === 'zh').map((r) => r.id);
  assert.ok(russian.length >= 3 && chinese.length >= 4, `${russian.length} Russian, ${chinese.length} Chinese reports`);
  // Every Russian report; the Chinese reports that name an intelligence service as the one naming China an enemy
  // (A001, a machine-paraphrased copy, garbles the service to "俄罗斯谍报部分" and gets Russia as the source).
  assert.deepEqual(russian.filter((id) => !found[id]), [], 'Russian reports without the accusation');
  assert.deepEqual(chinese.filter((id) => !found[id]), ['A001'], 'Chinese reports without the accusation');
});

test('Russian: a verb of saying that is also a trigger codes its event; a trailing tag names its speaker; по словам X stops at the comma', async () => {
  assert.deepEqual(events(await analyze('Песков заявил, что Россия не считает Китай угрозой.', 'ru')), ['ACCUSE 111 RUS>CHN negated «считает»']);
  const tagged = await analyze('США обвиняют Китай в поставках оружия России, заявил Лавров.', 'ru');
  assert.deepEqual(events(tagged), ['ACCUSE 112 USA>CHN reported «обвиняют»']);
  assert.deepEqual(tagged.claims[0]!.attributionChain, ['outlet:unknown', 'sergey-lavrov']);
  const unnamed = await analyze('По словам пресс-секретаря, Путин встретится с Си Цзиньпином.', 'ru');
  assert.deepEqual(unnamed.claims[0]!.attributionChain, ['outlet:unknown'], 'the speaker is not the first actor after the comma');
});

test('Chinese: a noun trigger after X的 has X as its source', async () => {
  assert.deepEqual(events(await analyze('外交部发言人表示，中方坚决反对美方的无端指责。', 'zh')), ['ACCUSE 111 USA> reported «指责»']);
});

test('an agent noun after a sentence break is no sector of the country before it', async () => {
  const a = await analyze('Пекин готовит претензии к Кремлю. Спецслужбы считают КНР угрозой.', 'ru');
  assert.ok(!a.resolutions.some((r) => r.text.includes('.')), a.resolutions.map((r) => r.text).join('|'));
  const en = await analyze('Talks stalled with China. Officials say nothing changed. U.S. intelligence officials disagree.', 'en');
  assert.deepEqual(en.resolutions.map((r) => `${r.text}=${r.code}`), ['China=CHN', 'U.S. intelligence officials=USASPY']);
});
