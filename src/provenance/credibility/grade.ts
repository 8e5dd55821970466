// The Admiralty grade of one claim as a pure function of what is known about it: who speaks and
// how they are rated, the outlet that carries it, how sure the text is, what the text says of the
// document it comes from, and (from the stories stage) how many independent sources confirm or
// contradict it. Re-run with new corroboration counts when a story gains sources.

import type { AdmiraltyCode, AdmiraltyGrade, Corroboration, Credibility, IcdWord, Modality, Reliability } from '../../model/index.js';

/** A speaker or outlet with its rating, named as the reasons will name it. */
export interface RatedSource {
  label: string;
  rating: Reliability;
  basis: string;
}

/** What one text says of the authenticity of the document a claim comes from: who authenticated, disputed, denied it. */
export interface DocumentStanding {
  label: string;
  authenticatedBy: string[];
  disputedBy: string[];
  deniedBy: string[];
}

export interface GradeInput {
  /** Who makes the claim. */
  source: RatedSource;
  /** The outlet that carries it, when someone other than the outlet speaks. */
  outlet?: RatedSource;
  modality: Modality;
  /** How sure the text is that the event happened (0..1), and its ICD 203 word. */
  certainty: number;
  icd: IcdWord;
  /** The referenced document the claim comes through, when it comes through one. */
  document?: DocumentStanding;
  /** Other reports of the same story (the stories stage); absent while a document stands alone. */
  corroboration?: Corroboration;
}

const RELIABILITY_WORDS: Record<Reliability, string> = {
  A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged',
};
const CREDIBILITY_WORDS: Record<Credibility, string> = {
  1: 'confirmed by other sources', 2: 'probably true', 3: 'possibly true', 4: 'doubtful', 5: 'improbable', 6: 'truth cannot be judged',
};

/** How the text puts the event, by its modality. */
const STATED: Record<Modality, string> = {
  asserted: 'stated as fact', historical: 'stated as past fact', reported: 'reported', alleged: 'alleged',
  denied: 'denied', negated: 'the text says it did not happen', hypothetical: 'hypothetical', future: 'future',
};

/** A to E in order; F stands apart (no basis), and caps nothing. */
const ORDER = 'ABCDE';

export function admiraltyGrade(input: GradeInput): AdmiraltyGrade {
  const why: string[] = [];
  const reliability = reliabilityOf(input, why);
  const credibility = credibilityOf(input, why);
  return { reliability, credibility, admiralty: `${reliability}${credibility}` as AdmiraltyCode, why };
}

function reliabilityOf({ source, outlet }: GradeInput, why: string[]): Reliability {
  let r = source.rating;
  why.push(`${r} (${RELIABILITY_WORDS[r]}): ${source.label}, ${source.basis}`);
  // a report is no more reliable than the outlet that carries it, when that outlet is known to be poor
  if (outlet && (outlet.rating === 'D' || outlet.rating === 'E') && r !== 'F' && ORDER.indexOf(outlet.rating) > ORDER.indexOf(r)) {
    r = outlet.rating;
    why.push(`${r} (${RELIABILITY_WORDS[r]}): carried by ${outlet.label}, ${outlet.basis}; no more reliable than the outlet`);
  }
  return r;
}

function credibilityOf(input: GradeInput, why: string[]): Credibility {
  const { modality, certainty, icd } = input;
  if (modality === 'hypothetical' || modality === 'future') {
    why.push(`6 (${CREDIBILITY_WORDS[6]}): ${modality === 'future' ? 'a statement about the future' : 'a hypothesis or condition'}, not yet a fact`);
    return 6;
  }
  let c: Credibility = certainty >= 0.8 ? 2 : certainty >= 0.45 ? 3 : certainty >= 0.2 ? 4 : 5;
  why.push(`${c} (${CREDIBILITY_WORDS[c]}): ${STATED[modality]}, ${icd} (certainty ${certainty})`);

  const d = input.document;
  if (d) {
    const doubters: string[] = [];
    if (d.disputedBy.length) doubters.push(`disputed by ${list(d.disputedBy)}`);
    if (d.deniedBy.length) doubters.push(`denied by ${list(d.deniedBy)}`);
    const vouchers = d.authenticatedBy.length ? [`authenticated by ${list(d.authenticatedBy)}`] : [];
    if (vouchers.length && !doubters.length) {
      const before = c;
      // authentication makes a claim more credible, but only other sources confirm it (1)
      if (c > 2) c = (c - 1) as Credibility;
      why.push(`${c} (${CREDIBILITY_WORDS[c]}): ${d.label} was ${list(vouchers)}${c < before ? ', one step up' : ''}`);
    } else if (doubters.length && !vouchers.length) {
      if (c < 5) c = (c + 1) as Credibility;
      why.push(`${c} (${CREDIBILITY_WORDS[c]}): ${d.label} is ${list(doubters)}, one step down`);
    } else if (doubters.length) {
      why.push(`${c} (${CREDIBILITY_WORDS[c]}): ${d.label} was ${list(vouchers)} but is ${list(doubters)}, no change`);
    }
  }

  const k = input.corroboration;
  if (k) {
    const n = k.independentSources;
    const against = k.contradictions;
    if (n > 0 && against === 0) {
      c = c <= 3 ? 1 : ((c - 1) as Credibility);
      why.push(`${c} (${CREDIBILITY_WORDS[c]}): ${c === 1 ? 'confirmed' : 'also reported'} by ${n} other independent source${n === 1 ? '' : 's'}`);
    } else if (against > 0 && n === 0) {
      c = c <= 2 ? 4 : 5;
      why.push(`${c} (${CREDIBILITY_WORDS[c]}): contradicted by ${against} independent source${against === 1 ? '' : 's'}, confirmed by none`);
    } else if (n > 0) {
      c = 3;
      why.push(`3 (${CREDIBILITY_WORDS[3]}): reported by ${n} other independent source${n === 1 ? '' : 's'} and contradicted by ${against}`);
    } else {
      why.push(`${c} (${CREDIBILITY_WORDS[c]}): no other independent source reports it yet`);
    }
  }
  return c;
}

function list(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
