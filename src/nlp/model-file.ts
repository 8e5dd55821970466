import { gunzipSync, gzipSync } from 'node:zlib';
import { Perceptron, CompactModel } from './tagger/perceptron.js';

// The shipped weights: gzip over a small JSON header and, per weight table, the bitmap of its rows
// in use (one 32-bit word per 32 rows of the hashed table) and those rows' weights as 16-bit
// integers (each table with its own scale). Most rows of a hashed table are unused: the file
// holds, and loading reads, only the others.

const MAGIC = 'RIFTNLP2';

export interface TableHeader {
  name: string;
  tags: number;
  bits: number;
  scale: number;
  /** Rows in use. */
  rows: number;
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
    const { bitmaps, packed } = new CompactModel(model.tags, model.bits, q, scale).rowsInUseTable();
    headers.push({ name, tags: model.tags, bits: model.bits, scale, rows: packed.length / model.tags });
    bodies.push(Buffer.from(bitmaps.buffer, bitmaps.byteOffset, bitmaps.byteLength), Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength));
  }
  const header = Buffer.from(JSON.stringify({ meta, tables: headers }), 'utf8');
  // every table starts 4-byte aligned: the bitmaps are read as 32-bit words in place
  const pad = (8 - ((MAGIC.length + 4 + header.length) % 8)) % 8;
  const len = Buffer.alloc(4);
  len.writeUInt32LE(header.length + pad);
  const padded = bodies.flatMap((b) => (b.length % 4 ? [b, Buffer.alloc(4 - (b.length % 4))] : [b]));
  return gzipSync(Buffer.concat([Buffer.from(MAGIC), len, header, Buffer.alloc(pad, 0x20), ...padded]), { level: 9 });
}

export function decodeModel(gz: Buffer): ModelFile {
  const raw = gunzipSync(gz);
  if (raw.subarray(0, MAGIC.length).toString() !== MAGIC) throw new Error('not a Rift NLP model file of this version (run npm run train)');
  const headerLength = raw.readUInt32LE(MAGIC.length);
  let offset = MAGIC.length + 4;
  const { meta, tables } = JSON.parse(raw.subarray(offset, offset + headerLength).toString('utf8')) as {
    meta: Record<string, unknown>;
    tables: TableHeader[];
  };
  offset += headerLength;
  // gunzip's buffer may start anywhere: copy it once to an aligned one if the tables are not aligned
  const aligned = raw.byteOffset % 4 === 0 ? raw : Buffer.from(new Uint8Array(raw));
  const out = new Map<string, CompactModel>();
  for (const t of tables) {
    const groups = Math.max(1, (1 << t.bits) >>> 5);
    const bitmaps = new Uint32Array(aligned.buffer, aligned.byteOffset + offset, groups);
    offset += groups * 4;
    const packed = new Int16Array(aligned.buffer, aligned.byteOffset + offset, t.rows * t.tags);
    offset += t.rows * t.tags * 2;
    offset += (4 - (offset % 4)) % 4;
    out.set(t.name, new CompactModel(t.tags, t.bits, packed, t.scale, bitmaps));
  }
  return { meta, tables: out };
}
