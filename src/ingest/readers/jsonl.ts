import type { DocumentDraft } from '../../model/index.js';
import { decodeText } from '../decode.js';
import type { Reader, ReadOutcome } from './reader.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Field names seen in the wild for each piece of metadata, first match wins. */
const FIELDS = {
  text: ['text', 'body', 'content', 'article'],
  title: ['title', 'headline'],
  url: ['url', 'link'],
  outlet: ['outlet', 'source', 'publisher', 'site'],
  language: ['lang', 'language'],
  publishedAt: ['date', 'published', 'publishedAt', 'published_at', 'pubDate'],
} as const;

const KNOWN = new Set<string>(Object.values(FIELDS).flat());

function pick(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = str(record[k]);
    if (v) return v;
  }
  return undefined;
}

/** One document per line: {text|body, title, url, outlet, lang, date, ...}. Other fields are kept in `extra`. */
export const jsonlReader: Reader = {
  format: 'jsonl',
  read(bytes, ref) {
    const out: ReadOutcome = { items: [], rejections: [] };
    const lines = decodeText(bytes).text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (!line) continue;
      const lineRef = `${ref}#L${i + 1}`;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (err) {
        out.rejections.push({ ref: lineRef, reason: `invalid JSON: ${(err as Error).message}` });
        continue;
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record)) {
        out.rejections.push({ ref: lineRef, reason: 'a line must hold one JSON object' });
        continue;
      }
      const r = record as Record<string, unknown>;
      const text = pick(r, FIELDS.text);
      if (!text) {
        out.rejections.push({ ref: lineRef, reason: `no text: expected one of ${FIELDS.text.join(', ')}` });
        continue;
      }
      const extra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (!KNOWN.has(k) && v !== null && v !== undefined) extra[k] = v;
      const draft: DocumentDraft = {
        text: text.replace(/\r\n?/g, '\n'),
        format: 'jsonl',
        title: pick(r, FIELDS.title),
        url: pick(r, FIELDS.url),
        outlet: pick(r, FIELDS.outlet),
        language: pick(r, FIELDS.language)?.toLowerCase(),
        publishedAt: pick(r, FIELDS.publishedAt),
        // whoever wrote the records dated them: a date given, not one found in a page
        dateSource: 'given',
        extra: Object.keys(extra).length ? extra : undefined,
      };
      out.items.push({ ref: lineRef, draft });
    }
    return out;
  },
};
