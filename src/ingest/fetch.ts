export const USER_AGENT = 'Rift/0.1 (+https://github.com/rift-osint/rift; news analysis)';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };

export interface Fetched {
  /** The final URL, after redirects. */
  url: string;
  /** 200, or 304 when a conditional request found nothing changed (then bytes is empty). */
  status: number;
  bytes: Uint8Array;
  contentType?: string;
  etag?: string;
  lastModified?: string;
}

export interface Conditional {
  etag?: string;
  lastModified?: string;
}

/**
 * GET a URL with a time limit over the whole exchange, a size cap (checked on the declared length and again
 * while reading), a bounded number of redirects, and Rift's User-Agent. `conditional` makes it an
 * If-None-Match / If-Modified-Since request. Throws an Error whose message is the reason.
 */
export async function fetchUrl(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS, conditional: Conditional = {}): Promise<Fetched> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: '*/*' };
  if (conditional.etag) headers['if-none-match'] = conditional.etag;
  if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const protocol = new URL(current).protocol;
      if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`unsupported URL scheme ${protocol}`);
      let res: Response;
      try {
        res = await fetch(current, { redirect: 'manual', signal: controller.signal, headers });
      } catch (err) {
        throw fetchError(err, limits);
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
        await res.body?.cancel().catch(() => undefined);
        if (hop >= limits.maxRedirects) throw new Error(`more than ${limits.maxRedirects} redirects`);
        current = new URL(location, current).href;
        continue;
      }
      const meta = {
        url: current,
        status: res.status,
        contentType: res.headers.get('content-type') ?? undefined,
        etag: res.headers.get('etag') ?? undefined,
        lastModified: res.headers.get('last-modified') ?? undefined,
      };
      if (res.status === 304) {
        await res.body?.cancel().catch(() => undefined);
        return { ...meta, bytes: new Uint8Array(0) };
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`HTTP ${res.status} ${res.statusText}`.trim());
      }
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > limits.maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new Error(`too large: response of ${declared} bytes, the limit is ${limits.maxBytes}`);
      }
      const chunks: Uint8Array[] = [];
      let total = 0;
      try {
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          total += chunk.length;
          if (total > limits.maxBytes) throw new Error(`too large: response exceeds the ${limits.maxBytes}-byte limit`);
          chunks.push(chunk);
        }
      } catch (err) {
        if ((err as Error).message.startsWith('too large')) throw err;
        throw fetchError(err, limits);
      }
      return { ...meta, bytes: Buffer.concat(chunks) };
    }
  } finally {
    clearTimeout(timer);
  }
}

function fetchError(err: unknown, limits: FetchLimits): Error {
  const e = err as Error & { cause?: { code?: string } };
  if (e.name === 'AbortError' || e.name === 'TimeoutError') return new Error(`timed out after ${limits.timeoutMs / 1000}s`);
  return new Error(`fetch failed: ${e.cause?.code ?? e.message}`);
}
