import type { Actor, Analysis, Document, Span } from '../model/index.js';
import { tokenize } from '../nlp/tokenizer.js';
import { splitSentences } from '../nlp/sentences.js';
import type { Pipeline } from './pipeline.js';
import { emptyAnalysis } from './pipeline.js';

/**
 * Texts longer than this are analysed a window at a time. Each stage's working memory (token tables,
 * features, candidate lists) then grows with the window, not with the text; facts that need two
 * sentences further apart than a window (a pronoun and its name) are not linked across a boundary.
 */
export const DEFAULT_WINDOW_CHARS = 200_000;

/** How far back from a window's end to look for the end of a sentence. */
const LOOKBACK_CHARS = 20_000;

/**
 * Cuts a text into consecutive spans of at most `maxChars` characters that cover it, each ending where
 * a sentence ends (found by the pipeline's own tokenizer and sentence splitter, looking back from the
 * limit); failing that at a line break, then at a space, then at the limit (never inside a surrogate pair).
 */
export function sentenceWindows(text: string, maxChars: number): Span[] {
  if (!(maxChars >= 2)) throw new RangeError(`a window holds at least 2 characters, not ${maxChars}`);
  const windows: Span[] = [];
  let start = 0;
  while (text.length - start > maxChars) {
    const end = cutBefore(text, start, start + maxChars);
    windows.push({ start, end });
    start = end;
  }
  windows.push({ start, end: text.length });
  return windows;
}

/** Where to end a window that starts at `from` and may not pass `limit`: the start of the last sentence that begins before it. */
function cutBefore(text: string, from: number, limit: number): number {
  const regionStart = Math.max(from + 1, limit - Math.min(LOOKBACK_CHARS, Math.floor((limit - from) / 2)));
  const region = text.slice(regionStart, limit);
  const sentences = splitSentences(region, tokenize(region));
  // The region's first sentence may have begun before it (its start is not one), the last may run past
  // its end (its start still is): cut at the start of the last sentence but the first.
  if (sentences.length >= 2) return regionStart + sentences[sentences.length - 1].start;
  const newline = text.lastIndexOf('\n', limit - 1);
  if (newline >= regionStart) return newline + 1;
  for (let at = limit - 1; at >= regionStart; at--) {
    const c = text.charCodeAt(at);
    if (c === 0x20 || c === 0x09) return at + 1;
  }
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}

export interface WindowOptions {
  /**
   * Whether to put the token table and part-of-speech tags of the windows together (true by default).
   * The store keeps neither (they are cheap to recompute): ingest leaves them out, and the analysis of
   * a long text then has an empty token table while its sentences still give token indexes.
   */
  tokens?: boolean;
}

/**
 * A document's analysis, made window by window when its text is longer than `windowChars` (see
 * DEFAULT_WINDOW_CHARS), else in one go by pipeline.analyze. Each window is analysed as a document of
 * its own (same metadata, the window's text, an id of its own so that event and claim ids stay unique);
 * the layers are then put together with every span moved back into the whole text's offsets.
 */
export function analyzeInWindows(pipeline: Pipeline, document: Document, windowChars = DEFAULT_WINDOW_CHARS, options: WindowOptions = {}): Analysis {
  const { text } = document;
  if (text.length <= windowChars) return pipeline.analyze(document);
  const keepTokens = options.tokens ?? true;
  const whole = emptyAnalysis(document);
  const starts: Uint32Array[] = [];
  const ends: Uint32Array[] = [];
  const pos: string[] = [];
  let tokenOffset = 0;
  let tagged = true;
  const actors = new Map<string, Actor>();
  for (const window of sentenceWindows(text, windowChars)) {
    const id = window.start === 0 ? document.id : `${document.id}@${window.start}`;
    const part = pipeline.analyze({ ...document, id, text: text.slice(window.start, window.end) });
    if (!whole.stages.length) {
      whole.stages = part.stages;
      whole.versions = part.versions;
    }
    const delta = window.start;
    if (keepTokens) {
      starts.push(part.tokens.starts.slice(0, part.tokens.count).map((s) => s + delta));
      ends.push(part.tokens.ends.slice(0, part.tokens.count).map((e) => e + delta));
      if (part.pos) for (const tag of part.pos) pos.push(tag);
      else tagged = false;
    }
    const moved = new Set<object>();
    for (const s of part.sentences) {
      moved.add(s);
      whole.sentences.push({ ...s, start: s.start + delta, end: s.end + delta, tokenStart: s.tokenStart + tokenOffset, tokenEnd: s.tokenEnd + tokenOffset });
    }
    for (const layer of ['mentions', 'quantities', 'times', 'resolutions', 'events', 'claims', 'provenance'] as const) {
      const items = part[layer] as object[];
      for (const item of items) shiftSpans(item, delta, moved);
      (whole[layer] as object[]).push(...items);
    }
    for (const actor of part.actors) mergeActor(actors, actor);
    tokenOffset += part.tokens.count;
  }
  if (keepTokens) {
    whole.tokens = { count: tokenOffset, starts: concat(starts), ends: concat(ends) };
    if (tagged) whole.pos = pos;
  }
  whole.actors = [...actors.values()];
  return whole;
}

/** Adds `delta` to every span (an object with numeric start and end) in a value, each object once. */
function shiftSpans(value: unknown, delta: number, moved: Set<object>): void {
  if (value === null || typeof value !== 'object' || moved.has(value)) return;
  moved.add(value);
  if (Array.isArray(value)) {
    for (const item of value) shiftSpans(item, delta, moved);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    o.start += delta;
    o.end += delta;
  }
  for (const key in o) {
    const v = o[key];
    if (v !== null && typeof v === 'object') shiftSpans(v, delta, moved);
  }
}

/** One entry per actor id; the names a later window calls it by join its aliases. */
function mergeActor(actors: Map<string, Actor>, actor: Actor): void {
  const known = actors.get(actor.id);
  if (!known) {
    actors.set(actor.id, { ...actor, aliases: [...actor.aliases] });
    return;
  }
  for (const alias of actor.aliases) {
    if (!known.aliases.some((a) => a.name === alias.name && a.lang === alias.lang)) known.aliases.push(alias);
  }
}

function concat(parts: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
