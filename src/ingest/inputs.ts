import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export type Input =
  | { kind: 'file'; ref: string; path: string; size: number }
  | { kind: 'url'; ref: string; url: string };

export interface ExpandedInputs {
  inputs: Input[];
  rejections: { ref: string; reason: string }[];
}

export const isUrl = (s: string): boolean => /^https?:\/\//i.test(s);

/** Turns command-line arguments into files and URLs: folders are walked recursively (hidden entries skipped), in name order. */
export async function expandInputs(args: string[]): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { inputs: [], rejections: [] };
  for (const arg of args) {
    if (isUrl(arg)) {
      out.inputs.push({ kind: 'url', ref: arg, url: arg });
      continue;
    }
    await walk(resolve(arg), arg, out);
  }
  return out;
}

async function walk(path: string, ref: string, out: ExpandedInputs): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    out.rejections.push({ ref, reason: code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${code}` });
    return;
  }
  if (info.isDirectory()) {
    let names: string[];
    try {
      names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    } catch (err) {
      out.rejections.push({ ref, reason: `cannot list folder: ${(err as NodeJS.ErrnoException).code}` });
      return;
    }
    for (const name of names) await walk(join(path, name), join(ref, name), out);
  } else if (info.isFile()) {
    out.inputs.push({ kind: 'file', ref, path, size: info.size });
  } else {
    out.rejections.push({ ref, reason: 'not a regular file' });
  }
}
