import type { DocumentDraft } from '../../model/index.js';
import { cleanText, decodeText } from '../decode.js';
import { toIsoDate } from '../dates.js';
import { single, rejected, type Reader } from './reader.js';
import { decodeEntities, htmlToText, metaContent } from './html-text.js';
import { domShapeProblem, markupProblem } from './html-shape.js';

/** Pages larger than this skip the DOM (and Readability) and go through the regex converter. */
const MAX_DOM_CHARS = 4 * 1024 * 1024;

// linkedom's node types are not the DOM lib's; these are the few members used here.
interface El {
  textContent: string | null;
  getAttribute(name: string): string | null;
  parentElement: unknown;
  attributes: Iterable<{ value: string }>;
}
interface Doc {
  querySelectorAll(selector: string): Iterable<El>;
  querySelector(selector: string): El | null;
}

interface DomLibraries {
  parseHTML: (typeof import('linkedom'))['parseHTML'];
  Readability: (typeof import('@mozilla/readability'))['Readability'];
}
let dom: Promise<DomLibraries> | undefined;
/** linkedom and Readability load on the first page, not at start-up. */
const loadDom = (): Promise<DomLibraries> =>
  (dom ??= Promise.all([import('linkedom'), import('@mozilla/readability')]).then(([l, r]) => ({ parseHTML: l.parseHTML, Readability: r.Readability })));

/** Reads an HTML page: the article body by Mozilla Readability, metadata from meta tags and JSON-LD. */
export const htmlReader: Reader = {
  format: 'html',
  async read(bytes, ref) {
    const libraries = await loadDom();
    const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 2048)))?.[1];
    const decoded = decodeText(bytes, declared);
    const draft = readHtml(decoded.text, libraries);
    if (!draft) return rejected(ref, 'HTML page has no readable text');
    if (decoded.note) draft.extra = { ...draft.extra, encoding: decoded.note };
    return single(ref, draft);
  },
};

/** An HTML page to a draft, or undefined when it holds no text. */
function readHtml(html: string, libraries: DomLibraries): DocumentDraft | undefined {
  const skip = html.length > MAX_DOM_CHARS ? 'page too large for the DOM' : markupProblem(html);
  const dom = skip ? undefined : readWithDom(html, libraries);
  const fromDom = dom?.text ? dom : undefined;
  const text = fromDom?.text || cleanText(htmlToText(html));
  if (!text) return undefined;
  const title = dom?.title ?? metaContent(html, ['og:title', 'twitter:title']) ?? titleTag(html);
  return {
    text,
    format: 'html',
    title: title || undefined,
    url: dom?.url ?? metaContent(html, ['og:url']),
    outlet: dom?.outlet ?? metaContent(html, ['og:site_name']),
    byline: dom?.byline ?? metaContent(html, ['author', 'article:author']),
    publishedAt: dom?.publishedAt ?? toIsoDate(metaContent(html, ['article:published_time', 'datepublished', 'date', 'pubdate'])),
    language: dom?.language ?? /<html\b[^>]*\blang\s*=\s*["']?([a-zA-Z]{2})\b/i.exec(html)?.[1]?.toLowerCase(),
    extra: fromDom ? undefined : { reader: `regex fallback: ${skip ?? dom?.fallback ?? 'no article found by Readability'}` },
  };
}

function titleTag(html: string): string | undefined {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  return m ? decodeEntities(m[1]).replace(/\s+/g, ' ').trim() || undefined : undefined;
}

type Meta = Partial<Pick<DocumentDraft, 'text' | 'title' | 'url' | 'outlet' | 'byline' | 'publishedAt' | 'language'>> & {
  /** Why the article text was not taken from the DOM, when the page's metadata was. */
  fallback?: string;
};

function readWithDom(html: string, { parseHTML, Readability }: DomLibraries): Meta | undefined {
  try {
    const full = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
    const { document } = parseHTML(full) as unknown as { document: Doc };
    const meta = (keys: string[]): string | undefined => {
      for (const el of document.querySelectorAll('meta')) {
        const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop'))?.toLowerCase();
        const content = el.getAttribute('content')?.trim();
        if (key && content && keys.includes(key)) return content;
      }
      return undefined;
    };
    const ld = jsonLdArticle(document);
    const language = document.querySelector('html')?.getAttribute('lang')?.trim().toLowerCase().split(/[-_]/)[0];
    const head: Meta = {
      title: str(ld?.headline) ?? meta(['og:title', 'twitter:title']),
      url: str(ld?.url) ?? meta(['og:url']) ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
      outlet: name(ld?.publisher) ?? meta(['og:site_name', 'application-name']),
      byline: name(ld?.author) ?? meta(['author', 'article:author', 'byl', 'parsely-author']),
      publishedAt: toIsoDate(str(ld?.datePublished) ?? meta(['article:published_time', 'datepublished', 'date', 'pubdate', 'dc.date'])),
      language: language && /^[a-z]{2,3}$/.test(language) ? language : undefined,
    };
    // A tree of a shape no article has would take Readability minutes: keep the metadata, not the DOM's text.
    const problem = domShapeProblem(document.querySelectorAll('*'));
    if (problem) return { ...head, fallback: problem };
    // Readability changes the DOM it reads: metadata first, article second.
    const article = new Readability(document as never, { charThreshold: 200 }).parse();
    let text = article?.content ? cleanText(htmlToText(article.content)) : '';
    if (!text) return undefined;
    // Readability keeps the byline paragraph when the metadata already named the author: drop it from the body.
    const byline = head.byline ?? article?.byline?.trim();
    const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
    if (byline && firstLine.length < 200 && /^by\s/i.test(firstLine) && firstLine.includes(byline)) {
      text = text.slice(firstLine.length + 1).trimStart();
    }
    return {
      ...head,
      text,
      title: head.title ?? (article?.title?.trim() || undefined),
      byline: head.byline ?? (article?.byline?.trim() || undefined),
      outlet: head.outlet ?? (article?.siteName?.trim() || undefined),
      publishedAt: head.publishedAt ?? toIsoDate(article?.publishedTime),
    };
  } catch {
    return undefined; // a DOM that linkedom or Readability cannot handle: the regex converter takes over
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? decodeEntities(v.trim()) : undefined);

/** A JSON-LD person or organisation (or a list of them) as a display name. */
function name(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (Array.isArray(v)) {
    const names = v.map(name).filter((n): n is string => Boolean(n));
    return names.length ? names.join(', ') : undefined;
  }
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).name);
  return undefined;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|WebPage/;

/** The first JSON-LD object on the page that describes an article (looking inside @graph). */
function jsonLdArticle(document: Doc): Record<string, unknown> | undefined {
  const candidates: Record<string, unknown>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const stack = [data];
    while (stack.length && candidates.length < 50) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v.slice(0, 50).reverse());
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        candidates.push(o);
        if (o['@graph']) stack.push(o['@graph']);
      }
    }
  }
  const typeOf = (o: Record<string, unknown>) => [o['@type']].flat().join(' ');
  return (
    candidates.find((o) => /Article|BlogPosting|Report/.test(typeOf(o))) ??
    candidates.find((o) => ARTICLE_TYPES.test(typeOf(o)) && o.headline) ??
    candidates.find((o) => o.headline)
  );
}
