// Who states a provenance fact: the source of the reporting verb, "according to" or container that
// governs it in its sentence (the same reading as claims), else the outlet in its own voice.

import type { Analysis, Span } from '../model/index.js';
import type { DocumentCues } from '../nlp/cues/document-cues.js';
import { attributionsFor } from '../events/claims/attribution.js';
import { outletSpeaker, speakerOf } from '../events/claims/index.js';
import type { TextWords } from './words.js';

export class FactSpeakers {
  constructor(
    private readonly analysis: Analysis,
    /** The document's cues, found when first asked for (shared with the claims stage through the run). */
    private readonly cues: () => DocumentCues,
    private readonly words: TextWords,
    /** Ids of the referenced documents' actors. */
    private readonly documents: ReadonlySet<string>,
  ) {}

  /**
   * The speaker of a fact stated at `anchor` in sentence `sentence`. Sources that are part of the fact
   * ("according to this report, shared online by …": the report is what the fact is about) do not count.
   */
  speakerOf(sentence: number, anchor: Span, own: readonly Span[], document: string): string {
    const s = sentence >= 0 ? this.analysis.sentences[sentence] : undefined;
    if (s) {
      const attributions = attributionsFor(this.analysis.document.text, this.cues().cues, { start: s.start, end: s.end }, anchor);
      for (let k = attributions.length - 1; k >= 0; k--) {
        const source = attributions[k]!.source;
        if (own.some((o) => o.start < source.end && source.start < o.end) || !this.namesSomeone(source)) continue;
        const id = this.documentIn(source) ?? this.words.actorIn(source)?.actorId ?? speakerOf(this.analysis, source).id;
        if (id !== document) return id;
      }
    }
    return outletSpeaker(this.analysis);
  }

  /** A referenced document named in the source: "the memo says" speaks as the memo, not as the FSB in "FSB memo". */
  private documentIn(source: Span): string | undefined {
    for (const r of this.analysis.resolutions) {
      if (r.start >= source.end) break;
      if (r.end > source.start && this.documents.has(r.actorId)) return r.actorId;
    }
    return undefined;
  }

  /** Whether a source phrase holds a noun or pronoun: "did not say" found no speaker. */
  private namesSomeone(source: Span): boolean {
    for (let j = this.words.tokenAt(source.start); j < this.words.count && this.words.start(j) < source.end; j++) {
      const tag = this.words.tag(j);
      if (!tag || tag.startsWith('NN') || tag === 'PRP') return true;
    }
    return false;
  }
}
