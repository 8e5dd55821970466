import type { Actor, ActorResolution, Analysis, Span } from '../model/index.js';

/**
 * The tokens of one analysed text as words the provenance rules read: lower-cased on demand (most
 * texts have no referenced document, and their words are never sliced), with tags and sentences.
 */
export class TextWords {
  readonly text: string;
  readonly count: number;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly tags: readonly string[] | undefined;
  /** Lower-cased words, filled on first use (most texts ask for a handful). */
  private lowered: (string | undefined)[] | undefined;
  private actorsById: Map<string, Actor> | undefined;
  private resolved: ActorResolution[] | undefined;

  constructor(readonly analysis: Analysis) {
    this.text = analysis.document.text;
    this.count = analysis.tokens.count;
    this.starts = analysis.tokens.starts;
    this.ends = analysis.tokens.ends;
    this.tags = analysis.pos && analysis.pos.length === this.count ? analysis.pos : undefined;
  }

  private get actors(): Map<string, Actor> {
    return (this.actorsById ??= new Map(this.analysis.actors.map((a) => [a.id, a])));
  }

  /** Resolutions to actors other than referenced documents, by start. */
  get resolutions(): readonly ActorResolution[] {
    return (this.resolved ??= this.analysis.resolutions.filter((r) => this.actors.get(r.actorId)?.kind !== 'document'));
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  lower(i: number): string {
    const lowered = (this.lowered ??= new Array(this.count));
    let w = lowered[i];
    if (w === undefined) lowered[i] = w = this.text.slice(this.starts[i]!, this.ends[i]!).toLowerCase();
    return w;
  }

  /** The Penn Treebank tag, or '' when the tagger did not run. */
  tag(i: number): string {
    return this.tags ? this.tags[i]! : '';
  }

  /** Whether the word starts with a capital letter. */
  capitalized(i: number): boolean {
    const c = this.text.charCodeAt(this.starts[i]!);
    return c >= 65 && c <= 90;
  }

  /** Whether token i is one punctuation mark (a comma, a dash, a quote…). */
  punctuation(i: number): boolean {
    if (this.ends[i]! - this.starts[i]! !== 1) return false;
    const c = this.text.charCodeAt(this.starts[i]!);
    return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) || c === 0x2014 || c === 0x2013 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019;
  }

  isComma(i: number): boolean {
    return this.ends[i]! - this.starts[i]! === 1 && this.text.charCodeAt(this.starts[i]!) === 44;
  }

  /** The index of the sentence that holds token i, or -1 when no sentence does. */
  sentence(i: number): number {
    const sentences = this.analysis.sentences;
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sentences[mid]!.tokenEnd <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo < sentences.length && sentences[lo]!.tokenStart <= i ? lo : -1;
  }

  /** Token range [from, to) of sentence k. */
  sentenceTokens(k: number): { from: number; to: number } {
    const s = this.analysis.sentences[k]!;
    return { from: s.tokenStart, to: s.tokenEnd };
  }

  /**
   * The tokens that are whole matches of a global, case-insensitive pattern of words: the text is
   * scanned once by the regex engine, and only the few tokens found are looked at in JavaScript.
   */
  tokensMatching(pattern: RegExp, from = 0): number[] {
    const found: number[] = [];
    pattern.lastIndex = from;
    for (let m = pattern.exec(this.text); m !== null; m = pattern.exec(this.text)) {
      const i = this.tokenAt(m.index);
      if (i < this.count && this.starts[i] === m.index && this.ends[i] === m.index + m[0].length) found.push(i);
    }
    return found;
  }

  /** The first token whose start is ≥ pos. */
  tokenAt(pos: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  actor(id: string): Actor | undefined {
    return this.actors.get(id);
  }

  /**
   * The actor a stretch of text names: of the resolutions inside it, the one that ends last (an English
   * noun phrase ends in its head: "a unit within the FSB"), a dictionary actor before a provisional one.
   */
  actorIn(span: Span): ActorResolution | undefined {
    let best: ActorResolution | undefined;
    for (let k = this.firstResolution(span.start); k < this.resolutions.length && this.resolutions[k]!.start < span.end; k++) {
      const r = this.resolutions[k]!;
      if (r.end > span.end) continue;
      if (!best || r.end > best.end || (r.end === best.end && this.provisional(best) && !this.provisional(r))) best = r;
    }
    return best;
  }

  /** Resolutions that lie inside a span. */
  resolutionsIn(span: Span): ActorResolution[] {
    const out: ActorResolution[] = [];
    for (let k = this.firstResolution(span.start); k < this.resolutions.length && this.resolutions[k]!.start < span.end; k++) {
      if (this.resolutions[k]!.end <= span.end) out.push(this.resolutions[k]!);
    }
    return out;
  }

  /** Whether a resolution covers text[start, end). */
  insideResolution(start: number, end: number): boolean {
    for (let k = this.firstResolution(start - 200); k < this.resolutions.length && this.resolutions[k]!.start <= start; k++) {
      if (this.resolutions[k]!.end >= end) return true;
    }
    return false;
  }

  private provisional(r: ActorResolution): boolean {
    return this.actors.get(r.actorId)?.provisional === true;
  }

  private firstResolution(pos: number): number {
    let lo = 0;
    let hi = this.resolutions.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.resolutions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
