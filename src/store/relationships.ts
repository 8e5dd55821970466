import { sql, type Kysely, type Transaction } from 'kysely';
import type { Channel, PeriodKind, RelationshipChannel, RiftAlert } from '../model/index.js';
import type { Database } from './schema.js';
import type {
  AlertQuery, DyadEventQuery, DyadEventRecord, DyadMention, DyadSeriesQuery, DyadSeriesRow, DyadSourceEvent, DyadSources,
  DyadWriter, EvidenceDocument, RelationshipPort,
} from './relationship-ports.js';
import {
  alertRow, mentionRow, seriesRow, toAlert, toDyadEvent, toMention, toSeriesRow, dyadEventRow,
} from './relationship-rows.js';
import { orUndefined } from './rows.js';

/** Ids per `IN (...)` list, and bound parameters per statement: under SQLite's (32,766) and PostgreSQL's (65,535) limits. */
const IDS_PER_QUERY = 500;
const PARAMETERS_PER_STATEMENT = 30_000;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const rowsPerStatement = (columns: number) => Math.max(1, Math.floor(PARAMETERS_PER_STATEMENT / columns));

/** The relationships port over Kysely: the same queries in both databases. */
export class KyselyRelationships implements RelationshipPort {
  constructor(private readonly db: Kysely<Database>) {}

  async sources(docIds: readonly string[]): Promise<DyadSources> {
    const result: DyadSources = { documents: [], events: [] };
    for (const ids of chunks([...new Set(docIds)], IDS_PER_QUERY)) {
      const docs = await this.db
        .selectFrom('documents as d')
        .innerJoin('analyses as a', 'a.doc_id', 'd.id')
        .select(['d.id', 'd.date_day', 'd.date_source', 'd.published_at', 'a.versions as signature'])
        .where('d.id', 'in', ids)
        .orderBy('d.id')
        .execute();
      for (const d of docs) {
        const day = d.date_day ?? d.published_at?.slice(0, 10) ?? undefined;
        const daySource = d.date_day ? orUndefined(d.date_source) : d.published_at ? 'published' : undefined;
        result.documents.push({ id: d.id, signature: d.signature, day, daySource });
      }
      const events = await this.db
        .selectFrom('events')
        .select([
          'id', 'doc_id', 'start', 'end', 'plover_type', 'cameo', 'goldstein', 'quad_class', 'modality', 'confidence',
          'time_from', 'time_to', 'time_precision', 'time_basis',
        ])
        .where('doc_id', 'in', ids)
        .orderBy('doc_id')
        .orderBy('id')
        .execute();
      if (!events.length) continue;
      const byId = new Map<string, DyadSourceEvent>();
      for (const e of events) {
        const event: DyadSourceEvent = {
          id: e.id, docId: e.doc_id, start: e.start, end: e.end, ploverType: e.plover_type, cameo: e.cameo,
          goldstein: Number(e.goldstein), quadClass: e.quad_class, modality: e.modality, confidence: Number(e.confidence),
          time: e.time_from && e.time_to
            ? { from: e.time_from, to: e.time_to, precision: orUndefined(e.time_precision), basis: orUndefined(e.time_basis) }
            : undefined,
          sources: [], targets: [], claims: [],
        };
        byId.set(e.id, event);
        result.events.push(event);
      }
      const actors = await this.db
        .selectFrom('event_actors')
        .select(['event_id', 'actor_id', 'country', 'role'])
        .where('event_id', 'in', this.db.selectFrom('events').select('id').where('doc_id', 'in', ids))
        .orderBy('event_id')
        .orderBy('role')
        .orderBy('actor_id')
        .execute();
      for (const x of actors) {
        const event = byId.get(x.event_id);
        if (!event) continue;
        (x.role === 'source' ? event.sources : event.targets).push({ code: x.actor_id, country: orUndefined(x.country) });
      }
      const claims = await this.db
        .selectFrom('claims')
        .select(['id', 'event_id', 'speaker', 'channel', 'certainty', 'icd', 'admiralty'])
        .where('doc_id', 'in', ids)
        .orderBy('id')
        .execute();
      for (const c of claims) {
        byId.get(c.event_id)?.claims.push({
          id: c.id, speaker: c.speaker, channel: c.channel as Channel, certainty: Number(c.certainty), icd: c.icd, admiralty: orUndefined(c.admiralty),
        });
      }
    }
    return result;
  }

