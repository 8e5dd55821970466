import { sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Dialect } from './ports.js';

/**
 * Migration 0006, for the relationships stage (src/relationships, decisions 1200–1201): each claim's Admiralty
 * grade as a column, and the stage's tables: reports of events per ordered pair, the events they count as, the
 * series they sum to, the documents read, and rift alerts.
 */
export async function relationshipsMigration(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // Each claim's Admiralty grade, which weighs its event in the series; stores made before keep it in the
  // stored layers only, and get it from there.
  await db.schema.alterTable('claims').addColumn('admiralty', 'text').execute();
  if (dialect === 'sqlite') {
    await sql`UPDATE claims SET admiralty = (
      SELECT json_extract(j.value, '$.admiralty') FROM analyses a, json_each(a.layers, '$.claims') j
      WHERE a.doc_id = claims.doc_id AND json_extract(j.value, '$.id') = claims.id)`.execute(db);
  } else {
    await sql`UPDATE claims c SET admiralty = j.claim->>'admiralty'
      FROM analyses a, jsonb_array_elements(COALESCE(a.layers::jsonb->'claims', '[]'::jsonb)) AS j(claim)
      WHERE a.doc_id = c.doc_id AND j.claim->>'id' = c.id`.execute(db);
  }
  const eventColumns = (t: CreateTableBuilder<any, any>) => t
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('plover_type', 'text', (c) => c.notNull())
    .addColumn('cameo', 'text', (c) => c.notNull())
    .addColumn('quad_class', 'integer', (c) => c.notNull())
    .addColumn('goldstein', 'double precision', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('time_from', 'text', (c) => c.notNull())
    .addColumn('time_to', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('precision', 'text')
    .addColumn('report_day', 'text')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('doc_id', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('claim_id', 'text')
    .addColumn('speaker', 'text')
    .addColumn('claim_channel', 'text')
    .addColumn('certainty', 'double precision')
    .addColumn('icd', 'text');
  const withoutRowid = <T extends CreateTableBuilder<any, any>>(t: T) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t);
  // Keyed by document first: a document's reports are replaced as one range.
  await eventColumns(db.schema.createTable('dyad_mentions'))
    .addPrimaryKeyConstraint('dyad_mentions_pk', ['doc_id', 'event_id', 'source', 'target'])
    .$call(withoutRowid)
    .execute();
  await db.schema.createIndex('dyad_mentions_fingerprint').on('dyad_mentions').column('fingerprint').execute();
  await eventColumns(db.schema.createTable('dyad_events'))
    .addColumn('mentions', 'integer', (c) => c.notNull())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dyad_events_pk', ['fingerprint'])
    .execute();
  // Evidence for a pair and an interval: one index range per direction.
  await db.schema.createIndex('dyad_events_pair').on('dyad_events').columns(['source', 'target', 'time_from']).execute();
  await db.schema
    .createTable('dyad_series')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('events', 'double precision', (c) => c.notNull())
    .addColumn('verbal_cooperation', 'double precision', (c) => c.notNull())
    .addColumn('material_cooperation', 'double precision', (c) => c.notNull())
    .addColumn('verbal_conflict', 'double precision', (c) => c.notNull())
    .addColumn('material_conflict', 'double precision', (c) => c.notNull())
    .addColumn('goldstein_sum', 'double precision', (c) => c.notNull())
    .addColumn('weight_sum', 'double precision', (c) => c.notNull())
    .addColumn('weighted_sum', 'double precision', (c) => c.notNull())
    .addColumn('weighted_squares', 'double precision', (c) => c.notNull())
    .addColumn('by_report', 'double precision', (c) => c.notNull())
    // A pair's series at one resolution is one range of the primary key per direction.
    .addPrimaryKeyConstraint('dyad_series_pk', ['source', 'target', 'period_kind', 'period', 'channel'])
    .$call(withoutRowid)
    .execute();
  await db.schema
    .createTable('dyad_documents')
    .addColumn('doc_id', 'text', (c) => c.primaryKey())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rift_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('a', 'text', (c) => c.notNull())
    .addColumn('b', 'text', (c) => c.notNull())
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('low', 'double precision', (c) => c.notNull())
    .addColumn('high', 'double precision', (c) => c.notNull())
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema.createIndex('rift_alerts_pair').on('rift_alerts').columns(['a', 'b', 'period']).execute();
  await db.schema
    .createTable('relationship_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
