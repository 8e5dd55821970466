import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root (tests run from dist/test/...). */
export const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
export const RIFT = join(ROOT, 'bin/rift.js');
export const SHARED = resolve(process.env.RIFT_SHARED ?? join(ROOT, '../shared'));

export function sharedFile(relative: string): string | undefined {
  const path = join(SHARED, relative);
  return existsSync(path) ? path : undefined;
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `rift ...args` to completion. */
export function rift(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): RunResult {
  const res = spawnSync(process.execPath, [RIFT, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

export function riftJson<T = any>(args: string[], options: Parameters<typeof rift>[1] = {}): T {
  const res = rift([...args, '--json'], options);
  if (res.status !== 0) throw new Error(`rift ${args.join(' ')} exited ${res.status}: ${res.stderr}`);
  return JSON.parse(res.stdout) as T;
}

export function startRift(args: string[]): ChildProcess {
  return spawn(process.execPath, [RIFT, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'rift-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
