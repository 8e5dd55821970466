import type { Command } from 'commander';
import { openStore, StoreOpenError } from '../store/index.js';
import type { Store } from '../store/index.js';
import { CliError } from './errors.js';

export const DEFAULT_DB = './rift.db';

export function addDbOption(command: Command): Command {
  return command.option('--db <path>', `database file (default: $RIFT_DB or ${DEFAULT_DB})`);
}

export function dbPath(opts: { db?: string }): string {
  return opts.db || process.env.RIFT_DB || DEFAULT_DB;
}

/**
 * The store a command works on. Only commands that write (ingest, watch, demo) pass `create`: the others
 * refuse a store that does not exist, so that a typo in --db is an error, not an empty result.
 */
export async function openCliStore(opts: { db?: string }, { create = false }: { create?: boolean } = {}): Promise<Store> {
  try {
    return await openStore(dbPath(opts), { create });
  } catch (err) {
    if (err instanceof StoreOpenError) throw new CliError(err.message);
    throw err;
  }
}
