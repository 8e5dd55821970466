import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRequest } from '../src/ingest/read.js';
import { readerFor } from '../src/ingest/readers/index.js';
import { decodeText } from '../src/ingest/decode.js';
import { toIsoDate } from '../src/ingest/dates.js';
import { detectLanguage, loadLanguageDetector, settleLanguage } from '../src/ingest/language.js';
import { FIXTURES, minimalPdf } from './ingest-helpers.js';

const read = (name: string, bytes?: Uint8Array) => readRequest({ ref: name, name, bytes: bytes ?? readFileSync(join(FIXTURES, name)) });

async function one(name: string, bytes?: Uint8Array) {
  const out = await read(name, bytes);
  assert.deepEqual(out.rejections, [], `${name} should not be rejected`);
  assert.equal(out.items.length, 1);
  return out.items[0].draft;
}

async function rejection(name: string, bytes?: Uint8Array): Promise<string> {
  const out = await read(name, bytes);
  assert.equal(out.items.length, 0, `${name} should give no document`);
  assert.equal(out.rejections.length, 1);
  return out.rejections[0].reason;
}

test('HTML: Readability keeps the article and drops navigation, banners, asides and footers', async () => {
  const d = await one('article.html');
  assert.equal(d.format, 'html');
  assert.match(d.text, /^Russia said on Monday it would expel two Chinese diplomats/, 'the byline line is metadata, not text');
  assert.match(d.text, /Beijing denied the report/);
  assert.match(d.text, /growing threat\.$/);
  for (const boilerplate of ['Sign in', 'cookies', 'Most read', 'Markets slide', 'Copyright', 'newsletter']) {
    assert.ok(!d.text.includes(boilerplate), `boilerplate "${boilerplate}" leaked into the text`);
  }
  assert.ok(d.text.split('\n').length >= 3, 'paragraphs stay on their own lines');
});

test('HTML: title, byline, outlet, URL and date come from JSON-LD and meta tags', async () => {
  const d = await one('article.html');
  assert.equal(d.title, 'Moscow to expel two Chinese diplomats');
  assert.equal(d.byline, 'Jane Roe');
  assert.equal(d.outlet, 'Northwind Herald');
  assert.equal(d.url, 'https://northwind.example/world/moscow-expels-diplomats');
  assert.equal(d.publishedAt, '2025-06-12T07:30:00.000Z');
  assert.equal(d.language, 'en');
});

test('HTML: malformed markup degrades to its text, entities and all', async () => {
  const d = await one('malformed.html');
  assert.match(d.text, /Officials in Kyiv said on Tuesday that the talks had stalled/);
  assert.match(d.text, /without closing tags/);
  assert.ok(!/<|>/.test(d.text), 'no markup left in the text');
});

test('HTML: a bare fragment is read as a page', async () => {
  const d = await one('note.html', Buffer.from('<b>Kyiv</b>: talks <i>resume</i> on Monday &amp; Tuesday'));
  assert.equal(d.text, 'Kyiv : talks resume on Monday & Tuesday');
  assert.equal(d.extra, undefined);
});

test('HTML: a page too large for the DOM goes through the regex converter, and says so', async () => {
  const paragraph = '<p>Officials in Vilnius said the border crossing would stay closed for another week.</p>\n';
  const page = `<html><head><title>Long page</title></head><body><nav>Home</nav>${paragraph.repeat(60_000)}</body></html>`;
  const d = await one('long.html', Buffer.from(page));
  assert.equal(d.title, 'Long page');
  assert.match(d.text, /^Officials in Vilnius said/);
  assert.ok(!d.text.includes('Home'));
  assert.match(String(d.extra?.reader), /regex fallback: page too large/);
});

test('PDF: text layer, title, author and creation date', async () => {
  const d = await one('report.pdf');
  assert.equal(d.format, 'pdf');
  assert.match(d.text, /^Assessment of cross-border activity\nOfficials in Moscow said on Monday/);
  assert.equal(d.title, 'Cross-border activity assessment');
  assert.equal(d.byline, 'Analysis Directorate');
  assert.equal(d.publishedAt, '2024-01-15T10:30:00.000Z');
});

test('PDF: truncated or corrupt files are rejected with a reason, never thrown', async () => {
  const pdf = readFileSync(join(FIXTURES, 'report.pdf'));
  assert.match(await rejection('cut.pdf', pdf.subarray(0, 40)), /PDF/);
  assert.match(await rejection('junk.pdf', Buffer.from('%PDF-1.7\n' + 'garbage '.repeat(50))), /PDF/);
  const blank = minimalPdf([]);
  assert.match(await rejection('blank.pdf', blank), /no text layer/);
});

