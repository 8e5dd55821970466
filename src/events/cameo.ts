import type { PloverType, QuadClass } from '../model/index.js';
import type { CameoRow } from './data-files.js';

export interface CameoInfo {
  code: string;
  label: string;
  goldstein: number;
  quadClass: QuadClass;
  ploverType?: PloverType;
  ploverMode?: string;
  ploverContext?: string;
}

/** QuadClass from the CAMEO root: 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict. */
export function quadClassOf(code: string): QuadClass | undefined {
  const root = Number(code.slice(0, 2));
  if (!Number.isInteger(root) || root < 1 || root > 20) return undefined;
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

/** CAMEO code → label, Goldstein score, QuadClass and PLOVER type/mode (data/events/cameo.json). */
export class CameoTable {
  private readonly rows: Map<string, CameoRow>;
  constructor(codes: Record<string, CameoRow>) {
    this.rows = new Map(Object.entries(codes));
  }
  info(code: string): CameoInfo | undefined {
    const row = this.rows.get(code);
    if (!row) return undefined;
    const [label, goldstein, quadClass, ploverType, ploverMode, ploverContext] = row;
    return {
      code,
      label,
      goldstein,
      quadClass,
      ploverType: (ploverType || undefined) as PloverType | undefined,
      ploverMode: ploverMode || undefined,
      ploverContext: ploverContext || undefined,
    };
  }
}
