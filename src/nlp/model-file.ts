import { gunzipSync, gzipSync } from 'node:zlib';
import { Perceptron, CompactModel } from './tagger/perceptron.js';

// The shipped weights: gzip over a small JSON header and the weight tables as 16-bit integers
// (each table with its own scale). Hashed tables are mostly zeros, which gzip all but removes.

const MAGIC = 'RIFTNLP1';

export interface TableHeader {
  name: string;
  tags: number;
  bits: number;
  scale: number;
}

export interface ModelFile {
  meta: Record<string, unknown>;
  tables: Map<string, CompactModel>;
}

export function encodeModel(meta: Record<string, unknown>, tables: Map<string, Perceptron>): Buffer {
  const headers: TableHeader[] = [];
  const bodies: Buffer[] = [];
  for (const [name, model] of tables) {
    let max = 0;
    for (const v of model.weights) max = Math.max(max, Math.abs(v));
    const scale = max > 0 ? max / 32767 : 1;
    const q = new Int16Array(model.weights.length);
    for (let i = 0; i < q.length; i++) q[i] = Math.round(model.weights[i] / scale);
    headers.push({ name, tags: model.tags, bits: model.bits, scale });
    bodies.push(Buffer.from(q.buffer, q.byteOffset, q.byteLength));
  }
  const header = Buffer.from(JSON.stringify({ meta, tables: headers }), 'utf8');
  const pad = (8 - ((MAGIC.length + 4 + header.length) % 8)) % 8;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length + pad);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC), len, header, Buffer.alloc(pad, 0x20), ...bodies]), { level: 9 });
}

export function decodeModel(gz: Buffer): ModelFile {
  const raw = gunzipSync(gz);
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a Rift NLP model file');
  const headerLength = raw.readUInt32LE(MAGIC.length);
  let offset = MAGIC.length + 4;
  const { meta, tables } = JSON.parse(raw.subarray(offset, offset + headerLength).toString('utf8')) as {
    meta: Record<string, unknown>;
    tables: TableHeader[];
  };
  offset += headerLength;
  const out = new Map<string, CompactModel>();
  for (const t of tables) {
    const size = (1 << t.bits) * t.tags;
    const at = raw.byteOffset + offset;
    // The model keeps only the rows it uses, so a view does (a copy only where the bytes are misaligned).
    const q = at % 2 === 0 ? new Int16Array(raw.buffer, at, size) : new Int16Array(raw.buffer.slice(at, at + size * 2));
    offset += size * 2;
    out.set(t.name, new CompactModel(t.tags, t.bits, q, t.scale));
  }
  return { meta, tables: out };
}
