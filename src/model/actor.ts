import type { Span } from './span.js';
import type { DocumentSignature } from './provenance.js';

export type ActorKind =
  | 'state'
  | 'government'
  | 'leader'
  | 'agency'
  | 'military'
  | 'company'
  | 'group'
  | 'igo'
  | 'person'
  | 'place'
  | 'document';

/** CAMEO-style sector codes that attach to a country code: RUS + SPY = RUSSPY. */
export type Sector =
  | 'GOV' | 'MIL' | 'SPY' | 'BUS' | 'EDU' | 'MED' | 'JUD' | 'OPP' | 'REB' | 'IGO' | 'NGO'
  | 'LEG' | 'ELI' | 'CVL' | 'COP' | 'HLH' | 'REF' | 'AGR' | 'LAB' | 'CRM' | 'UAF' | 'IMG'
  | 'SPY/GOV';

export interface Alias {
  name: string;
  /** ISO 639-1 code; absent when the alias is language-neutral (an acronym). */
  lang?: string;
}

/** A role an actor held, for an interval of dates (ISO, inclusive; open ends absent). */
export interface Role {
  /** CAMEO-style code for the role, e.g. RUSGOV, USAMIL. */
  code: string;
  title?: string;
  from?: string;
  to?: string;
}

export interface Actor {
  /** Canonical id, CAMEO-shaped where it can be: RUS, RUSSPY, CHNGOV, or a slug for people and groups. */
  id: string;
  name: string;
  kind: ActorKind;
  /** ISO 3166-1 alpha-3. */
  country?: string;
  sector?: Sector;
  aliases: Alias[];
  roles: Role[];
  parent?: string;
  wikidata?: string;
  /** True for actors made up on the spot for names the dictionary lacks. */
  provisional?: boolean;
  /** For a referenced document: what identifies it (type, author, date) across the texts that tell of it. */
  signature?: DocumentSignature;
}

/** How one mention was resolved to an actor, with the role it held on the document's date. */
export interface ActorResolution extends Span {
  text: string;
  actorId: string;
  /** The role code in force on the document's date (RUSGOV for Putin in 2025), or the actor's own code. */
  code: string;
  /** Why: 'alias', 'metonym', 'demonym+agent', 'coreference', 'provisional'... */
  method: string;
  confidence: number;
}