test('PDF: recognised by its signature even under a text name', async () => {
  const d = await one('report.txt', readFileSync(join(FIXTURES, 'report.pdf')));
  assert.equal(d.format, 'pdf');
});

test('RSS 2.0: one document per item with title, link, date, author and the feed title as outlet', async () => {
  const out = await read('feed.rss');
  assert.deepEqual(out.rejections, []);
  assert.equal(out.items.length, 2);
  const [first, second] = out.items.map((i) => i.draft);
  assert.equal(first.format, 'rss');
  assert.equal(first.title, 'Moscow to expel two Chinese diplomats');
  assert.equal(first.url, 'https://northwind.example/world/moscow-expels-diplomats');
  assert.equal(first.outlet, 'Northwind Herald – World');
  assert.equal(first.byline, 'Jane Roe');
  assert.equal(first.publishedAt, '2025-06-12T07:30:00.000Z');
  assert.equal(first.text, 'Russia said on Monday it would expel two Chinese diplomats.\nBeijing denied the report & called it a fabrication.');
  assert.equal(first.extra?.guid, 'nw-2025-0612-001');
  assert.equal(second.text, 'Negotiators from both sides left Geneva on Friday without a deal, officials said.');
  assert.equal(second.publishedAt, '2025-06-13T16:00:00.000Z');
  assert.equal(out.items[1].ref, 'feed.rss#item2');
});

test('Atom: entries with alternate links, authors, published dates and HTML content', async () => {
  const out = await read('feed.atom');
  assert.equal(out.items.length, 2);
  const [first, second] = out.items.map((i) => i.draft);
  assert.equal(first.format, 'atom');
  assert.equal(first.title, 'Beijing summons Russian ambassador');
  assert.equal(first.url, 'https://eastern.example/2025/06/beijing-summons');
  assert.equal(first.outlet, 'Eastern Desk');
  assert.equal(first.byline, 'Li Wei');
  assert.equal(first.publishedAt, '2025-06-14T08:15:00.000Z');
  assert.equal(first.text, "China's foreign ministry summoned the Russian ambassador on Saturday to protest against the expulsions.");
  assert.equal(second.publishedAt, '2025-06-13T12:00:00.000Z', 'updated stands in for a missing published date');
  assert.match(second.text, /^The crossing at Blagoveshchensk reopened/);
});

test('feeds: an entity bomb stays unexpanded, an empty feed is rejected', async () => {
  const bomb = await one('bomb.rss');
  assert.ok(bomb.text.length < 100, `entity expanded to ${bomb.text.length} characters`);
  assert.match(await rejection('empty.rss'), /empty RSS feed/);
  assert.match(await rejection('broken.rss', Buffer.from('<?xml version="1.0"?><rss><channel><item><title>x</titl')), /invalid feed|no items/);
});

test('e-mail: subject, sender, date and the quoted-printable body', async () => {
  const d = await one('memo.eml');
  assert.equal(d.format, 'email');
  assert.equal(d.title, 'Fwd: FSB memo – summary');
  assert.equal(d.byline, 'Anna Analyst <analyst@example.org>');
  assert.equal(d.publishedAt, '2025-06-11T16:45:00.000Z');
  assert.equal(d.text, 'The memo describes Chinese intelligence activity in the Far East as a growing threat. The FSB is said to have authored it in late 2023 or early 2024.\n\nCafé notes follow.');
  assert.equal(d.extra?.to, 'desk@example.org');
});

test('text: latin-1, KOI8-R and GB18030 are detected and decoded', async () => {
  assert.match((await one('latin1.txt')).text, /^Le président a déclaré mardi à Genève/);
  assert.match((await one('koi8r.txt')).text, /^Президент России заявил во вторник/);
  assert.match((await one('gb18030.txt')).text, /^中国外交部发言人周二表示/);
  assert.match(String((await one('latin1.txt')).extra?.encoding), /not UTF-8: read as windows-1252/);
});

test('text: UTF-16 with a BOM, and invalid UTF-8 kept as UTF-8 with a note', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ankara said on Friday the strait stays open.', 'utf16le')]);
  assert.equal((await one('u16.txt', utf16)).text, 'Ankara said on Friday the strait stays open.');
  const d = await one('invalid-utf8.txt');
  assert.match(d.text, /Zürich were “productive”/);
  assert.match(String(d.extra?.encoding), /invalid UTF-8: 1 malformed byte sequence/);
});

