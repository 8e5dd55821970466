import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway PostgreSQL 15 server for tests and benchmarks: initdb into a temporary folder, started on a free port on
 * loopback, stopped and removed by stop(). Started as the `postgres` system user when the tests run as
 * root (initdb refuses root). Absent binaries give `undefined` and the reason, so suites skip, not fail.
 */
export interface TestPostgres {
  /** A URL to a fresh database; each call creates another. */
  newDatabase(): string;
  stop(): void;
}

export const POSTGRES_BIN = process.env.RIFT_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function postgresUnavailable(): string | undefined {
  if (process.env.RIFT_PG_URL) return undefined;
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) return `PostgreSQL binaries not found in ${POSTGRES_BIN} (set RIFT_PG_BIN)`;
  if (process.getuid?.() === 0 && spawnSync('id', ['postgres']).status !== 0) return 'running as root and there is no postgres user to start the server as';
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const external = process.env.RIFT_PG_URL;
  let counter = 0;
  if (external) {
    return {
      newDatabase() {
        const name = `rift_test_${process.pid}_${++counter}`;
        execFileSync('psql', [external, '-qc', `CREATE DATABASE ${name}`]);
        const url = new URL(external);
        url.pathname = `/${name}`;
        return url.toString();
      },
      stop() {},
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'rift-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (bin: string, args: string[]) => {
    const cmd = join(POSTGRES_BIN, bin);
    const res = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
      : spawnSync(cmd, args, { encoding: 'utf8' });
    if (res.status !== 0) throw new Error(`${bin} failed: ${res.stderr || res.stdout}`);
    return res.stdout;
  };
  if (asRoot) {
    chmodSync(dir, 0o777);
    execFileSync('chown', ['postgres', dir]);
  }
  run('initdb', ['-D', data, '-U', 'rift', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  run('pg_ctl', [
    '-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', 'start',
    '-o', `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
  ]);
  const base = `postgres://rift@127.0.0.1:${port}`;
  return {
    newDatabase() {
      const name = `rift_test_${++counter}`;
      run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'rift', name]);
      return `${base}/${name}`;
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
