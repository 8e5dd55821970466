import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { FeedPort, FeedState } from './ports.js';
import { orUndefined } from './rows.js';

/** The feeds port over Kysely. */
export class KyselyFeeds implements FeedPort {
  constructor(private readonly db: Kysely<Database>) {}

  async get(url: string): Promise<FeedState | undefined> {
    const row = await this.db.selectFrom('feed_state').selectAll().where('url', '=', url).executeTakeFirst();
    if (!row) return undefined;
    return {
      url: row.url,
      etag: orUndefined(row.etag),
      lastModified: orUndefined(row.last_modified),
      seen: JSON.parse(row.seen) as string[],
      checkedAt: row.checked_at,
    };
  }

  async put(state: FeedState): Promise<void> {
    const row = {
      url: state.url,
      etag: state.etag ?? null,
      last_modified: state.lastModified ?? null,
      seen: JSON.stringify(state.seen),
      checked_at: state.checkedAt,
    };
    await this.db
      .insertInto('feed_state')
      .values(row)
      .onConflict((oc) => oc.column('url').doUpdateSet({
        etag: row.etag, last_modified: row.last_modified, seen: row.seen, checked_at: row.checked_at,
      }))
      .execute();
  }
}
