import type { Command } from 'commander';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';
import { addDbOption, openCliStore } from '../db.js';
import { buildServer } from '../../server/app.js';
import { CliError } from '../errors.js';
import type { Store } from '../../store/index.js';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`invalid port: ${value}`);
  return port;
}

/** `--allow-host a,b --allow-host c` → [a, b, c]. */
export function collectHosts(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((h) => h.trim()).filter(Boolean)];
}

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '[::]', '']);

/** Where a browser on this machine and, when the server listens on every interface, on others can reach it. */
export function serverUrls(host: string, port: number): { local: string; others: string[] } {
  const url = (h: string) => `http://${isIP(h) === 6 ? `[${h}]` : h}:${port}`;
  if (!ALL_INTERFACES.has(host)) return { local: url(host), others: [] };
  const others: string[] = [];
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (!a.internal && a.family === 'IPv4') others.push(url(a.address));
  }
  return { local: url('127.0.0.1'), others };
}

/** Serves until the process is stopped; closes the store on SIGINT/SIGTERM. */
export async function serveStore(store: Store, host: string, port: number, allowedHosts: string[] = []): Promise<void> {
  const bindsName = host !== 'localhost' && isIP(host.replace(/^\[|\]$/g, '')) === 0 && !ALL_INTERFACES.has(host);
  const app = buildServer(store, { allowedHosts: bindsName ? [...allowedHosts, host] : allowedHosts });
  try {
    await app.listen({ host, port });
  } catch (err) {
    await app.close();
    await store.close();
    throw new CliError(`cannot listen on ${host}:${port}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const bound = (app.server.address() as AddressInfo).port;
  const { local, others } = serverUrls(host, bound);
  process.stdout.write(`Rift is serving ${store.location} at ${local}/ (API at ${local}/api, Ctrl-C to stop)\n`);
  if (ALL_INTERFACES.has(host)) {
    if (others.length) process.stdout.write(`From other machines: ${others.map((u) => u + '/').join(', ')}\n`);
    process.stderr.write(
      `rift: warning: listening on every network interface (${host || '0.0.0.0'}): anyone who can reach this machine can read the store and ` +
        'use its CPU through the API, which has no authentication. Use --host 127.0.0.1 to keep it on this machine.\n',
    );
  }
  const stop = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function registerServe(program: Command): void {
  addDbOption(
    program
      .command('serve')
      .description('serve the HTTP API and the dashboard on localhost')
      .option('--port <n>', 'port to listen on (0: any free port)', process.env.RIFT_PORT ?? '7878')
      .option('--host <host>', 'address to bind: 0.0.0.0 listens on every interface (with a warning)', '127.0.0.1')
      .option(
        '--allow-host <names>',
        'host names the server answers to besides IP addresses, localhost and this machine\'s name (a proxy\'s name, say); comma-separated or repeated',
        collectHosts,
        [],
      ),
  ).action(async (opts) => {
    const port = parsePort(opts.port);
    await serveStore(await openCliStore(opts), opts.host, port, opts.allowHost);
  });
}
