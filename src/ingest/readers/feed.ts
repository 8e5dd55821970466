import { XMLParser } from 'fast-xml-parser';
import type { DocumentDraft } from '../../model/index.js';
import { cleanText, decodeText } from '../decode.js';
import { toIsoDate } from '../dates.js';
import type { ReadItem, ReadOutcome, Reader } from './reader.js';
import { decodeEntities, htmlToText } from './html-text.js';

/** Items read from one feed at most. */
const MAX_ITEMS = 5000;

/**
 * Entities are never expanded by the parser (processEntities: false): a DOCTYPE's own entities, the
 * material of "billion laughs" bombs, stay literal text. The predefined XML entities and character
 * references are decoded here, once, with no recursion.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'category',
});

export interface FeedItem {
  /** What identifies the item across polls: guid or id, else link, else title and date. */
  key: string;
  draft: DocumentDraft;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom';
  title?: string;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

/** Text of an element that may be a string, a number, or an object with `#text` and attributes. */
function text(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    const s = decodeEntities(String(v)).trim();
    return s || undefined;
  }
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return undefined;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') || undefined : undefined;
  } catch {
    return undefined;
  }
}

const asNodes = (v: unknown): Node[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is Node => Boolean(x) && typeof x === 'object');

/**
 * A title or name: feeds put markup in titles as often as in bodies (escaped or in CDATA), and a title
 * shown as text must not carry literal tags, so it goes through the HTML-to-text path too, on one line.
 */
function titleText(v: unknown): string | undefined {
  const raw = text(v);
  if (!raw) return undefined;
  return htmlToText(raw).replace(/\s+/g, ' ').trim() || undefined;
}

/** Item body: markup allowed, so through the HTML-to-text path. */
function bodyText(...candidates: unknown[]): string {
  for (const c of candidates) {
    const raw = text(c);
    if (raw) return cleanText(htmlToText(raw));
  }
  return '';
}

/** What identifies a feed item's draft across polls: its guid (RSS) or id (Atom), else its link, else title and date. */
export function feedItemKey(draft: DocumentDraft): string {
  const guid = draft.extra?.guid;
  return typeof guid === 'string' ? guid : draft.url ?? `${draft.title ?? ''}|${draft.publishedAt ?? ''}|${draft.text.slice(0, 200)}`;
}

/** Parses RSS 2.0 (also 0.9x and RDF 1.0 items) or Atom 1.0. Throws with the reason when the bytes are not a feed. */
export function parseFeed(xml: string): ParsedFeed {
  const root = parser.parse(xml) as Node;
  const rss = (root.rss as Node | undefined) ?? (root['rdf:RDF'] as Node | undefined);
  if (rss && typeof rss === 'object') {
    const channel = asNodes(rss.channel)[0] ?? {};
    const title = titleText(channel.title);
    const channelLink = asNodes(channel.link).length ? text(channel.link) : undefined;
    const outlet = title ?? hostOf(channelLink);
    const items = asNodes(channel.item ?? rss.item).slice(0, MAX_ITEMS).map((item): FeedItem => {
      const link = text(item.link);
      const itemTitle = titleText(item.title);
      const date = text(item.pubDate) ?? text(item['dc:date']);
      const guid = text(item.guid);
      const draft: DocumentDraft = {
        text: bodyText(item['content:encoded'], item.description) || itemTitle || '',
        format: 'rss',
        title: itemTitle,
        url: link,
        outlet,
        byline: text(item['dc:creator']) ?? text(item.author),
        publishedAt: toIsoDate(date),
        dateSource: 'feed',
        language: text(channel.language)?.toLowerCase().split('-')[0],
        extra: guid ? { guid } : undefined,
      };
      return { key: feedItemKey(draft), draft };
    });
    return { kind: 'rss', title, items };
  }
  const feed = root.feed as Node | undefined;
  if (feed && typeof feed === 'object') {
    const title = titleText(feed.title);
    const feedLink = atomLink(feed.link);
    const outlet = title ?? hostOf(feedLink);
    const language = text(feed['@xml:lang'])?.toLowerCase().split('-')[0];
    const items = asNodes(feed.entry).slice(0, MAX_ITEMS).map((entry): FeedItem => {
      const link = atomLink(entry.link);
      const entryTitle = titleText(entry.title);
      const date = text(entry.published) ?? text(entry.updated);
      const author = asNodes(entry.author).map((a) => text(a.name)).filter(Boolean).join(', ');
      const id = text(entry.id);
      const draft: DocumentDraft = {
        text: bodyText(entry.content, entry.summary) || entryTitle || '',
        format: 'atom',
        title: entryTitle,
        url: link,
        outlet,
        byline: author || undefined,
        publishedAt: toIsoDate(date),
        dateSource: 'feed',
        language: text(entry['@xml:lang'])?.toLowerCase().split('-')[0] ?? language,
        extra: id ? { guid: id } : undefined,
      };
      return { key: feedItemKey(draft), draft };
    });
    return { kind: 'atom', title, items };
  }
  throw new Error('not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)');
}

/** The alternate (or first) link of an Atom element. */
function atomLink(v: unknown): string | undefined {
  const links = asNodes(v);
  const alternate = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0];
  const href = alternate?.['@href'];
  return typeof href === 'string' && href.trim() ? decodeEntities(href.trim()) : undefined;
}

/** One document per item; a feed with no items is rejected as empty. */
export const feedReader: Reader = {
  format: 'rss',
  read(bytes, ref) {
    const out: ReadOutcome = { items: [], rejections: [] };
    let feed: ParsedFeed;
    try {
      feed = parseFeed(decodeText(bytes).text);
    } catch (err) {
      out.rejections.push({ ref, reason: `invalid feed: ${(err as Error).message.split('\n')[0]}` });
      return out;
    }
    if (!feed.items.length) {
      out.rejections.push({ ref, reason: `empty ${feed.kind === 'rss' ? 'RSS' : 'Atom'} feed: no items` });
      return out;
    }
    feed.items.forEach((item, i) => {
      const itemRef = `${ref}#item${i + 1}`;
      if (!item.draft.text) out.rejections.push({ ref: itemRef, reason: 'feed item has no text, title or description' });
      else out.items.push({ ref: itemRef, draft: item.draft } satisfies ReadItem);
    });
    return out;
  },
};
