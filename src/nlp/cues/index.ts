export { HedgeDetector, HEDGE_DETECTOR } from './hedges.js';
export { readHedgeModel, defaultHedgeModel, type HedgeModel } from './hedge-model.js';
export { scanCues, scanChannels, firstAtOrAfter, type Cue, type ChannelCue } from './scan.js';
export type { CueKind } from './lexicon.js';
export { documentCues, sentenceAround, previousSentenceInParagraph, type DocumentCues } from './document-cues.js';
