import type { FastifyInstance } from 'fastify';
import { PERIOD_KINDS, type PeriodKind } from '../model/index.js';
import type { Store } from '../store/index.js';
import { RelationshipsStage, dyadReport, pairBrief, DyadQueryError } from '../relationships/index.js';

/** How long a caught-up store is trusted before the next request checks for unread documents again. */
const CATCH_UP_EVERY_MS = 5_000;

/** Dyad series, rift alerts and pair briefs over the store; documents stored since the stage last ran are read first. */
export function relationshipRoutes(app: FastifyInstance, store: Store): void {
  const stage = new RelationshipsStage();
  let checked = 0;
  let running: Promise<unknown> | undefined;
  const upToDate = async () => {
    if (Date.now() - checked < CATCH_UP_EVERY_MS) return;
    running ??= stage.catchUp(store).finally(() => {
      running = undefined;
      checked = Date.now();
    });
    await running;
  };

  app.get<{ Params: { a: string; b: string }; Querystring: { by?: string; from?: string; to?: string; evidence?: string } }>(
    '/api/dyads/:a/:b',
    async (req, reply) => {
      const by = (req.query.by ?? 'month') as PeriodKind;
      if (!PERIOD_KINDS.includes(by)) return reply.code(400).send({ error: `by must be one of ${PERIOD_KINDS.join(', ')}` });
      const evidence = Number(req.query.evidence ?? 3);
      if (!Number.isInteger(evidence) || evidence < 0 || evidence > 50) return reply.code(400).send({ error: 'evidence must be a whole number up to 50' });
      await upToDate();
      try {
        return await dyadReport(store, { a: req.params.a, b: req.params.b, by, from: req.query.from, to: req.query.to }, { evidence });
      } catch (err) {
        if (err instanceof DyadQueryError) return reply.code(400).send({ error: err.message });
        throw err;
      }
    },
  );

  app.get<{ Querystring: { all?: string; pair?: string } }>('/api/alerts', async (req, reply) => {
    let pair: [string, string] | undefined;
    if (req.query.pair !== undefined) {
      const parts = req.query.pair.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
      if (parts.length !== 2) return reply.code(400).send({ error: 'pair takes two codes: pair=RUS,CHN' });
      pair = [parts[0], parts[1]];
    }
    await upToDate();
    return store.relationships.alerts({ all: req.query.all === 'true' || req.query.all === '1', pair });
  });

  app.post<{ Params: { id: string }; Body: { by?: unknown } | undefined }>('/api/alerts/:id/ack', async (req, reply) => {
    const ids = await store.relationships.findAlertIds(req.params.id.toLowerCase(), 2);
    if (ids.length !== 1) return reply.code(ids.length ? 409 : 404).send({ error: ids.length ? `alert id ${req.params.id} is ambiguous` : `no alert ${req.params.id}` });
    const at = new Date().toISOString();
    const by = typeof req.body?.by === 'string' ? req.body.by : undefined;
    await store.relationships.acknowledgeAlert(ids[0], at, by);
    return { id: ids[0], acknowledgedAt: at, acknowledgedBy: by };
  });

  app.get<{ Params: { a: string; b: string }; Querystring: { from?: string; to?: string; format?: string } }>(
    '/api/briefs/pair/:a/:b',
    async (req, reply) => {
      await upToDate();
      try {
        const brief = await pairBrief(store, { a: req.params.a, b: req.params.b, from: req.query.from, to: req.query.to });
        if (req.query.format === 'json' || req.headers.accept?.includes('application/json')) return brief;
        return reply.type('text/markdown; charset=utf-8').send(brief.markdown);
      } catch (err) {
        if (err instanceof DyadQueryError) return reply.code(400).send({ error: err.message });
        throw err;
      }
    },
  );
}
