import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Growth of the heap, in bytes, past which the thread that writes an ingest asks for a collection. That
 * thread makes its garbage in large pieces (texts, analyses as JSON: megabytes each) and is mostly idle,
 * waiting on workers, and V8 then let its heap grow by some 400 MB before collecting it: a 50 MB text
 * file peaked at 1.1 GB of RSS, 830 MB with these collections (docs/decisions/0612).
 */
const GROWTH_BYTES = 192 * 1024 * 1024;

let collect: (() => void) | undefined | null;
let liveAfterLast = 0;

/** A full collection when the heap grew by GROWTH_BYTES since the last one; a no-op where V8 does not expose one. */
export function collectGarbageIfGrown(): void {
  const used = getHeapStatistics().used_heap_size;
  if (used - liveAfterLast < GROWTH_BYTES) return;
  if (collect === undefined) {
    try {
      // V8 exposes gc() in contexts made after the flag is set: this one, not the program's own.
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
  liveAfterLast = getHeapStatistics().used_heap_size;
}
