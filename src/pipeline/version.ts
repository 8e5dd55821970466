import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * A stage's version: the first 12 hex digits of a SHA-256 over its name, its code revision and the content
 * of its files, so a retrained model or an edited dictionary changes it without anyone remembering to.
 * A missing file hashes as missing (the stage's loader says what is wrong with it).
 */
export function stageVersion(stage: { name: string; revision: number; files: readonly string[] }): string {
  const hash = createHash('sha256').update(`${stage.name}\0${stage.revision}\0`);
  for (const file of stage.files) {
    let bytes: Buffer | undefined;
    try {
      bytes = readFileSync(file);
    } catch {
      bytes = undefined;
    }
    hash.update(bytes ? `${bytes.length}\0` : 'missing\0');
    if (bytes) hash.update(bytes);
  }
  return hash.digest('hex').slice(0, 12);
}
