import { ApiError } from './errors.js';

export type Query = Record<string, string | string[] | undefined>;

/** A query parameter given at most once, as a string. */
export function stringParam(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new ApiError(400, 'invalid_parameter', `${name} is given ${value.length} times; give it once`);
  return value;
}

/**
 * A whole-number query parameter within [min, max], or its default when absent. Anything else
 * (a fraction, a sign where none fits, digits past max, an empty value) is a 400 that says the range.
 */
export function intParam(query: Query, name: string, { min, max, fallback }: { min: number; max: number; fallback: number }): number {
  const raw = stringParam(query, name);
  if (raw === undefined) return fallback;
  const value = /^\s*[+-]?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const shown = raw.length > 40 ? raw.slice(0, 39) + '…' : raw;
    throw new ApiError(400, 'invalid_parameter', `${name} must be a whole number from ${min} to ${max.toLocaleString('en')}, not ${JSON.stringify(shown)}`);
  }
  return value;
}
