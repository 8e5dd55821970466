export const USER_AGENT = 'Rift/0.1 (+https://github.com/rift-osint/rift; news analysis)';

export interface FetchLimits {
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };

export interface Fetched {
  url: string;
  bytes: Uint8Array;
  contentType?: string;
}

/** GET a URL with a time limit, a size cap and a bounded number of redirects. Throws an Error whose message is the reason. */
export async function fetchUrl(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = url;
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await fetch(current, { redirect: 'manual', signal, headers: { 'user-agent': USER_AGENT } });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      if (e.name === 'TimeoutError') throw new Error(`timed out after ${limits.timeoutMs / 1000}s`);
      throw new Error(`fetch failed: ${e.cause?.code ?? e.message}`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      if (hop >= limits.maxRedirects) throw new Error(`more than ${limits.maxRedirects} redirects`);
      current = new URL(res.headers.get('location')!, current).href;
      continue;
    }
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    const declared = Number(res.headers.get('content-length') ?? 0);
    if (declared > limits.maxBytes) throw new Error(`response of ${declared} bytes exceeds the ${limits.maxBytes}-byte limit`);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > limits.maxBytes) throw new Error(`response exceeds the ${limits.maxBytes}-byte limit`);
      chunks.push(chunk);
    }
    return { url: current, bytes: Buffer.concat(chunks), contentType: res.headers.get('content-type') ?? undefined };
  }
}
