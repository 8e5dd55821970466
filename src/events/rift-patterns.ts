/**
 * Rift's own event patterns (data/events/rift-patterns.txt): news phrasing the CAMEO verb
 * dictionary lacks, and nominal events. One line per pattern, fields separated by `|`:
 * kind | trigger words | before | after | CAMEO code | PLOVER mode | flags.
 */
export interface RiftPattern {
  kind: 'verb' | 'noun';
  before?: Set<string>;
  after?: Set<string>;
  code: string;
  mode?: string;
  reciprocal: boolean;
  money: boolean;
  inherit: boolean;
  passiveOk: boolean;
  /** "X said Y must…": the speaker before the clause is the source, the clause's subject the target. */
  speaker: boolean;
  line: number;
}

export class RiftPatterns {
  private readonly byTrigger = new Map<string, RiftPattern[]>();

  constructor(text: string) {
    text.split(/\r?\n/).forEach((raw, index) => {
      const line = raw.split('#')[0].trim();
      if (!line) return;
      const f = line.split('|').map((s) => s.trim());
      if (f.length < 5 || (f[0] !== 'verb' && f[0] !== 'noun')) throw new Error(`rift-patterns.txt:${index + 1}: bad line`);
      const words = (s: string | undefined) => {
        const list = (s ?? '').split(/\s+/).filter((w) => w && w !== '-');
        return list.length ? new Set(list) : undefined;
      };
      const flags = new Set((f[6] ?? '').split(/\s+/).filter(Boolean));
      const pattern: RiftPattern = {
        kind: f[0],
        before: words(f[2]),
        after: words(f[3]),
        code: f[4],
        mode: f[5] && f[5] !== '-' ? f[5] : undefined,
        reciprocal: flags.has('reciprocal'),
        money: flags.has('money'),
        inherit: flags.has('inherit'),
        passiveOk: flags.has('passive-ok'),
        speaker: flags.has('speaker'),
        line: index + 1,
      };
      for (const t of f[1].split(/\s+/).filter(Boolean)) {
        const list = this.byTrigger.get(t);
        if (list) list.push(pattern);
        else this.byTrigger.set(t, [pattern]);
      }
    });
    this.ordered();
  }

  /** Per trigger, patterns with context words come before those without: "denied responsibility" before "denied". */
  private ordered(): void {
    for (const list of this.byTrigger.values()) list.sort((a, b) => Number(!a.before && !a.after) - Number(!b.before && !b.after));
  }

  /** Every word `triggeredBy` answers. */
  triggers(): IterableIterator<string> {
    return this.byTrigger.keys();
  }

  /** The patterns a word triggers, if any. */
  triggeredBy(word: string): readonly RiftPattern[] | undefined {
    return this.byTrigger.get(word);
  }

  /** The first pattern for the word at i whose before/after conditions hold within [lo, hi). */
  match(words: readonly string[], i: number, lo: number, hi: number): RiftPattern | undefined {
    const list = this.byTrigger.get(words[i]);
    return list && firstHolding(list, words, i, lo, hi);
  }
}

/** The first of a trigger's patterns whose before/after conditions hold around word i within [lo, hi). */
export function firstHolding(list: readonly RiftPattern[], words: readonly string[], i: number, lo: number, hi: number): RiftPattern | undefined {
  for (const p of list) {
    if (p.before && !anyIn(words, p.before, Math.max(lo, i - 3), i)) continue;
    if (p.after && !anyIn(words, p.after, i + 1, Math.min(hi, i + 7))) continue;
    return p;
  }
  return undefined;
}

function anyIn(words: readonly string[], set: Set<string>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (set.has(words[k])) return true;
  return false;
}
