import type { Component } from '../pipeline/component.js';

/** Event coding and claims. Filled in by the events issue. */
export async function loadEventComponents(): Promise<Component[]> {
  return [];
}
