import type { Component } from '../pipeline/component.js';
import { eventCoderComponent } from './coder-component.js';
import { loadModalityComponent } from './modality.js';
import { loadClaimsComponent } from './claims/index.js';

/**
 * Event coding, then modality and claims: the coder emits every event as 'asserted'; the
 * modality stage revises that, and the claims stage adds who says so, how sure, through which channel.
 */
export async function loadEventComponents(): Promise<Component[]> {
  return [eventCoderComponent(), await loadModalityComponent(), await loadClaimsComponent()];
}
