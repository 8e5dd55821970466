import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeOn, heldOfficeOn, loadDictionary, roleOn } from '../src/actors/dictionary.js';
import { foldText, scanWords } from '../src/actors/words.js';
import { stemmerFor } from '../src/actors/stemmer.js';

const dict = loadDictionary();
const only = (name: string) => {
  const found = dict.lookup(name);
  assert.ok(found.length >= 1, `no actor for ${name}`);
  return found[0]!;
};

test('FSB, the Federal Security Service, ФСБ and 俄罗斯联邦安全局 are one agency, RUS SPY', () => {
  const fsb = only('FSB');
  for (const name of ['Federal Security Service', 'ФСБ', '俄罗斯联邦安全局', '俄联邦安全局', 'Федеральная служба безопасности']) {
    assert.equal(only(name).id, fsb.id, name);
  }
  assert.equal(fsb.kind, 'agency');
  assert.equal(fsb.country, 'RUS');
  assert.equal(codeOn(fsb, '2025-06-01'), 'RUSSPY');
});

test('states carry their ISO code, with aliases in English, Russian and Chinese', () => {
  for (const [iso, names] of Object.entries({
    RUS: ['Russia', 'Россия', '俄罗斯'],
    CHN: ['China', 'Китай', '中国'],
    USA: ['United States', 'США', '美国'],
    GBR: ['United Kingdom', 'Великобритания', '英国'],
    FRA: ['France', 'Франция', '法国'],
    UKR: ['Ukraine', 'Украина', '乌克兰'],
  })) {
    for (const name of names) assert.ok(dict.lookup(name).some((a) => a.id === iso && a.kind === 'state'), `${name} → ${iso}`);
  }
});

test('roles are read on the date: Putin was FSB director, prime minister and president', () => {
  const putin = only('Vladimir Putin');
  assert.equal(codeOn(putin, '1999-01-01'), 'RUSSPY');
  assert.equal(roleOn(putin, '2010-06-01')?.title, 'Prime Minister');
  assert.equal(roleOn(putin, '2006-06-01')?.title, 'President');
  assert.equal(codeOn(putin, '2025-06-15'), 'RUSGOV');
  assert.equal(codeOn(putin, '1990-01-01'), 'RUSELI');
  assert.equal(heldOfficeOn(putin, '2025-01-01'), true);
});

test('leaders who took office after 2014 are there with their dates', () => {
  const trump = only('Donald Trump');
  assert.equal(codeOn(trump, '2019-03-01'), 'USAGOV');
  assert.notEqual(codeOn(trump, '2023-03-01'), 'USAGOV');
  assert.equal(codeOn(trump, '2025-03-01'), 'USAGOV');
  assert.equal(codeOn(only('Keir Starmer'), '2025-01-01'), 'GBRGOV');
  assert.notEqual(codeOn(only('Keir Starmer'), '2023-01-01'), 'GBRGOV');
  assert.equal(codeOn(only('Friedrich Merz'), '2025-06-01'), 'DEUGOV');
  assert.equal(codeOn(only('Sanae Takaichi'), '2025-11-01'), 'JPNGOV');
  assert.equal(roleOn(only('Shigeru Ishiba'), '2025-11-01'), undefined);
  assert.equal(codeOn(only('Lee Jae-myung'), '2025-07-01'), 'KORGOV');
  assert.equal(codeOn(only('Tulsi Gabbard'), '2025-06-01'), 'USASPY');
  assert.equal(codeOn(only('Alexander Bortnikov'), '2025-06-01'), 'RUSSPY');
  assert.equal(roleOn(only('Andrei Belousov'), '2025-06-01')?.title, 'Minister of Defence');
  assert.equal(roleOn(only('Sergei Shoigu'), '2023-06-01')?.title, 'Minister of Defence');
});

test('international organisations are IGOs with CAMEO IGO codes', () => {
  const nato = only('NATO');
  assert.equal(nato.kind, 'igo');
  assert.match(codeOn(nato, '2025-01-01'), /^IGO/);
  assert.equal(only('НАТО').id, nato.id);
  assert.equal(only('北约').id, nato.id);
  assert.equal(only('Shanghai Cooperation Organisation').kind, 'igo');
});

test('sector actors of a state exist and can be made on the spot', () => {
  assert.equal(dict.get('CHNGOV')?.kind, 'government');
  assert.equal(dict.sectorActor('RUS', 'SPY').kind, 'agency');
  const edu = dict.sectorActor('RUS', 'EDU');
  assert.equal(edu.id, 'RUSEDU');
  assert.equal(edu.country, 'RUS');
});

test('words fold case, accents and traditional characters without moving offsets; case endings come off by language', () => {
  const text = 'Erdoğan met ПУТИНА in 俄國聯邦安全局';
  assert.equal(foldText(text).length, text.length);
  const words = scanWords(text);
  assert.deepEqual(words.keys, ['erdogan', 'met', 'путина', 'in', ...'俄国联邦安全局']);
  const ru = stemmerFor('ru')!;
  assert.equal(ru.stem('Пекином'), ru.stem('Пекин'));
  assert.equal(ru.stem('Кремлю'), ru.stem('Кремль'));
  assert.equal(ru.stem('Putina'), 'putina', 'a Russian stemmer leaves Latin words alone');
  assert.equal(scanWords('俄罗斯').count, 3, 'each Han character is a word');
  assert.equal(scanWords('U.S. officials').count, 3);
});
