/**
 * What the name matcher knows about the languages it reads: which documents an alias in a language may
 * match, how names inflect there (stem + case ending), and after which words a capital is a place.
 *
 * An alias in English, or without a language, matches in every document. So does one in a language of
 * another script than Latin (Китай, 中国, चीन are names in any text). A Latin-script alias of another
 * language matches only in documents of that language: "Island" is Iceland in Danish and an island in
 * English, "Maurice" Mauritius in French and a first name elsewhere.
 */

/** How one language's names change form. */
interface Inflection {
  /**
   * Case endings, as written (folded when loaded). A word's stem is the word less the longest of these it
   * ends in, as long as three letters stay; a name and the text's word match when their stems do, so the
   * dictionary lists a name once, in the form the language cites it in (Chiny, Китай, Kína).
   */
  endings: string;
  /**
   * Suffixes attach to the cited form itself (Kína, Kínát, Kínában; Putin, Putins): the dictionary's
   * name is kept whole, and a text word matches it less one suffix. Cutting the cited form would go
   * wrong where it ends in letters that are also a suffix (Putyin, Államok).
   */
  attaches?: boolean;
  /**
   * Hungarian: the instrumental suffix takes the shape of the stem's last consonant (Putyinnal,
   * Oroszországgal), so a doubled consonant before -al/-el is part of the suffix.
   */
  assimilates?: boolean;
}

/** Per language (ISO 639-1): its inflection, if names inflect there, and its locative words. */
interface LanguageRules {
  inflection?: Inflection;
  /** Which script its words are in, when not Latin: a stemmer leaves words of other scripts alone. */
  script?: 'Cyrillic' | 'Gujarati';
  /** Words after which a capital is a place ("a Mosca", "w Moskwie"), not its government. */
  locatives?: string;
}

const RULES: Record<string, LanguageRules> = {
  ru: {
    script: 'Cyrillic',
    inflection: {
      endings:
        'а я о е ё ь й ы и у ю ой ей ёй ом ем ём ам ям ах ях ами ями ов ев ёв ью ые ие ый ий ая яя ое ее ого его ому ему ым им ых их ыми ими ую юю ою ею ия ию ией иям иях иями',
    },
  },
  uk: {
    script: 'Cyrillic',
    locatives: 'в у на',
    inflection: {
      endings:
        'а я о е є ь й и і ї у ю ою ею єю ом ем єм ам ям ах ях ами ями ів їв ей ий ій ої ого ому им ім их іх ими іми ую юю ія ії ію ією ьому ього',
    },
  },
  pl: {
    locatives: 'w we na',
    inflection: { endings: 'a o e y i ę ą u ie em iem om ami iami ach iach ów owi owie ego iego emu iemu ym im ej iej ych ich ymi imi ii ia ią ię iu' },
  },
  cs: {
    locatives: 'v ve na',
    inflection: { endings: 'a e ě i í o u ů y ý ou em ovi ové ech ích ách ami emi ám ém ým ými ých ého ému ím ími' },
  },
  hu: {
    inflection: {
      endings: 'ban ben ba be ból ből ról ről tól től nak nek val vel nál nél hoz hez höz on en ön n t at et ot öt ra re ig ért ként ul ül i ok ek ak ök',
      attaches: true,
      assimilates: true,
    },
  },
  de: { locatives: 'in nach', inflection: { endings: 's es n en e em er ern', attaches: true } },
  is: { locatives: 'í til', inflection: { endings: 's i u a ar ir ur um unum anna ra rar rum ri an na' } },
  ro: { locatives: 'în la', inflection: { endings: 'a ă e i ei ii ul ului ua uia lor ilor le' } },
  gu: { script: 'Gujarati', inflection: { endings: 'નો ની નું ના નાં ને માં થી એ માંથી' } },
  it: { locatives: 'a in' },
  fr: { locatives: 'à en' },
  es: { locatives: 'en' },
  pt: { locatives: 'em no na' },
  nl: { locatives: 'in naar' },
  id: { locatives: 'di ke' },
};

/** Languages whose documents read another's aliases: a close twin the language detector may name instead. */
const READS_AS: Record<string, string> = { ms: 'id', sk: 'cs' };

/** The language whose aliases a document in `language` (ISO 639-1, any region suffix) matches. */
export function aliasLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const base = language.toLowerCase().split(/[-_]/)[0]!;
  return READS_AS[base] ?? base;
}

/** Whether names in this language change form with their case (and so are matched by stem). */
export function inflects(language: string): boolean {
  return RULES[aliasLanguage(language) ?? '']?.inflection !== undefined;
}

/** The languages whose names are matched by stem, in a fixed order. */
export function inflectingLanguages(): string[] {
  return Object.keys(RULES).filter((l) => RULES[l]!.inflection);
}

/** The locative words of a language, as written ('' for none). */
export function locativeWords(language: string): string[] {
  return (RULES[aliasLanguage(language) ?? '']?.locatives ?? '').split(' ').filter(Boolean);
}

/** Whether the language is written in another script than Latin (its stemmer then works on unlabelled text too). */
export function nonLatinScript(language: string): boolean {
  return RULES[aliasLanguage(language) ?? '']?.script !== undefined;
}

/** The first letter of a name decides its script: Latin letters (with their accents) are below U+0250 or in Latin Extended Additional. */
export function isLatinName(name: string): boolean {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) return true;
      continue;
    }
    if (c < 0x250) return c >= 0xc0 && c !== 0xd7 && c !== 0xf7;
    if (c >= 0x1e00 && c <= 0x1eff) return true;
    if (/\p{L}/u.test(name[i]!)) return false;
  }
  return false;
}

/**
 * Whether an alias in `language` is matched only in documents of that language: Latin-script names of
 * another language than English. Names in other scripts match everywhere (and, where the language
 * inflects, by stem in its own documents as well).
 */
export function gated(language: string | undefined, name: string): boolean {
  return !!language && language !== 'en' && isLatinName(name);
}

export interface StemmerRules {
  language: string;
  endings: string[];
  attaches: boolean;
  assimilates: boolean;
  script: 'Latin' | 'Cyrillic' | 'Gujarati';
}

/** The stemming rules of an inflecting language, endings still as written. */
export function stemmerRules(language: string): StemmerRules | undefined {
  const lang = aliasLanguage(language) ?? '';
  const rules = RULES[lang];
  if (!rules?.inflection) return undefined;
  return {
    language: lang,
    endings: rules.inflection.endings.split(' ').filter(Boolean),
    attaches: rules.inflection.attaches === true,
    assimilates: rules.inflection.assimilates === true,
    script: rules.script ?? 'Latin',
  };
}
