/** How a paged answer was cut: every list layer holds items [offset, offset + limit) of its total. */
export interface LayerPage {
  offset: number;
  limit: number;
  /** Items in each list layer, all of them. */
  totals: Record<string, number>;
  /** True when every list layer is given whole. */
  complete: boolean;
  /** Said when a layer was cut: what was left out and how to get it. */
  note?: string;
}

/**
 * Cuts every list layer of an analysis (and the token table's offset lists) to one page, and says so:
 * an analysis of a long text runs to tens of megabytes of JSON, which no client wants in one answer.
 * `more` tells the reader how to get what was cut.
 */
export function pageLayers<T extends object>(layers: T, offset: number, limit: number, more: (nextOffset: number) => string): T & { page: LayerPage } {
  const out: Record<string, unknown> = {};
  const totals: Record<string, number> = {};
  let complete = true;
  const cut = <V>(name: string, list: V[]): V[] => {
    totals[name] = list.length;
    if (offset > 0 || list.length > offset + limit) complete = false;
    return list.length <= limit && offset === 0 ? list : list.slice(offset, offset + limit);
  };
  for (const [key, value] of Object.entries(layers)) {
    if (Array.isArray(value)) out[key] = cut(key, value);
    else if (key === 'tokens' && value && typeof value === 'object' && Array.isArray((value as { starts?: unknown }).starts)) {
      const tokens = value as { count: number; starts: number[]; ends: number[] };
      out[key] = { count: tokens.count, starts: cut('tokens', tokens.starts), ends: tokens.ends.slice(offset, offset + limit) };
    } else out[key] = value;
  }
  const longest = Math.max(0, ...Object.values(totals));
  const page: LayerPage = { offset, limit, totals, complete };
  if (!complete) {
    const cutLayers = Object.entries(totals).filter(([, n]) => n > limit || offset > 0).map(([k, n]) => `${k} (${n.toLocaleString('en')})`);
    page.note =
      `lists are cut to items ${offset.toLocaleString('en')}–${Math.min(offset + limit, longest).toLocaleString('en')}: ${cutLayers.join(', ')}` +
      (offset + limit < longest ? `; ${more(offset + limit)}` : '');
  }
  return { ...(out as T), page };
}
