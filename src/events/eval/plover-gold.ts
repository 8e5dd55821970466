import type { PloverType } from '../../model/index.js';

/** One PLOVER gold-standard record (PLOVER_GSR_CAMEO.txt), with the older labels mapped to current PLOVER. */
export interface PloverActor {
  text: string;
  code: string;
  sector?: string;
}

export interface PloverRecord {
  id: string;
  text: string;
  type: PloverType;
  mode?: string;
  sources: PloverActor[];
  targets: PloverActor[];
}

const OLD_LABELS: Record<string, [PloverType, string?]> = {
  DEMAND: ['REQUEST'],
  DISAPPROVE: ['ACCUSE'],
  FIGHT: ['ASSAULT'],
  INVESTIGATE: ['ACCUSE', 'investigate'],
};

export function isPloverJson(text: string): boolean {
  const t = text.trimStart();
  return (t.startsWith('[') || t.startsWith('{')) && /"eventText"|"event"\s*:/.test(text.slice(0, 5000));
}

function actors(v: unknown): PloverActor[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((a): a is { actorText: string; code?: string; sector?: string } => typeof a?.actorText === 'string')
    .map((a) => ({ text: a.actorText, code: a.code ?? '', sector: a.sector || undefined }));
}

export function parsePloverGold(text: string): PloverRecord[] {
  const trimmed = text.trim();
  const raw: unknown[] = trimmed.startsWith('[')
    ? (JSON.parse(trimmed) as unknown[])
    : trimmed.split(/\r?\n/).filter(Boolean).map((l) => JSON.parse(l) as unknown);
  const out: PloverRecord[] = [];
  for (const r of raw as Record<string, unknown>[]) {
    if (typeof r.text !== 'string' || typeof r.event !== 'string' || r.event === 'DOCUMENT') continue;
    const mapped = OLD_LABELS[r.event];
    const type = (mapped ? mapped[0] : r.event) as PloverType;
    const mode = mapped?.[1] ?? (typeof r.mode === 'string' && r.mode ? r.mode : undefined);
    out.push({ id: String(r.id ?? out.length), text: r.text, type, mode, sources: actors(r.source), targets: actors(r.target) });
  }
  return out;
}
