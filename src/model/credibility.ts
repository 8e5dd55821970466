/** Admiralty (NATO STANAG 2511) source reliability: A completely reliable … E unreliable, F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 truth cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** The two halves written together, as analysts do: "B2". */
export type AdmiraltyCode = `${Reliability}${Credibility}`;

/** An Admiralty grade with the reasons for it in words. */
export interface AdmiraltyGrade {
  reliability: Reliability;
  credibility: Credibility;
  admiralty: AdmiraltyCode;
  why: string[];
}

/**
 * What other reports of the same story say about a claim: filled by the stories stage, which re-grades
 * a claim when its story gains sources. Copies and translations of one report count once.
 */
export interface Corroboration {
  /** Other independent sources that report the same thing. */
  independentSources: number;
  /** Independent sources that say otherwise. */
  contradictions: number;
}
