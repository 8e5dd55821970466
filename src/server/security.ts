import type { FastifyInstance } from 'fastify';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { ApiError, sendError } from './errors.js';

/**
 * Headers on every answer: the dashboard loads only its own script and style and talks only to this
 * server; no answer is sniffed into another type, framed by another site, or sent with a referrer.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * The Host names a request may carry. A page on another site can make a browser send requests to this
 * server under that site's own name (DNS rebinding: evil.example resolving to 127.0.0.1), and read the
 * answers. Such requests carry that name in Host, so only names this server is known by pass: IP
 * literals (which rebinding cannot produce), localhost, this machine's name, and the names given with
 * --allow-host (a reverse proxy's, say).
 */
export function hostPolicy(allowed: readonly string[] = []): (hostHeader: string | undefined) => boolean {
  const names = new Set(['localhost', hostname().toLowerCase(), `${hostname().toLowerCase()}.local`, ...allowed.map((h) => h.toLowerCase())]);
  return (hostHeader) => {
    // HTTP/1.0 clients may send no Host (the hook refuses its absence in HTTP/1.1): no browser does, so no rebinding either.
    if (hostHeader === undefined) return true;
    const name = hostName(hostHeader);
    if (name === undefined) return false;
    return isIP(name) !== 0 || names.has(name) || name.endsWith('.localhost');
  };
}

/** The name in a Host header, without port or IPv6 brackets, lower-cased; undefined when malformed. */
function hostName(header: string): string | undefined {
  const h = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(h);
  if (bracketed) return bracketed[1];
  const m = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return m ? m[1].replace(/\.$/, '') : undefined;
}

export function installSecurity(app: FastifyInstance, allowedHosts: readonly string[]): void {
  const allowed = hostPolicy(allowedHosts);
  app.addHook('onRequest', async (request, reply) => {
    if (request.headers.host === undefined && request.raw.httpVersion !== '1.0') {
      return sendError(reply, new ApiError(400, 'bad_request', `an HTTP/${request.raw.httpVersion} request must name its Host`));
    }
    if (!allowed(request.headers.host)) {
      return sendError(
        reply,
        new ApiError(403, 'host_not_allowed', `this server does not answer to the host name ${JSON.stringify(request.headers.host)}; start it with --allow-host <name> to let it`),
      );
    }
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });
}