  async pending(options: { after?: string; limit?: number } = {}): Promise<string[]> {
    let query = this.db
      .selectFrom('analyses as a')
      .select('a.doc_id')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('dyad_documents as r').select('r.doc_id').whereRef('r.doc_id', '=', 'a.doc_id'))))
      .orderBy('a.doc_id')
      .limit(options.limit ?? 1000);
    if (options.after !== undefined) query = query.where('a.doc_id', '>', options.after);
    return (await query.execute()).map((r) => r.doc_id);
  }

  async countPending(): Promise<number> {
    // Two counts answer the usual case (everything read) without touching each document.
    const count = async (table: 'analyses' | 'dyad_documents') =>
      Number((await this.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const [analyses, read] = [await count('analyses'), await count('dyad_documents')];
    if (analyses === read) return 0;
    const row = await this.db
      .selectFrom('analyses as a')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('dyad_documents as r').select('r.doc_id').whereRef('r.doc_id', '=', 'a.doc_id'))))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async state(name: string): Promise<{ version: string; updatedAt: string } | undefined> {
    const row = await this.db.selectFrom('relationship_state').selectAll().where('name', '=', name).executeTakeFirst();
    return row && { version: row.version, updatedAt: row.updated_at };
  }

  write<T>(work: (writer: DyadWriter) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(new KyselyDyadWriter(trx)));
  }

  async series(q: DyadSeriesQuery): Promise<DyadSeriesRow[]> {
    const rows = [];
    for (const [source, target] of q.a === q.b ? [[q.a, q.b]] : [[q.a, q.b], [q.b, q.a]]) {
      let query = this.db
        .selectFrom('dyad_series')
        .selectAll()
        .where('source', '=', source)
        .where('target', '=', target)
        .where('period_kind', '=', q.by);
      if (q.from !== undefined) query = query.where('period', '>=', q.from);
      if (q.to !== undefined) query = query.where('period', '<=', q.to);
      if (q.channels) query = query.where('channel', 'in', [...q.channels]);
      rows.push(...(await query.orderBy('period').orderBy('channel').execute()));
    }
    // Cells whose events were all taken away keep a row of (near) zeros.
    return rows.filter((r) => Number(r.events) > 1e-9).map(toSeriesRow);
  }

  async seriesAmong(q: { by: PeriodKind; keys: readonly string[]; periods: readonly string[]; channels?: readonly RelationshipChannel[] }): Promise<DyadSeriesRow[]> {
    if (!q.keys.length || !q.periods.length) return [];
    const keys = [...new Set(q.keys)];
    const out: DyadSeriesRow[] = [];
    for (const periods of chunks([...new Set(q.periods)], IDS_PER_QUERY)) {
      let query = this.db
        .selectFrom('dyad_series')
        .selectAll()
        .where('source', 'in', keys)
        .where('target', 'in', keys)
        .where('period_kind', '=', q.by)
        .where('period', 'in', periods);
      if (q.channels) query = query.where('channel', 'in', [...q.channels]);
      for (const r of await query.execute()) if (Number(r.events) > 1e-9) out.push(toSeriesRow(r));
    }
    return out;
  }

  async events(q: DyadEventQuery): Promise<DyadEventRecord[]> {
    const direction = (source: string, target: string) => {
      let query = this.db.selectFrom('dyad_events').selectAll().where('source', '=', source).where('target', '=', target);
      if (q.to !== undefined) query = query.where('time_from', '<=', q.to);
      if (q.from !== undefined) query = query.where('time_to', '>=', q.from);
      if (q.channels) query = query.where('channel', 'in', [...q.channels]);
      return query;
    };
    const limit = q.limit ?? 100;
    const order = q.order ?? 'time';
    const key = order === 'strongest' ? sql`abs(weight * goldstein)` : sql`weight * goldstein`;
    const rows = [];
    for (const [source, target] of q.a === q.b ? [[q.a, q.b]] : [[q.a, q.b], [q.b, q.a]]) {
      let query = direction(source, target);
      query = order === 'time'
        ? query.orderBy('time_from').orderBy('fingerprint')
        : query.orderBy(key, order === 'hostile' ? 'asc' : 'desc').orderBy('time_from').orderBy('fingerprint');
      rows.push(...(await query.limit(limit).execute()));
    }
    const events = rows.map(toDyadEvent);
    const score = (e: DyadEventRecord) =>
      order === 'strongest' ? -Math.abs(e.weight * e.goldstein) : order === 'cooperative' ? -e.weight * e.goldstein : e.weight * e.goldstein;
    events.sort((x, y) =>
      (order === 'time' ? 0 : score(x) - score(y)) || (x.timeFrom < y.timeFrom ? -1 : x.timeFrom > y.timeFrom ? 1 : 0) ||
      (x.fingerprint < y.fingerprint ? -1 : x.fingerprint > y.fingerprint ? 1 : 0));
    return events.slice(0, limit);
  }

  async reports(fingerprint: string): Promise<DyadMention[]> {
    const rows = await this.db.selectFrom('dyad_mentions').selectAll().where('fingerprint', '=', fingerprint)
      .orderBy('report_day').orderBy('doc_id').orderBy('event_id').execute();
    return rows.map(toMention);
  }

  async evidenceDocuments(ids: readonly string[]): Promise<EvidenceDocument[]> {
    const out: EvidenceDocument[] = [];
    for (const part of chunks([...new Set(ids)], IDS_PER_QUERY)) {
      const rows = await this.db
        .selectFrom('documents')
        .select(['id', 'text', 'outlet', 'title', 'date_day', 'published_at'])
        .where('id', 'in', part)
        .execute();
      for (const r of rows) {
        out.push({
          id: r.id, text: r.text, outlet: orUndefined(r.outlet), title: orUndefined(r.title),
          day: r.date_day ?? r.published_at?.slice(0, 10) ?? undefined,
        });
      }
    }
    return out;
  }

  async putAlerts(alerts: readonly RiftAlert[]): Promise<void> {
    for (const alert of alerts) {
      const row = alertRow(alert);
      await this.db
        .insertInto('rift_alerts')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet({
          score: row.score, low: row.low, high: row.high, probability: row.probability, detail: row.detail,
          updated_at: row.updated_at, withdrawn_at: null,
        }))
        .execute();
    }
  }

  async withdrawAlerts(ids: readonly string[], at: string): Promise<number> {
    let n = 0;
    for (const part of chunks(ids, IDS_PER_QUERY)) {
      const result = await this.db
        .updateTable('rift_alerts')
        .set({ withdrawn_at: at, updated_at: at })
        .where('id', 'in', part)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      n += Number(result.numUpdatedRows);
    }
    return n;
  }

  async alerts(q: AlertQuery = {}): Promise<RiftAlert[]> {
    let query = this.db.selectFrom('rift_alerts').selectAll();
    if (!q.all) query = query.where('acknowledged_at', 'is', null).where('withdrawn_at', 'is', null);
    if (q.pair) {
      const [a, b] = [...q.pair].sort();
      query = query.where('a', '=', a).where('b', '=', b);
    }
    const rows = await query.orderBy('period', 'desc').orderBy('a').orderBy('b').orderBy('id').limit(q.limit ?? 1000).execute();
    return rows.map(toAlert);
  }

  async findAlertIds(prefix: string, limit = 10): Promise<string[]> {
    const rows = await this.db
      .selectFrom('rift_alerts')
      .select('id')
      .where('id', '>=', prefix)
      .where('id', '<', prefix + '\uffff')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async acknowledgeAlert(id: string, at: string, by?: string): Promise<boolean> {
    const result = await this.db
      .updateTable('rift_alerts')
      .set({ acknowledged_at: at, acknowledged_by: by ?? null })
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

/** One update's writes, inside its transaction. */
class KyselyDyadWriter implements DyadWriter {
  constructor(private readonly trx: Transaction<Database>) {}

  async begin(name: string, version: string, at: string): Promise<void> {
    await this.trx
      .insertInto('relationship_state')
      .values({ name, version, updated_at: at })
      .onConflict((oc) => oc.column('name').doUpdateSet({ version, updated_at: at }))
      .execute();
  }

  async fingerprintsOfDocuments(docIds: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const ids of chunks(docIds, IDS_PER_QUERY)) {
      for (const r of await this.trx.selectFrom('dyad_mentions').select('fingerprint').where('doc_id', 'in', ids).execute()) {
        found.add(r.fingerprint);
      }
    }
    return [...found];
  }

  async deleteMentionsOfDocuments(docIds: readonly string[]): Promise<void> {
    for (const ids of chunks(docIds, IDS_PER_QUERY)) await this.trx.deleteFrom('dyad_mentions').where('doc_id', 'in', ids).execute();
  }

  async insertMentions(mentions: readonly DyadMention[]): Promise<void> {
    if (!mentions.length) return;
    const rows = mentions.map(mentionRow);
    for (const part of chunks(rows, rowsPerStatement(Object.keys(rows[0]).length))) {
      await this.trx.insertInto('dyad_mentions').values(part).onConflict((oc) => oc.doNothing()).execute();
    }
  }

  async mentions(fingerprints: readonly string[]): Promise<DyadMention[]> {
    const out: DyadMention[] = [];
    for (const part of chunks(fingerprints, IDS_PER_QUERY)) {
      const rows = await this.trx.selectFrom('dyad_mentions').selectAll().where('fingerprint', 'in', part).execute();
      for (const r of rows) out.push(toMention(r));
    }
    return out;
  }

  async events(fingerprints: readonly string[]): Promise<DyadEventRecord[]> {
    const out: DyadEventRecord[] = [];
    for (const part of chunks(fingerprints, IDS_PER_QUERY)) {
      const rows = await this.trx.selectFrom('dyad_events').selectAll().where('fingerprint', 'in', part).execute();
      for (const r of rows) out.push(toDyadEvent(r));
    }
    return out;
  }

  async putEvents(events: readonly DyadEventRecord[]): Promise<void> {
    if (!events.length) return;
    const rows = events.map(dyadEventRow);
    const columns = Object.keys(rows[0]).filter((c) => c !== 'fingerprint') as (keyof (typeof rows)[0])[];
    const update = Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]));
    for (const part of chunks(rows, rowsPerStatement(columns.length + 1))) {
      await this.trx.insertInto('dyad_events').values(part).onConflict((oc) => oc.column('fingerprint').doUpdateSet(update)).execute();
    }
  }

  async deleteEvents(fingerprints: readonly string[]): Promise<void> {
    for (const part of chunks(fingerprints, IDS_PER_QUERY)) await this.trx.deleteFrom('dyad_events').where('fingerprint', 'in', part).execute();
  }

  async addToSeries(series: readonly DyadSeriesRow[], returning = false): Promise<DyadSeriesRow[]> {
    const out: DyadSeriesRow[] = [];
    if (!series.length) return out;
    const rows = series.map(seriesRow);
    const sums = [
      'events', 'verbal_cooperation', 'material_cooperation', 'verbal_conflict', 'material_conflict', 'goldstein_sum',
      'weight_sum', 'weighted_sum', 'weighted_squares', 'by_report',
    ] as const;
    const update = Object.fromEntries(sums.map((c) => [c, sql`${sql.ref(`dyad_series.${c}`)} + ${sql.ref(`excluded.${c}`)}`]));
    for (const part of chunks(rows, rowsPerStatement(15))) {
      const upsert = this.trx
        .insertInto('dyad_series')
        .values(part)
        .onConflict((oc) => oc.columns(['source', 'target', 'period_kind', 'period', 'channel']).doUpdateSet(update));
      if (returning) for (const r of await upsert.returningAll().execute()) out.push(toSeriesRow(r));
      else await upsert.execute();
    }
    return out;
  }

  async markRead(documents: readonly { id: string; signature: string }[]): Promise<void> {
    const rows = documents.map((d) => ({ doc_id: d.id, signature: d.signature }));
    for (const part of chunks(rows, rowsPerStatement(2))) {
      await this.trx
        .insertInto('dyad_documents')
        .values(part)
        .onConflict((oc) => oc.column('doc_id').doUpdateSet({ signature: sql.ref('excluded.signature') }))
        .execute();
    }
  }

  async clear(): Promise<void> {
    for (const table of ['dyad_series', 'dyad_events', 'dyad_mentions', 'dyad_documents'] as const) await this.trx.deleteFrom(table).execute();
  }
}
