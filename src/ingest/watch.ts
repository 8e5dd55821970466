import { DEFAULT_FETCH_LIMITS, fetchUrl, type FetchLimits } from './fetch.js';
import { feedItemKey } from './readers/feed.js';
import type { ReadItem } from './readers/index.js';
import type { FeedState } from '../store/index.js';
import { IngestSession, type IngestOptions, type IngestSummary } from './session.js';

/** Item keys remembered per feed: far more than any feed lists at once, so a returning item is still known. */
const MAX_SEEN = 10_000;

export interface FeedPoll {
  url: string;
  /** unchanged: the server answered 304, or the feed lists nothing new; updated: new items were taken. */
  status: 'unchanged' | 'updated' | 'failed';
  items: number;
  newItems: number;
  reason?: string;
}

export interface WatchPass {
  feeds: FeedPoll[];
  summary: IngestSummary;
}

export interface WatchOptions extends IngestOptions {
  fetchLimits?: FetchLimits;
}

/**
 * One pass over feeds: a conditional GET for each (If-None-Match / If-Modified-Since from the last pass),
 * the feed read like any input (in a worker, within the time budget, when there is a pool), and only the
 * items whose guid, id or link was not seen before ingested. The state is saved after the items are
 * stored: a pass cut short takes the same items again next time, and they dedupe by content.
 */
export async function pollFeeds(urls: string[], options: WatchOptions): Promise<WatchPass> {
  const feedStates = options.store.feeds;
  const session = await IngestSession.open(options);
  const feeds: FeedPoll[] = [];
  const states: FeedState[] = [];
  try {
    for (const url of urls) {
      const previous = await feedStates.get(url);
      const poll: FeedPoll = { url, status: 'unchanged', items: 0, newItems: 0 };
      feeds.push(poll);
      let fetched;
      try {
        fetched = await fetchUrl(url, { ...DEFAULT_FETCH_LIMITS, ...options.fetchLimits }, previous ?? {});
      } catch (err) {
        poll.status = 'failed';
        poll.reason = (err as Error).message;
        session.reject(url, poll.reason);
        continue;
      }
      const checkedAt = new Date().toISOString();
      if (fetched.status === 304) {
        states.push({ ...previous!, checkedAt });
        continue;
      }
      const outcome = await session.read({ ref: url, name: new URL(fetched.url).pathname, bytes: fetched.bytes, contentType: fetched.contentType ?? 'application/rss+xml' });
      const feedFormat = outcome.items[0]?.draft.format;
      if (outcome.rejections.length && !outcome.items.length) {
        poll.status = 'failed';
        poll.reason = outcome.rejections.map((r) => r.reason).join('; ');
        for (const r of outcome.rejections) session.reject(r.ref, r.reason);
        continue;
      }
      if (feedFormat !== 'rss' && feedFormat !== 'atom') {
        poll.status = 'failed';
        poll.reason = `not a feed: read as ${feedFormat}`;
        session.reject(url, poll.reason);
        continue;
      }
      for (const r of outcome.rejections) session.reject(r.ref, r.reason);
      const seen = new Set(previous?.seen ?? []);
      const keys: string[] = [];
      const fresh: ReadItem[] = [];
      for (const item of outcome.items) {
        const key = feedItemKey(item.draft);
        keys.push(key);
        if (seen.has(key)) continue;
        seen.add(key);
        fresh.push({ ref: item.draft.url ?? `${url}#${key}`, draft: item.draft });
      }
      poll.items = outcome.items.length;
      poll.newItems = fresh.length;
      if (fresh.length) poll.status = 'updated';
      await session.addItems(fresh);
      const current = new Set(keys);
      states.push({
        url,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        seen: [...keys, ...(previous?.seen ?? []).filter((k) => !current.has(k))].slice(0, MAX_SEEN),
        checkedAt,
      });
    }
  } catch (err) {
    await session.abort();
    throw err;
  }
  const summary = await session.finish();
  for (const state of states) await feedStates.put(state);
  return { feeds, summary };
}
