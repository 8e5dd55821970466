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
 * The ISO 639-1 code of a text's language, or undefined when the guess is not reliable
 * (very short texts, tables of numbers, mixed scripts). Call loadLanguageDetector() once first.
 */
export function detectLanguage(text: string): string | undefined {
  if (!eld) throw new Error('language detector not loaded: await loadLanguageDetector() first');
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  let letters = 0;
  let latin = 0;
  for (const ch of sample) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) {
      // ASCII (most of most texts) without a regular expression: A-Z and a-z are Latin letters.
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) {
        letters++;
        latin++;
      }
      continue;
    }
    if (!LETTER.test(ch)) continue;
    letters++;
    if (LATIN.test(ch)) latin++;
  }
  // Short Latin-script texts (tables of figures: "Shr 24 cts vs 15 cts") fool n-gram models into Dutch or
  // Lithuanian; other scripts are told apart on a few words.
  if (letters < 10 || (latin > letters / 2 && letters < MIN_LATIN_LETTERS)) return undefined;
  // The detector reads only its first few hundred bytes of words: hand it no more than that.
  const result = eld.detect(sample.length > DETECTOR_CHARS ? sample.slice(0, DETECTOR_CHARS) : sample);
  return result.language && result.isReliable() ? result.language : undefined;
}

/** Fills in a new document's language when its source did not give one. */
export async function settleLanguage(document: Pick<Document, 'text' | 'language'>): Promise<void> {
  if (document.language) return;
  await loadLanguageDetector();
  document.language = detectLanguage(document.text);
}
