import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CliError } from '../errors.js';

/**
 * News text of exactly `chars` characters for a benchmark: the texts (field text or body) of a JSON Lines
 * file, blank-line separated, from the start again when the file runs out.
 */
export async function newsText(jsonl: string, chars: number): Promise<string> {
  const texts: string[] = [];
  let total = 0;
  const rl = createInterface({ input: createReadStream(jsonl), crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      if (!line.trim()) continue;
      let record: { text?: unknown; body?: unknown };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        continue;
      }
      const text = typeof record.text === 'string' ? record.text : typeof record.body === 'string' ? record.body : '';
      if (!text.trim()) continue;
      texts.push(text.trim());
      total += text.length + 2;
      if (total >= chars) break;
    }
  } catch (err) {
    throw new CliError(`cannot read ${jsonl}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  } finally {
    rl.close();
  }
  if (!texts.length) throw new CliError(`${jsonl} holds no texts`);
  const once = texts.join('\n\n') + '\n\n';
  return once.repeat(Math.ceil(chars / once.length)).slice(0, chars);
}

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** The p-th percentile (0..100) of some numbers, by nearest rank. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
