import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { renderBrief } from '../analysis/index.js';
import { lookUpDocumentId } from '../store/document-ids.js';
import { DASHBOARD_SCRIPT, DASHBOARD_STYLE, dashboardPage } from '../web/page.js';
import { openApiDocument } from './openapi.js';
import { ApiError, clientErrorHandler, installErrorHandling, sendError, toApiError } from './errors.js';
import { installSecurity } from './security.js';
import { intParam, stringParam, type Query } from './params.js';
import { parseAnalyzeRequest } from './analyze-request.js';
import { AnalysisWorker, type AnalysisWorkerOptions } from './analysis-worker.js';
import { pageLayers } from './pages.js';
import { relationshipRoutes } from './relationships.js';

export interface ServerOptions {
  /** Host names the server answers to besides IP literals, localhost and this machine's name (see hostPolicy). */
  allowedHosts?: string[];
  analysis?: AnalysisWorkerOptions;
  /** Most characters of a document's text in one answer (GET /api/documents/{id}). */
  maxTextChars?: number;
  /** Most items of each analysis layer in one answer (GET /api/documents/{id}/analysis). */
  maxLayerItems?: number;
}

/** Most documents in one page of GET /api/documents. */
export const MAX_LIST_LIMIT = 200;
/**
 * The body limit: 2,000,000 characters of text are at most 8 MB of UTF-8, more only when escaped.
 * A larger Content-Length is refused before the body is read.
 */
const BODY_LIMIT = 8 * 1024 * 1024 + 64 * 1024;

/** The HTTP API and the dashboard over one store. Every error answer has the shape of ErrorBody (errors.ts). */
export function buildServer(store: Store, options: ServerOptions = {}): FastifyInstance {
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    clientErrorHandler,
    // Errors the router finds before any route (a malformed percent-escape in the path) get the one shape too.
    frameworkErrors: (err, _request, reply) => sendError(reply, toApiError(err)),
    // Node answers a request without Host with an empty 400 of its own; the Host hook answers it in the one shape.
    http: { requireHostHeader: false },
    return503OnClosing: true,
  });
  const analysis = new AnalysisWorker(options.analysis);
  const maxTextChars = options.maxTextChars ?? 1_000_000;
  const maxLayerItems = options.maxLayerItems ?? 5_000;
  installErrorHandling(app);
  installSecurity(app, options.allowedHosts ?? []);
  app.addHook('onClose', () => analysis.close());

  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(dashboardPage()));
  app.get('/dashboard.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(DASHBOARD_SCRIPT));
  app.get('/dashboard.css', async (_req, reply) => reply.type('text/css; charset=utf-8').send(DASHBOARD_STYLE));
  app.get('/api/openapi.json', async () => openApiDocument());
  app.get('/api/health', async () => ({ ok: true }));
  app.get('/api/stats', async () => store.stats());

  app.get<{ Querystring: Query }>('/api/documents', async (req) => {
    const limit = intParam(req.query, 'limit', { min: 1, max: MAX_LIST_LIMIT, fallback: 20 });
    const offset = intParam(req.query, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const q = stringParam(req.query, 'q');
    if (q !== undefined) {
      const { total, hits } = await store.documents.search(q, { limit, offset, highlight: ['<mark>', '</mark>'] });
      return { query: q, total, limit, offset, results: hits };
    }
    const [results, stats] = await Promise.all([store.documents.list({ limit, offset }), store.stats()]);
    return { total: stats.documents, limit, offset, results };
  });

  /** The stored id a path's id stands for: the whole id or its first characters, as the CLI takes them. */
  const documentIdOf = async (typed: string): Promise<string> => {
    const found = await lookUpDocumentId(store, typed);
    if ('id' in found) return found.id;
    if ('ambiguous' in found) throw new ApiError(400, 'ambiguous_id', `more than one document id starts with ${JSON.stringify(typed)}: give more of it`);
    throw new ApiError(404, 'not_found', `no document ${JSON.stringify(typed)}`);
  };

  app.get<{ Params: { id: string }; Querystring: Query }>('/api/documents/:id', async (req) => {
    const textOffset = intParam(req.query, 'textOffset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const textLimit = intParam(req.query, 'textLimit', { min: 1, max: maxTextChars, fallback: maxTextChars });
    const doc = (await store.documents.get(await documentIdOf(req.params.id)))!;
    const total = doc.text.length;
    if (textOffset === 0 && total <= textLimit) return doc;
    const end = Math.min(total, textOffset + textLimit);
    const text = doc.text.slice(Math.min(textOffset, total), end);
    const next = end < total ? `; ask for the rest with ?textOffset=${end}` : '';
    return {
      ...doc,
      text,
      textRange: { start: Math.min(textOffset, total), end, total },
      note: `text cut to characters ${Math.min(textOffset, total).toLocaleString('en')}–${end.toLocaleString('en')} of ${total.toLocaleString('en')}${next}`,
    };
  });

  app.get<{ Params: { id: string }; Querystring: Query }>('/api/documents/:id/analysis', async (req) => {
    const offset = intParam(req.query, 'offset', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
    const limit = intParam(req.query, 'limit', { min: 1, max: maxLayerItems, fallback: maxLayerItems });
    const id = await documentIdOf(req.params.id);
    const stored = await store.analyses.get(id);
    if (!stored) throw new ApiError(404, 'not_found', `document ${id} has no stored analysis (it was ingested with --no-analyze, or its analysis failed)`);
    return pageLayers(stored, offset, limit, (next) => `ask for the next ones with ?offset=${next}`);
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/brief', async (req, reply) => {
    const id = await documentIdOf(req.params.id);
    const doc = (await store.documents.get(id))!;
    const stored = await store.analyses.get(id);
    if (!stored) throw new ApiError(404, 'not_found', `document ${id} has no stored analysis to brief (it was ingested with --no-analyze, or its analysis failed)`);
    return reply.type('text/markdown; charset=utf-8').send(renderBrief(doc, stored));
  });

  app.post('/api/analyze', async (req, reply) => {
    const request = parseAnalyzeRequest(req.body);
    const gone = new AbortController();
    reply.raw.once('close', () => gone.abort());
    const json = await analysis.analyze(request, gone.signal);
    return reply.type('application/json; charset=utf-8').send(json);
  });

  relationshipRoutes(app, store);

  return app;
}
