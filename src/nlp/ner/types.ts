// The recognizer's entity types and how other annotation schemes map onto them. The recognizer
// speaks OntoNotes 5's eighteen types under Rift's names (PER for OntoNotes' PERSON); CoNLL-2003's
// four are coarser, and every fine type falls in exactly one of them (or in none: values are O there).

/** The recognizer's types, in the order of its tag ids: eleven kinds of name, then seven of value. */
export const ENTITY_TYPES = [
  'PER', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE',
  'DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** The value types: what the recognizer marks so that it does not mistake them for names. */
export const VALUE_TYPES: ReadonlySet<string> = new Set(['DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL']);

/** OntoNotes 5 type names where they differ from Rift's. */
const ONTONOTES_NAMES: Record<string, string> = { PER: 'PERSON' };
const FROM_ONTONOTES: Record<string, string> = { PERSON: 'PER' };

export function toOntoNotes(type: string): string {
  return ONTONOTES_NAMES[type] ?? type;
}

export function fromOntoNotes(type: string): string {
  return FROM_ONTONOTES[type] ?? type;
}

/**
 * CoNLL-2003's type for each of ours (undefined: not an entity there). Geo-political entities and
 * facilities are places there; nationalities, events, works, laws, products and languages are MISC.
 */
const CONLL_OF: Record<string, string | undefined> = {
  PER: 'PER',
  ORG: 'ORG',
  GPE: 'LOC',
  LOC: 'LOC',
  FAC: 'LOC',
  NORP: 'MISC',
  PRODUCT: 'MISC',
  EVENT: 'MISC',
  WORK_OF_ART: 'MISC',
  LAW: 'MISC',
  LANGUAGE: 'MISC',
  MISC: 'MISC',
};

export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** The mapping in words, for help texts and reports. */
export const CONLL_MAPPING = 'PER→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/PRODUCT/EVENT/WORK_OF_ART/LAW/LANGUAGE→MISC, values→O';

export function toConll(type: string): string | undefined {
  return CONLL_OF[type];
}

/** The fine types that a CoNLL-2003 type stands for (for 'O', the value types). */
export function finerThanConll(conll: string): string[] {
  if (conll === 'O') return ENTITY_TYPES.filter((t) => VALUE_TYPES.has(t));
  return ENTITY_TYPES.filter((t) => CONLL_OF[t] === conll);
}

/** The label scheme of a gold file, told by its types: CoNLL-2003's four, or OntoNotes' eighteen. */
export type LabelScheme = 'conll' | 'ontonotes';

export function schemeOfTypes(types: Iterable<string>): LabelScheme {
  for (const t of types) if (!(CONLL_TYPES as readonly string[]).includes(t)) return 'ontonotes';
  return 'conll';
}
