/** Why a store operation failed, in words a user can act on. */
export type StoreErrorCode =
  /** The store to read does not exist (a mistyped path, the wrong folder). */
  | 'missing'
  /** The database cannot be opened or reached. */
  | 'unavailable'
  /** A search query that cannot be read. */
  | 'bad-query'
  /** The schema could not be brought up to date. */
  | 'migration';

/** An error of the store's own, raised instead of a driver's: the CLI prints it as one line, the API as a 4xx/5xx. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
