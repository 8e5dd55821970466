import type { Document } from '../model/index.js';

type Eld = (typeof import('eld/small'))['eld'];
let eld: Eld | undefined;
let loading: Promise<Eld> | undefined;

/** The detector's n-gram tables take a while to load: on first need, not at start-up. */
export async function loadLanguageDetector(): Promise<void> {
  eld ??= await (loading ??= import('eld/small').then((m) => m.eld));
}

/** Enough text to recognise a language; more only costs time. */
const SAMPLE_CHARS = 1500;

/** More than the detector reads (it cuts its input at about 380 bytes of letters and spaces). */
const DETECTOR_CHARS = 1000;

/** Letters a mostly Latin-script text needs before its language is guessed. */
const MIN_LATIN_LETTERS = 120;

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * English function words, each packed into an integer (five bits a letter, a = 1), so that a word of the
 * text is looked up without building a string.
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a is that for on said was with it by as at from he be has have will are its an which were but not this had would their they been also after or'
    .split(' ')
    .map((word) => [...word].reduce((key, ch) => key * 32 + ch.charCodeAt(0) - 0x60, 0)),
);

/**
 * A text at least this share of whose words are English function words, in Latin letters, is English:
 * the n-gram detector agreed on every one of 17,484 such texts among 21,464 (Reuters, BBC, our news
 * corpus), and it costs a tenth of the detector. (One page of Chinese with English in it also passed the
 * word test: hence the share of ASCII letters as well.)
 */
const ENGLISH_WORD_SHARE = 0.25;
const ENGLISH_MIN_WORDS = 20;
const ENGLISH_ASCII_LETTER_SHARE = 0.9;

/** Per UTF-16 code unit above ASCII: 0 not yet known, 1 not a letter, 2 a letter, 3 a Latin letter. */
const letterKinds = new Uint8Array(0x10000);

function kindOf(ch: string): number {
  return !LETTER.test(ch) ? 1 : LATIN.test(ch) ? 3 : 2;
}

function letterKind(ch: string, c: number): number {
  let kind = letterKinds[c];
  if (kind === 0) letterKinds[c] = kind = kindOf(ch);
  return kind;
}

/**
 * What the letters of a text's sample say before any n-gram model: no language to speak of, English,
 * or a sample for the detector.
 */
type FirstLook = { language: string | undefined } | { detect: string };

function firstLook(text: string): FirstLook {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let letters = 0;
  let latin = 0;
  let ascii = 0;
  let words = 0;
  let functionWords = 0;
  // The ASCII word being read: its length and its letters packed as in ENGLISH_FUNCTION_WORDS.
  let wordLength = 0;
  let wordKey = 0;
  for (let i = 0; i <= sample.length; i++) {
    const c = i < sample.length ? sample.charCodeAt(i) : 0;
    const lower = c | 0x20;
    if (c < 0x80 && lower >= 0x61 && lower <= 0x7a) {
      letters++;
      latin++;
      ascii++;
      if (++wordLength <= 5) wordKey = wordKey * 32 + lower - 0x60;
      continue;
    }
    if (wordLength > 0) {
      words++;
      if (wordLength <= 5 && ENGLISH_FUNCTION_WORDS.has(wordKey)) functionWords++;
      wordLength = 0;
      wordKey = 0;
    }
    if (c < 0x80) continue;
    // A surrogate pair is one character: test it whole, and count it once.
    const next = c >= 0xd800 && c <= 0xdbff && i + 1 < sample.length ? sample.charCodeAt(i + 1) : 0;
    const pair = next >= 0xdc00 && next <= 0xdfff;
    const kind = pair ? kindOf(sample.slice(i, i + 2)) : letterKind(sample[i], c);
    if (pair) i++;
    if (kind >= 2) letters++;
    if (kind === 3) latin++;
  }
  // Short Latin-script texts (tables of figures: "Shr 24 cts vs 15 cts") fool n-gram models into Dutch or
  // Lithuanian; other scripts are told apart on a few words.
  if (letters < 10 || (latin > letters / 2 && letters < MIN_LATIN_LETTERS)) return { language: undefined };
  if (words >= ENGLISH_MIN_WORDS && functionWords >= words * ENGLISH_WORD_SHARE && ascii >= letters * ENGLISH_ASCII_LETTER_SHARE) {
    return { language: 'en' };
  }
  // The detector reads only its first few hundred bytes of words: hand it no more than that.
  return { detect: sample.length > DETECTOR_CHARS ? sample.slice(0, DETECTOR_CHARS) : sample };
}

function detectWith(detector: Eld, sample: string): string | undefined {
  const result = detector.detect(sample);
  return result.language && result.isReliable() ? result.language : undefined;
}

/**
 * The ISO 639-1 code of a text's language, or undefined when the guess is not reliable
 * (very short texts, tables of numbers, mixed scripts). Call loadLanguageDetector() once first.
 */
export function detectLanguage(text: string): string | undefined {
  if (!eld) throw new Error('language detector not loaded: await loadLanguageDetector() first');
  const look = firstLook(text);
  return 'detect' in look ? detectWith(eld, look.detect) : look.language;
}

/**
 * Fills in a new document's language when its source did not give one. The n-gram detector is loaded
 * only when a text needs it: a worker that sees English alone never holds its tables.
 */
export async function settleLanguage(document: Pick<Document, 'text' | 'language'>): Promise<void> {
  if (document.language) return;
  const look = firstLook(document.text);
  if (!('detect' in look)) {
    document.language = look.language;
    return;
  }
  await loadLanguageDetector();
  document.language = detectWith(eld!, look.detect);
}
