import type { Analysis } from '../model/index.js';

/** An Analysis as plain JSON: the token table as arrays of offsets, the rest as it is. */
export function analysisToJson(a: Analysis): unknown {
  return {
    ...a,
    tokens: { count: a.tokens.count, starts: Array.from(a.tokens.starts), ends: Array.from(a.tokens.ends) },
  };
}
