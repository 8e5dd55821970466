/** A kind of per-document scratch: typed, and private to the module that made it. */
export class ScratchKey<T> {
  declare private readonly type: T;
  constructor(readonly name: string) {}
}

/**
 * One document's run through the pipeline: what its stages work out once and share (the tagging context
 * of part of speech and entities, the cues that modality and claims read). Made per document, dropped with
 * it, so nothing of one document is left for the next.
 */
export class DocumentRun {
  private readonly values = new Map<ScratchKey<unknown>, unknown>();

  /** The value under key for this document, made by `make` on first ask. */
  get<T>(key: ScratchKey<T>, make: () => T): T {
    let value = this.values.get(key) as T | undefined;
    if (value === undefined) this.values.set(key, (value = make()));
    return value;
  }
}
