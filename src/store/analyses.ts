import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { ActorMentionRow, AnalysisPort, AnalysisVersionsRow, PairQuery, StoredAnalysis, StoredEvent } from './ports.js';
import type { EncodedAnalysis } from './encoded-analysis.js';
import { orUndefined, toStoredEvent } from './rows.js';

/** How a backend replaces the analyses of stored documents (reanalysis): old rows out, new in, one transaction. */
export interface AnalysisWriter {
  replaceAnalyses(analyses: EncodedAnalysis[]): Promise<void>;
}

/** The analyses port over Kysely: the same queries in both databases. */
export class KyselyAnalyses implements AnalysisPort {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly writer: AnalysisWriter,
  ) {}

  replace(analyses: EncodedAnalysis[]): Promise<void> {
    return analyses.length ? this.writer.replaceAnalyses(analyses) : Promise.resolve();
  }

  async versions(options: { after?: string; limit?: number } = {}): Promise<AnalysisVersionsRow[]> {
    const rows = await this.db
      .selectFrom('documents as d')
      .leftJoin('analyses as a', 'a.doc_id', 'd.id')
      .select(['d.id', 'd.language', 'a.versions'])
      .where('d.id', '>', options.after ?? '')
      .orderBy('d.id')
      .limit(options.limit ?? 1000)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      language: orUndefined(r.language),
      versions: r.versions === null ? undefined : (JSON.parse(r.versions) as Record<string, string>),
    }));
  }

  async get(docId: string): Promise<StoredAnalysis | undefined> {
    const row = await this.db.selectFrom('analyses').select('layers').where('doc_id', '=', docId).executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.layers) as StoredAnalysis);
  }

  async actorMentions(actorId: string, options: { limit?: number } = {}): Promise<ActorMentionRow[]> {
    const rows = await this.db
      .selectFrom('mentions as m')
      .innerJoin('documents as d', 'd.id', 'm.doc_id')
      .select(['m.doc_id', 'm.start', 'm.end', 'm.kind', 'm.text', 'd.title', 'd.published_at'])
      .where('m.actor_id', '=', actorId)
      .orderBy(sql`coalesce(d.published_at, d.retrieved_at)`, 'desc')
      .orderBy('d.seq', 'desc')
      .orderBy('m.start')
      .limit(options.limit ?? 100)
      .execute();
    return rows.map((r) => ({
      docId: r.doc_id, start: r.start, end: r.end, kind: r.kind, text: r.text,
      title: orUndefined(r.title), publishedAt: orUndefined(r.published_at),
    }));
  }

  async eventsBetween(q: PairQuery): Promise<StoredEvent[]> {
    const column = q.byCountry ? 'country' : 'actor_id';
    // One side through the index on (actor or country, time_from), the other side joined on the event:
    // either may be the source, so both directions come out of one query.
    let pairs = this.db
      .selectFrom('event_actors as x')
      .innerJoin('event_actors as y', (join) => join.onRef('y.event_id', '=', 'x.event_id').onRef('y.role', '<>', 'x.role'))
      .select('x.event_id')
      .where(`x.${column}`, '=', q.a)
      .where(`y.${column}`, '=', q.b);
    if (q.to !== undefined) pairs = pairs.where('x.time_from', '<=', q.to);
    if (q.from !== undefined) pairs = pairs.where('x.time_to', '>=', q.from);
    const rows = await this.db
      .selectFrom('events')
      .selectAll()
      .where('id', 'in', pairs)
      .orderBy('time_from')
      .orderBy('id')
      .limit(q.limit ?? 10_000)
      .execute();
    return rows.map(toStoredEvent);
  }
}
