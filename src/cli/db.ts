import type { Command } from 'commander';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';

export const DEFAULT_DB = './rift.db';

export function addDbOption(command: Command): Command {
  return command.option('--db <path>', `database file (default: $RIFT_DB or ${DEFAULT_DB})`);
}

export function dbPath(opts: { db?: string }): string {
  return opts.db ?? process.env.RIFT_DB ?? DEFAULT_DB;
}

export function openCliStore(opts: { db?: string }): Promise<Store> {
  return openStore(dbPath(opts));
}
