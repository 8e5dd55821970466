import type { Command } from 'commander';
import { openStore, type OpenStoreOptions, type Store } from '../store/index.js';

export const DEFAULT_DB = './rift.db';

export function addDbOption(command: Command): Command {
  return command.option('--db <path|url>', `the store: a SQLite file or a postgres:// URL (default: $RIFT_DB or ${DEFAULT_DB})`);
}

export function dbPath(opts: { db?: string }): string {
  return opts.db || process.env.RIFT_DB || DEFAULT_DB;
}

/**
 * Opens the store the command names; only commands that write (ingest, demo, watch) create a missing one,
 * so that a typo in --db is an error (StoreError 'missing'), not an empty result.
 */
export function openCliStore(opts: { db?: string }, options: OpenStoreOptions = {}): Promise<Store> {
  return openStore(dbPath(opts), options);
}
