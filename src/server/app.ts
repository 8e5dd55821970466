import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/index.js';
import { renderBrief } from '../analysis/index.js';
import { loadPipeline } from '../app/pipeline.js';
import { analysisToJson } from '../pipeline/serialize.js';
import { makeDocument } from '../app/document-factory.js';
import { dayOf, DATE_FORMS } from '../app/document-date.js';
import { dashboardPage } from '../web/page.js';
import { openApiDocument } from './openapi.js';
import { relationshipRoutes } from './relationships.js';

const MAX_ANALYZE_CHARS = 2_000_000;

/** The HTTP API and the dashboard over one store. */
export function buildServer(store: Store): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 8 * 1024 * 1024 });

  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(dashboardPage()));
  app.get('/api/openapi.json', async () => openApiDocument());
  app.get('/api/health', async () => ({ ok: true }));
  app.get('/api/stats', async () => store.stats());

  app.get<{ Querystring: { q?: string; limit?: string; offset?: string } }>('/api/documents', async (req, reply) => {
    const limit = Math.min(Number(req.query.limit ?? 20) || 20, 200);
    const offset = Math.max(Number(req.query.offset ?? 0) || 0, 0);
    if (req.query.q !== undefined) {
      if (!req.query.q.trim()) return reply.code(400).send({ error: 'q must not be empty' });
      return { query: req.query.q, results: await store.documents.search(req.query.q, { limit, highlight: ['<mark>', '</mark>'] }) };
    }
    return { results: await store.documents.list({ limit, offset }) };
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id', async (req, reply) => {
    const doc = await store.documents.get(req.params.id);
    return doc ?? reply.code(404).send({ error: `no document ${req.params.id}` });
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/analysis', async (req, reply) => {
    const analysis = await store.analyses.get(req.params.id);
    return analysis ?? reply.code(404).send({ error: `no analysis for document ${req.params.id}` });
  });

  app.get<{ Params: { id: string } }>('/api/documents/:id/brief', async (req, reply) => {
    const doc = await store.documents.get(req.params.id);
    const analysis = doc && (await store.analyses.get(doc.id));
    if (!doc || !analysis) return reply.code(404).send({ error: `no analysed document ${req.params.id}` });
    return reply.type('text/markdown; charset=utf-8').send(renderBrief(doc, analysis));
  });

  app.post<{ Body: { text?: unknown; title?: unknown; publishedAt?: unknown; language?: unknown } }>(
    '/api/analyze',
    async (req, reply) => {
      const { text, title, publishedAt, language } = req.body ?? {};
      if (typeof text !== 'string' || !text.trim()) return reply.code(400).send({ error: 'body must be JSON with a non-empty "text"' });
      if (text.length > MAX_ANALYZE_CHARS) return reply.code(413).send({ error: `text longer than ${MAX_ANALYZE_CHARS} characters` });
      if (publishedAt != null && (typeof publishedAt !== 'string' || !dayOf(publishedAt))) {
        return reply.code(400).send({ error: `"publishedAt" must be a date: ${DATE_FORMS}` });
      }
      if (language != null && (typeof language !== 'string' || !/^[a-z]{2,3}([-_][a-z0-9]+)*$/i.test(language))) {
        return reply.code(400).send({ error: '"language" must be an ISO 639-1 code such as "en" or "ru"' });
      }
      if (title != null && typeof title !== 'string') return reply.code(400).send({ error: '"title" must be a string' });
      const given = { title: title ?? undefined, publishedAt: publishedAt ?? undefined, language: language ?? undefined };
      const document = await makeDocument(
        { text, format: 'text', title: given.title, publishedAt: given.publishedAt },
        { ref: 'api', retrievedAt: new Date().toISOString(), date: given.publishedAt, language: given.language },
      );
      const analysis = (await loadPipeline()).analyze(document);
      return analysisToJson(analysis);
    },
  );

  relationshipRoutes(app, store);

  return app;
}
