// Worker thread of test/ingest-fuzz.test.ts: feeds one reader mutated samples and reports after each one,
// so the test can tell a hang (no report in time) from slowness, and which input caused it.
// Run outside a worker (node --test picks up every file under test/), it does nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { readers } from '../src/ingest/readers/index.js';
import type { Reader } from '../src/ingest/readers/index.js';

export interface FuzzJob {
  format: string;
  samples: Uint8Array[];
  seed: number;
  iterations: number;
}

export type FuzzMessage =
  | { kind: 'progress'; iteration: number }
  | { kind: 'done'; items: number; rejections: number; failures: { iteration: number; error: string }[] };

import { seededRandom as prng } from '../src/nlp/train/random.js';

/** Tokens that matter to one format or another: splicing them in reaches deeper than random bytes. */
const TOKENS = [
  '<', '>', '&', '&amp;', '&#x', '&#99999999;', '<![CDATA[', ']]>', '<!ENTITY x "&x;&x;">', '<!DOCTYPE rss [', '<item>', '</item>',
  '<entry>', '<script>', '</p>', '<p>', '<!--', '"', "'", '\u0000', '\uffff', '\ud800', '%PDF-1.7', 'obj', 'endobj', 'stream\n',
  'endstream', 'xref', 'trailer', '<< /Length 99999 >>', '/Filter /FlateDecode', 'startxref\n0', '\r\n\r\n', 'Content-Type: multipart/mixed; boundary=b\r\n',
  '--b\r\n', 'Content-Transfer-Encoding: base64\r\n', '=?utf-8?B?', '=?koi8-r?Q?', '=C3=', '{"text":', '\n', '{', '}', '[', '\\u', '\xff\xfe',
];

/** One mutation of a sample: byte flips, token insertions, deletions, duplications, truncation, or a splice of two samples. */
export function mutate(samples: Uint8Array[], random: () => number): Uint8Array {
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  let bytes: Uint8Array = Uint8Array.from(pick(samples));
  const rounds = 1 + Math.floor(random() * 4);
  for (let r = 0; r < rounds; r++) {
    const at = Math.floor(random() * (bytes.length + 1));
    switch (Math.floor(random() * 6)) {
      case 0: // flip a few bytes
        for (let k = 0; k < 1 + random() * 8 && bytes.length; k++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        break;
      case 1: {
        const token = Buffer.from(pick(TOKENS), 'utf8');
        bytes = concat(bytes.subarray(0, at), token, bytes.subarray(at));
        break;
      }
      case 2: // delete a range
        bytes = concat(bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + Math.floor(random() * 64))));
        break;
      case 3: {
        const end = Math.min(bytes.length, at + Math.floor(random() * 256));
        const copies = 1 + Math.floor(random() * 16);
        bytes = concat(bytes.subarray(0, end), ...Array.from({ length: copies }, () => bytes.subarray(at, end)), bytes.subarray(end));
        break;
      }
      case 4: // truncate
        bytes = bytes.subarray(0, at);
        break;
      default: {
        const other = pick(samples);
        bytes = concat(bytes.subarray(0, at), other.subarray(Math.floor(random() * other.length)));
      }
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

async function main(port: NonNullable<typeof parentPort>, job: FuzzJob): Promise<void> {
  const reader: Reader | undefined = readers.find((r) => r.format === job.format);
  if (!reader) throw new Error(`no reader for ${job.format}`);
  const random = prng(job.seed);
  const failures: { iteration: number; error: string }[] = [];
  let items = 0;
  let rejections = 0;
  for (let i = 0; i < job.iterations; i++) {
    const input = mutate(job.samples, random);
    try {
      const out = await reader.read(input, `fuzz#${i}`);
      if (!Array.isArray(out.items) || !Array.isArray(out.rejections)) throw new Error('malformed outcome');
      for (const item of out.items) if (typeof item.draft.text !== 'string') throw new Error('draft without text');
      for (const r of out.rejections) if (typeof r.reason !== 'string' || !r.reason) throw new Error('rejection without reason');
      items += out.items.length;
      rejections += out.rejections.length;
    } catch (err) {
      failures.push({ iteration: i, error: String((err as Error)?.stack ?? err).slice(0, 500) });
    }
    if (i % 50 === 0) port.postMessage({ kind: 'progress', iteration: i } satisfies FuzzMessage);
  }
  port.postMessage({ kind: 'done', items, rejections, failures } satisfies FuzzMessage);
}

if (parentPort && workerData) await main(parentPort, workerData as FuzzJob);
