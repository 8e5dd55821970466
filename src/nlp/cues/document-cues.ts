import type { Analysis, Span } from '../../model/index.js';
import { scanCues, scanChannels, type Cue, type ChannelCue } from './scan.js';
import type { HedgeDetector } from './hedges.js';
import { ScratchKey, type DocumentRun } from '../../pipeline/document-run.js';

/** Every cue of one document, found once and shared by the modality and claims stages. */
export interface DocumentCues {
  cues: Cue[];
  channels: ChannelCue[];
  /** Hedge cues from the trained detector (hedges.ts). */
  hedges: Span[];
  /** Whether the text says anywhere that a document was leaked. */
  mentionsLeak: boolean;
}

const CUES = new ScratchKey<DocumentCues>('document cues');

/** The document's cues: found once per run (the modality and claims stages share them), or now without one. */
export function documentCues(analysis: Analysis, hedges: HedgeDetector, run?: DocumentRun): DocumentCues {
  return run ? run.get(CUES, () => findCues(analysis, hedges)) : findCues(analysis, hedges);
}

function findCues(analysis: Analysis, hedges: HedgeDetector): DocumentCues {
  const text = analysis.document.text;
  // Hedge context stops at sentence bounds, as in training (one sentence per example).
  const sentences = analysis.sentences.length ? analysis.sentences : undefined;
  const channels = scanChannels(text);
  return {
    cues: withTags(analysis, scanCues(text)),
    channels,
    hedges: hedges.detect(text, sentences),
    mentionsLeak: channels.some((c) => c.channel === 'leaked-document'),
  };
}

/** Single words whose part of speech the tagger can confirm: reporting verbs must be verbs, modals modals. */
const NEEDS_VERB = new Set<string>(['report-verb']);
const NOT_BEFORE_VERB = new Set(['JJ', 'JJR', 'JJS', 'DT', 'PRP$', 'IN', 'POS', 'CD', 'TO']);
const MODAL_WORDS = new Set(['may', 'might', 'could', 'would', 'should', 'will', 'shall']);

/**
 * Drops cues the tagger contradicts, when it ran: "territorial claims" (a noun), "the will of the
 * people", "May 2024". Without tags every cue stays.
 */
function withTags(analysis: Analysis, cues: Cue[]): Cue[] {
  const pos = analysis.pos;
  const { starts, count } = analysis.tokens;
  if (!pos || pos.length !== count || count === 0) return cues;
  const text = analysis.document.text;
  return cues.filter((cue) => {
    const modal = (cue.kind === 'modal' || cue.kind === 'future') && MODAL_WORDS.has(text.slice(cue.start, cue.end).toLowerCase());
    if (!modal && !NEEDS_VERB.has(cue.kind)) return true;
    let lo = 0, hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] < cue.start) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= count || starts[lo] !== cue.start) return true; // tokens disagree with the cue: keep it
    const tag = pos[lo];
    if (modal) return tag === 'MD';
    // Taggers often read "the memo warns" as a plural noun; trust a noun tag only after a word
    // that cannot end a subject ("territorial claims", "the claims", "of claims").
    return tag.startsWith('VB') || lo === 0 || !NOT_BEFORE_VERB.has(pos[lo - 1]);
  });
}

function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 10; // . ! ? newline
}

/**
 * The sentence that holds `pos`: from analysis.sentences when the splitter ran, else the run of
 * text between sentence-final punctuation or line breaks.
 */
export function sentenceAround(analysis: Analysis, pos: number): Span {
  const sentences = analysis.sentences;
  let lo = 0, hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  if (lo < sentences.length && sentences[lo].start <= pos) return { start: sentences[lo].start, end: sentences[lo].end };
  const text = analysis.document.text;
  let start = pos;
  while (start > 0 && !isSentenceEnd(text.charCodeAt(start - 1))) start--;
  let end = pos;
  while (end < text.length && !isSentenceEnd(text.charCodeAt(end))) end++;
  if (end < text.length && text.charCodeAt(end) !== 10) end++;
  return { start, end };
}

/** The sentence before `sentence` when both sit in the same paragraph (no line break between), else undefined. */
export function previousSentenceInParagraph(analysis: Analysis, sentence: Span): Span | undefined {
  const text = analysis.document.text;
  let i = sentence.start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13) return undefined;
  const prev = sentenceAround(analysis, i);
  return prev.start < sentence.start ? prev : undefined;
}
