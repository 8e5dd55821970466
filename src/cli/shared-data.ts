import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder of shared development data (../shared from the checkout), or $RIFT_SHARED. */
export function sharedDir(): string {
  return resolve(process.env.RIFT_SHARED ?? '../shared');
}

export function sharedPath(relative: string): string | undefined {
  const path = resolve(sharedDir(), relative);
  return existsSync(path) ? path : undefined;
}
