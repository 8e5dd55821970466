/**
 * Our compact actor-lexicon format (data/events/fallback-actors.json, and what the PETRARCH
 * actor/agent readers produce). Phrases are lower-case words joined by single spaces.
 */
export interface DatedCode {
  code: string;
  /** Inclusive ISO dates (YYYY-MM-DD); absent ends are open. */
  from?: string;
  to?: string;
}

export interface ActorLexiconData {
  /** Phrase → codes; an undated code is the default, dated codes win on their dates. */
  actors: [string, DatedCode[]][];
  /** Phrase → agent code (a sector such as GOV, MIL, SPY) and whether it follows (suffix) or precedes the actor code. */
  agents: [string, string, 'suffix' | 'prefix'][];
}
