/** Word-level helpers shared by the lexicon, the verb dictionary and the coder. */

/**
 * `text.split(separator)` as a packed array. split() answers a string it split before from a cache, with a holey
 * array (spread, Array.from and filter keep it holey): a second array map at every site reading word lists, which
 * deoptimized the matchers.
 */
export function splitPacked(text: string, separator: string): string[] {
  const out: string[] = [];
  for (const part of text.split(separator)) out.push(part);
  return out;
}

/** Does a text word match a dictionary word, allowing a regular plural of it? */
export function matchesWord(word: string, dict: string): boolean {
  if (word === dict) return true;
  const wl = word.length;
  const dl = dict.length;
  if (wl === dl + 1) return word.charCodeAt(dl) === 115 /* s */ && word.startsWith(dict);
  if (wl !== dl + 2) return false;
  if (word.startsWith(dict)) return word.charCodeAt(dl) === 101 /* e */ && word.charCodeAt(dl + 1) === 115;
  // army → armies
  if (dict.charCodeAt(dl - 1) !== 121 /* y */ || !word.endsWith('ies')) return false;
  for (let k = 0; k < dl - 1; k++) if (word.charCodeAt(k) !== dict.charCodeAt(k)) return false;
  return true;
}

/** Lower case, straight apostrophes, no possessive ending, no trailing dots (U.S. = U.S). */
export function normalizeWord(raw: string): { word: string; possessive: boolean } {
  let w = raw.toLowerCase();
  if (hasCurlyQuote(w)) w = w.replace(/[’‘`]/g, "'");
  if (w === "'s" || w === "'") return { word: "'s", possessive: true };
  let possessive = false;
  if (w.length > 2 && (w.endsWith("'s") || (w.endsWith("s'") && w.length > 3))) {
    w = w.endsWith("'s") ? w.slice(0, -2) : w.slice(0, -1);
    possessive = true;
  }
  if (w.length > 1 && w.charCodeAt(w.length - 1) === 46 /* . */) w = w.replace(/\.+$/, '');
  return { word: w, possessive };
}

function hasCurlyQuote(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018 || c === 96) return true;
  }
  return false;
}

export const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'our', 'your', 'my', 'any', 'no', 'every', 'each']);
export const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', "'s", 'get', 'got', 'gets', 'getting']);
export const PREPOSITIONS = new Set(['of', 'in', 'from', 'with', 'to', 'for', 'on', 'at', 'by', 'against', 'into', 'toward', 'towards', 'about', 'over', 'under', 'between', 'among', 'within', 'across', 'through', 'during', 'after', 'before', 'near', 'targeting', 'upon', 'via']);
