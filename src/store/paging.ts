import type { PageOptions } from './ports.js';

/** The most rows one call returns. */
export const MAX_PAGE_LIMIT = 100_000;

/** Checks a page's limit and offset before they reach a database; a RangeError says which one is wrong and why. */
export function checkPage({ limit, offset }: PageOptions): void {
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 0 && limit <= MAX_PAGE_LIMIT)) {
    throw new RangeError(`limit must be a whole number from 0 to ${MAX_PAGE_LIMIT}, not ${limit}`);
  }
  if (offset !== undefined && !(Number.isSafeInteger(offset) && offset >= 0)) {
    throw new RangeError(`offset must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${offset}`);
  }
}
