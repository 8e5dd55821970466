import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { SearchQueryError } from '../store/index.js';

/**
 * The one shape of every error the API answers (docs/decisions/0611): the HTTP status, a stable
 * machine-readable code, and a message a person can act on.
 *
 *     { "error": { "status": 400, "code": "invalid_query", "message": "“%00” has no words to search for…" } }
 */
export interface ErrorBody {
  error: { status: number; code: ErrorCode; message: string };
}

export type ErrorCode =
  | 'bad_request'
  | 'invalid_parameter'
  | 'invalid_query'
  | 'invalid_body'
  | 'ambiguous_id'
  | 'host_not_allowed'
  | 'not_found'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'request_timeout'
  | 'busy'
  | 'analysis_timeout'
  | 'analysis_failed'
  | 'internal';

/** An error the API answers as it is: thrown from a route, sent by the error handler. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers (Retry-After for `busy`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  get body(): ErrorBody {
    return { error: { status: this.status, code: this.code, message: this.message } };
  }
}

/** Fastify's own error codes, as ours. */
const FASTIFY_CODES: Record<string, [number, ErrorCode]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_body'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_body'],
  FST_ERR_BAD_URL: [400, 'bad_request'],
};

/** Whatever was thrown, as the error the API answers. Unknown errors are `internal`, their details kept out of the answer. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof SearchQueryError) return new ApiError(400, 'invalid_query', err.message);
  const e = err as Partial<FastifyError> & { status?: number; type?: string };
  const known = e.code ? FASTIFY_CODES[e.code] : undefined;
  if (known) return new ApiError(known[0], known[1], cleanMessage(e.message, known[0]));
  // Errors from the body parser (malformed JSON) carry a 4xx status of their own.
  const status = e.statusCode ?? e.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code: ErrorCode = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : e instanceof SyntaxError ? 'invalid_body' : 'bad_request';
    return new ApiError(status, code, cleanMessage(e.message, status));
  }
  return new ApiError(500, 'internal', 'internal error: the server could not answer this request (see its log)');
}

function cleanMessage(message: string | undefined, status: number): string {
  const m = (message ?? '').replace(/\s+/g, ' ').trim();
  return m || STATUS_CODES[status] || 'error';
}

export function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.code(error.status).headers(error.headers).type('application/json; charset=utf-8').send(error.body);
}

/** Every error, from a route, a hook, the body parser or an unknown route, in the one shape. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const error = toApiError(err);
    if (error.status >= 500 && error.code === 'internal') {
      process.stderr.write(`rift serve: ${request.method} ${request.url}: ${(err as Error)?.stack ?? String(err)}\n`);
    }
    return sendError(reply, error);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, new ApiError(404, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}: see /api/openapi.json`)),
  );
}

/**
 * Requests so malformed that no route sees them (bad HTTP syntax, headers too large) get the same
 * shape, written on the socket, which is then closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code]: [number, ErrorCode] =
    err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'headers_too_large'] : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'request_timeout'] : [400, 'bad_request'];
  const body = JSON.stringify(new ApiError(status, code, `malformed HTTP request: ${err.code ?? err.message}`).body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
  );
}
