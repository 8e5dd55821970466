import type { Command } from 'commander';
import { addDbOption, openCliStore } from '../db.js';
import { buildServer } from '../../server/app.js';
import { CliError } from '../errors.js';
import type { Store } from '../../store/index.js';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`invalid port: ${value}`);
  return port;
}

/** Serves until the process is stopped; closes the store on SIGINT/SIGTERM. */
export async function serveStore(store: Store, host: string, port: number): Promise<void> {
  const app = buildServer(store);
  let address: string;
  try {
    address = await app.listen({ host, port });
  } catch (err) {
    await store.close();
    throw new CliError(`cannot listen on ${host}:${port}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  process.stdout.write(`Rift is serving ${store.location} at ${address}/ (API at ${address}/api, Ctrl-C to stop)\n`);
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
      .option('--port <n>', 'port to listen on', process.env.RIFT_PORT ?? '7878')
      .option('--host <host>', 'address to bind', '127.0.0.1'),
  ).action(async (opts) => {
    const port = parsePort(opts.port);
    await serveStore(await openCliStore(opts), opts.host, port);
  });
}
