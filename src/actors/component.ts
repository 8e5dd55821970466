import type { Component } from '../pipeline/component.js';

/** Actor resolution. Filled in by the actors issue. */
export async function loadActorComponents(): Promise<Component[]> {
  return [];
}
