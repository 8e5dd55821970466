import { decodeText } from '../decode.js';
import { single, rejected, type Reader } from './reader.js';
import { decodeEntities, htmlToText, metaContent } from './html-text.js';

export const htmlReader: Reader = {
  format: 'html',
  read(bytes, ref) {
    const { text: html } = decodeText(bytes);
    const text = htmlToText(html);
    if (!text) return rejected(ref, 'HTML page has no readable text');
    const title =
      metaContent(html, ['og:title', 'twitter:title']) ??
      (/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ? decodeEntities(/<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)![1]).trim() : undefined);
    return single(ref, {
      text,
      format: 'html',
      title: title || undefined,
      url: metaContent(html, ['og:url']),
      outlet: metaContent(html, ['og:site_name']),
      byline: metaContent(html, ['author', 'article:author']),
      publishedAt: metaContent(html, ['article:published_time', 'datepublished', 'date', 'pubdate']),
      language: /<html\b[^>]*\blang\s*=\s*["']([a-zA-Z]{2})/i.exec(html)?.[1]?.toLowerCase(),
    });
  },
};