test('bad input: binaries under a text name and empty files are rejected with the reason', async () => {
  assert.match(await rejection('binary.txt'), /binary content/);
  assert.equal(await rejection('empty.txt'), 'empty: 0 bytes');
});

test('language: detected when missing, kept when the source gives it', async () => {
  const settled = async (name: string, bytes?: Uint8Array) => {
    const draft = await one(name, bytes);
    await settleLanguage(draft);
    return draft;
  };
  assert.equal((await settled('memo.eml')).language, 'en');
  assert.equal((await settled('koi8r.txt')).language, 'ru');
  assert.equal((await settled('gb18030.txt')).language, 'zh');
  assert.equal((await settled('latin1.txt')).language, 'fr');
  const table = await settled('table.txt', Buffer.from('Shr 24 cts vs 15 cts\n    Net 1,520,797 vs 929,017\n    Revs 5,268,486 vs 2,617,995'));
  assert.equal(table.language, undefined, 'a short table of figures has no language to speak of');
  const tagged = { text: 'Короткий текст', language: 'ru-RU' };
  await settleLanguage(tagged);
  assert.equal(tagged.language, 'ru-RU', 'a language given by the source is kept');
});

test('language: English told by its function words; a page in another script with English in it is not', async () => {
  await loadLanguageDetector();
  const english = 'The minister said on Tuesday that the talks with the delegation from Ankara would go on, and that he was hopeful of an agreement by the end of the month.';
  assert.equal(detectLanguage(english), 'en');
  // Every word here is English, but most of the letters are Chinese: the n-gram detector decides.
  const mixed = `${'中国领导人习近平和俄罗斯总统普京上个月在莫斯科参加胜利日庆祝活动。'.repeat(10)} In public, the president said that the partnership of the two states was at its best, and that the trade between them would grow in the year to come, as it had in the year before.`;
  assert.equal(detectLanguage(mixed), 'zh');
  // French has few English function words: the detector, not the shortcut, names it.
  const french = 'Le président a déclaré mardi que les négociations avec la délégation reprendraient la semaine prochaine à Genève, selon un communiqué du ministère. ' +
    'Les deux pays se sont engagés à poursuivre le dialogue malgré les tensions, a ajouté le porte-parole du gouvernement.';
  assert.equal(detectLanguage(french), 'fr');
});

test('readerFor: signature, content type, extension, then sniffing', () => {
  const bytes = (s: string) => Buffer.from(s);
  assert.equal(readerFor('a.bin', bytes('%PDF-1.4 ...'))?.format, 'pdf');
  assert.equal(readerFor('feed', bytes('<?xml version="1.0"?>\n<rss version="2.0">'))?.format, 'rss');
  assert.equal(readerFor('feed.xml', bytes('<feed xmlns="http://www.w3.org/2005/Atom">'))?.format, 'rss');
  assert.equal(readerFor('page.php', bytes('<div>hi</div>'), 'text/html; charset=utf-8')?.format, 'html');
  assert.equal(readerFor('x', bytes('<rss>'), 'application/rss+xml')?.format, 'rss');
  assert.equal(readerFor('mail', bytes('From: a@b.c\nSubject: hi\n\nbody'))?.format, 'email');
  assert.equal(readerFor('notes.txt', bytes('From: a@b.c\nSubject: hi\n\nbody'))?.format, 'text');
  assert.equal(readerFor('image', bytes('....'), 'image/png'), undefined);
});

test('dates: ISO, RFC 822 and PDF forms become ISO 8601; nonsense becomes undefined', () => {
  assert.equal(toIsoDate('2025-06-12'), '2025-06-12');
  assert.equal(toIsoDate('Thu, 12 Jun 2025 07:30:00 GMT'), '2025-06-12T07:30:00.000Z');
  assert.equal(toIsoDate("D:20240115103000+01'00'"), '2024-01-15T09:30:00.000Z');
  assert.equal(toIsoDate('D:2024'), '2024-01-01');
  assert.equal(toIsoDate('yesterday-ish'), undefined);
  assert.equal(toIsoDate(42), undefined);
});

test('decodeText: a declared charset is used when the bytes are not UTF-8', () => {
  const bytes = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
  assert.equal(decodeText(bytes, 'windows-1251').text, 'Привет');
});
