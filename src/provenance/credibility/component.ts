// The credibility stage: an Admiralty grade and its reasons for every claim, from the ratings in
// data/credibility, the claim's certainty and modality, and the provenance of the document it comes from.

import type { Actor, Analysis, Claim, Corroboration, Event, ProvenanceFact } from '../../model/index.js';
import type { DocumentStageDefinition } from '../../pipeline/stage.js';
import type { Resource } from '../../pipeline/resources.js';
import { admiraltyGrade, type DocumentStanding, type GradeInput, type RatedSource } from './grade.js';
import { CREDIBILITY_DATA_DIR, loadRatings, type CredibilityRatings, type DescribedSpeaker } from './ratings.js';

const INTELLIGENCE = /\bintelligence\b|\bspy\b|\bspies\b|\bagenc(?:y|ies)\b|\bservices?\b/;
const ANONYMOUS = /\b(?:sources?|officials?|insiders?|diplomats?|people|persons?|aides?)\b/;

/** The channels through which the outlet passes on the word of a source it does not name. */
const DESCRIBED_CHANNELS: Partial<Record<Claim['channel'], { kind: DescribedSpeaker; label: string }>> = {
  'anonymous-source': { kind: 'anonymous', label: 'an anonymous source' },
  'intelligence-assessment': { kind: 'intelligence', label: 'an unnamed intelligence source' },
};

/** What a grade needs to know of one analysis: its actors, events and the standing of its documents. */
export class ClaimContext {
  private readonly actors = new Map<string, Actor>();
  private byCode: Map<string, Actor> | undefined;
  private readonly events = new Map<string, Event>();
  private readonly standing = new Map<string, DocumentStanding>();

  constructor(readonly analysis: Analysis, private readonly ratings: CredibilityRatings) {
    for (const a of analysis.actors) this.actors.set(a.id, a);
    for (const e of analysis.events) this.events.set(e.id, e);
    for (const f of analysis.provenance) this.addStanding(f);
  }

  private addStanding(f: ProvenanceFact): void {
    if (f.fact !== 'authenticated-by' && f.fact !== 'disputed-by' && f.fact !== 'denied-by') return;
    let s = this.standing.get(f.document);
    if (!s) this.standing.set(f.document, (s = { label: this.label(f.document), authenticatedBy: [], disputedBy: [], deniedBy: [] }));
    const who = f.actor ? this.label(f.actor) : f.value ?? 'someone';
    const into = f.fact === 'authenticated-by' ? s.authenticatedBy : f.fact === 'disputed-by' ? s.disputedBy : s.deniedBy;
    if (!into.includes(who)) into.push(who);
  }

  /** How the reasons name a speaker, party or document. */
  label(id: string): string {
    if (id.startsWith('outlet:')) return this.ratings.outlet(id.slice(7)).name;
    const actor = this.actor(id);
    if (actor?.kind === 'document') return `the ${actor.name}`;
    if (actor) return actor.name;
    return id.replace(/^(?:source|document):/, '');
  }

  /** An actor by id, or by the code the claims stage speaks with (RUSGOV for Putin on the text's date). */
  actor(id: string): Actor | undefined {
    const actor = this.actors.get(id);
    if (actor || id.includes(':')) return actor;
    if (!this.byCode) {
      this.byCode = new Map();
      for (const r of this.analysis.resolutions) if (!this.byCode.has(r.code)) this.byCode.set(r.code, this.actors.get(r.actorId)!);
    }
    return this.byCode.get(id);
  }

  private readonly rated = new Map<string, RatedSource>();

  /** A speaker id with its rating: an outlet, an actor (a document as its author), or a described source. */
  rate(id: string): RatedSource {
    let rated = this.rated.get(id);
    if (!rated) this.rated.set(id, (rated = this.rateOnce(id)));
    return rated;
  }

