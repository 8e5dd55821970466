/** A model, dictionary or table a stage loads from disk, and how (from other resources it is compiled from, through `resources`). */
export interface Resource<T> {
  readonly name: string;
  load(resources: Resources): T;
}

/**
 * Loaded resources, each loaded once, shared by the stages that need it (part of speech and entities read one
 * model). The assembly makes one and hands it to every stage's load; the stages hold what they took from it.
 */
export class Resources {
  private readonly loaded = new Map<Resource<unknown>, unknown>();

  get<T>(resource: Resource<T>): T {
    if (this.loaded.has(resource)) return this.loaded.get(resource) as T;
    const value = resource.load(this);
    this.loaded.set(resource, value);
    return value;
  }
}
