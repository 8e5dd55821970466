// Character classes and lower-casing for the Basic Multilingual Plane, as lookup tables built once,
// so that the tokenizer and the feature extractor never call a regex or allocate per character.

export const SPACE = 1;
export const LETTER = 2;
export const DIGIT = 3;
export const UPPER = 4; // an upper-case or title-case letter
export const IDEOGRAPH = 5; // Han, kana, Hangul syllables: one token per character
export const MARK = 6; // combining marks: they stay with the letter before them
export const OTHER = 0; // punctuation and symbols

const classes = new Uint8Array(65536);
const lower = new Uint16Array(65536);

(function build() {
  const letter = /\p{L}/u;
  const upper = /\p{Lu}|\p{Lt}/u;
  const digit = /\p{N}/u;
  const mark = /\p{M}/u;
  const space = /\s/u;
  const ideograph = /\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u;
  for (let c = 0; c < 65536; c++) {
    lower[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) continue; // surrogates: handled by the callers
    const s = String.fromCharCode(c);
    if (space.test(s) || c === 0x200b || c === 0xfeff) classes[c] = SPACE;
    else if (letter.test(s)) {
      classes[c] = ideograph.test(s) && c !== 0x30fc ? IDEOGRAPH : upper.test(s) ? UPPER : LETTER;
      const l = s.toLowerCase();
      if (l.length === 1) lower[c] = l.charCodeAt(0);
    } else if (digit.test(s)) classes[c] = DIGIT;
    else if (mark.test(s)) classes[c] = MARK;
  }
  classes[0x30fc] = LETTER; // the katakana long-vowel mark continues a word
})();

/** The class of a UTF-16 code unit; surrogate halves report LETTER (astral scripts are words). */
export function charClass(c: number): number {
  return c >= 0xd800 && c <= 0xdfff ? LETTER : classes[c];
}

export function isWordChar(cls: number): boolean {
  return cls === LETTER || cls === UPPER || cls === DIGIT || cls === MARK;
}

export function lowerCode(c: number): number {
  return lower[c];
}