  private rateOnce(id: string): RatedSource {
    if (id.startsWith('outlet:')) {
      const outlet = this.ratings.outlet(id.slice(7));
      return { label: outlet.name, rating: outlet.rating, basis: outlet.basis };
    }
    const actor = this.actor(id);
    if (actor?.kind === 'document') {
      const author = actor.signature?.authors[0];
      const by = author ? this.actor(author.actor) : undefined;
      if (by) {
        const r = this.ratings.actor(by);
        return { label: this.label(id), rating: r.rating, basis: `rated as its author, ${by.name}: ${r.basis}` };
      }
    }
    if (actor) return { label: this.label(id), ...this.ratings.actor(actor) };
    if (id.startsWith('document:')) return { label: this.label(id), ...this.ratings.actor({ kind: 'document' } as Actor) };
    const words = id.replace(/^source:/, '');
    const kind: DescribedSpeaker = INTELLIGENCE.test(words) ? 'intelligence' : ANONYMOUS.test(words) ? 'anonymous' : 'other';
    return { label: words, ...this.ratings.described(kind) };
  }

  /**
   * The referenced document a claim comes through: the innermost one in its attribution chain, else, for a
   * claim from a leaked or private document, the document its evidence names ("A leaked FSB memo brands China").
   */
  documentOf(claim: Claim): string | undefined {
    for (let k = claim.attributionChain.length - 1; k >= 0; k--) {
      if (this.actors.get(claim.attributionChain[k]!)?.kind === 'document') return claim.attributionChain[k];
    }
    if (claim.channel !== 'leaked-document' && claim.channel !== 'private-document') return undefined;
    for (const r of this.analysis.resolutions) {
      if (r.start >= claim.evidence.end) break;
      if (r.start >= claim.evidence.start && this.actors.get(r.actorId)?.kind === 'document') return r.actorId;
    }
    return undefined;
  }

  /** Everything the pure grading function needs for one claim. */
  inputFor(claim: Claim, corroboration?: Corroboration): GradeInput {
    const event = this.events.get(claim.eventId);
    const outletId = claim.attributionChain[0] ?? `outlet:${this.analysis.document.outlet ?? 'unknown'}`;
    const document = this.documentOf(claim);
    // Unnamed sources are no actors: the claims stage gives their word to the outlet, through the channel their
    // description tells ("people familiar with the matter": anonymous). They are rated as that description.
    const described = claim.speaker === outletId ? DESCRIBED_CHANNELS[claim.channel] : undefined;
    const input: GradeInput = {
      source: described ? { label: described.label, ...this.ratings.described(described.kind) } : this.rate(claim.speaker),
      modality: event?.modality ?? 'asserted',
      certainty: claim.certainty,
      icd: claim.icd,
    };
    if (claim.speaker !== outletId || described) input.outlet = this.rate(outletId);
    if (document) input.document = this.standing.get(document) ?? { label: this.label(document), authenticatedBy: [], disputedBy: [], deniedBy: [] };
    if (corroboration) input.corroboration = corroboration;
    return input;
  }
}

/**
 * Grades every claim of an analysis in place. `corroboration` is for the stories stage: it re-grades a
 * story's claims with the counts of independent sources that confirm or contradict each.
 */
export function gradeClaims(analysis: Analysis, ratings: CredibilityRatings, corroboration?: (claim: Claim) => Corroboration | undefined): void {
  if (!analysis.claims.length) return;
  const context = new ClaimContext(analysis, ratings);
  for (const claim of analysis.claims) {
    const grade = admiraltyGrade(context.inputFor(claim, corroboration?.(claim)));
    claim.admiralty = grade.admiralty;
    claim.why = grade.why;
  }
}

/** The shipped ratings (data/credibility), read once per process. */
export const CREDIBILITY_RATINGS: Resource<CredibilityRatings> = { name: 'credibility-ratings', load: () => loadRatings() };

/** After claims: an Admiralty grade and its reasons for each. */
export const credibilityStage: DocumentStageDefinition = {
  kind: 'document',
  name: 'credibility',
  revision: 1,
  files: ['outlets.json', 'actor-kinds.json', 'actors.json'].map((name) => CREDIBILITY_DATA_DIR + name),
  // Grades claims in any language that has them (today the claims stage reads English only).
  requires: [],
  uses: ['claims', 'actors', 'resolutions', 'events', 'provenance'],
  adds: ['claims'],
  load(resources) {
    const ratings = resources.get(CREDIBILITY_RATINGS);
    return (analysis) => gradeClaims(analysis, ratings);
  },
};
