import { sql, type Kysely, type Transaction } from 'kysely';
import type { Rejection } from '../../model/index.js';
import type { Database } from '../schema.js';
import type { DocumentToStore, PutResult } from '../ports.js';
import type { DocumentWriter } from '../documents.js';
import type { AnalysisWriter } from '../analyses.js';
import type { EncodedAnalysis } from '../encoded-analysis.js';
import { documentRow, sourceRow } from '../rows.js';

/** PostgreSQL binds at most 65,535 parameters a statement: rows per multi-row insert, by column count. */
const rowsPerInsert = (columns: number) => Math.floor(60_000 / columns);

/** Documents per insert: their texts travel as parameters, and a statement of a few MB is plenty. */
const DOCUMENTS_PER_INSERT = 100;

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/**
 * PostgreSQL's write path: one transaction per batch, every table written with multi-row inserts. Rows are
 * inserted in id order, so that two workers writing overlapping batches take their locks in the same order
 * (no deadlock), and a text another worker stored first comes back from ON CONFLICT as a duplicate.
 */
export class PostgresWriter implements DocumentWriter, AnalysisWriter {
  constructor(private readonly db: Kysely<Database>) {}

  async put(batch: DocumentToStore[]): Promise<PutResult[]> {
    const first = new Map<string, DocumentToStore>();
    for (const item of batch) if (!first.has(item.document.id)) first.set(item.document.id, item);
    const unique = [...first.values()].sort((x, y) => (x.document.id < y.document.id ? -1 : 1));
    const inserted = new Set<string>();
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks(unique, DOCUMENTS_PER_INSERT)) {
        const rows = await trx
          .insertInto('documents')
          .values(part.map((p) => documentRow(p.document)))
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        for (const r of rows) inserted.add(r.id);
      }
      const sources = batch.map((b) => sourceRow(b.document.id, b.document.source));
      for (const part of chunks(sources, rowsPerInsert(5))) {
        await trx.insertInto('document_sources').values(part).onConflict((oc) => oc.doNothing()).execute();
      }
      const analyses = unique.filter((u) => u.analysis && inserted.has(u.document.id)).map((u) => u.analysis!);
      await writeAnalyses(trx, analyses);
    });
    const claimed = new Set<string>();
    return batch.map(({ document }) => {
      const isNew = inserted.has(document.id) && !claimed.has(document.id);
      claimed.add(document.id);
      return { id: document.id, status: isNew ? 'ingested' : 'duplicate' };
    });
  }

  async replaceAnalyses(analyses: EncodedAnalysis[]): Promise<void> {
    const ids = analyses.map((a) => a.docId).sort();
    await this.db.transaction().execute(async (trx) => {
      for (const part of chunks(ids, 1000)) {
        await trx.deleteFrom('claims').where('doc_id', 'in', part).execute();
        await trx.deleteFrom('event_actors').where('event_id', 'in', trx.selectFrom('events').select('id').where('doc_id', 'in', part)).execute();
        await trx.deleteFrom('events').where('doc_id', 'in', part).execute();
        await trx.deleteFrom('mentions').where('doc_id', 'in', part).execute();
      }
      await writeAnalyses(trx, analyses);
    });
  }

  async recordRejections(rejections: Rejection[]): Promise<void> {
    const latest = new Map(rejections.map((r) => [r.ref, r]));
    const rows = [...latest.values()].sort((x, y) => (x.ref < y.ref ? -1 : 1));
    for (const part of chunks(rows, rowsPerInsert(3))) {
      await this.db
        .insertInto('rejections')
        .values(part.map((r) => ({ ref: r.ref, reason: r.reason, at: r.at })))
        .onConflict((oc) => oc.column('ref').doUpdateSet({ reason: sql.ref('excluded.reason'), at: sql.ref('excluded.at') }))
        .execute();
    }
  }
}

async function writeAnalyses(trx: Transaction<Database>, analyses: EncodedAnalysis[]): Promise<void> {
  if (!analyses.length) return;
  const rows = analyses.map((a) => ({ doc_id: a.docId, versions: a.versions, layers: a.layers }));
  for (const part of chunks(rows, 200)) {
    await trx
      .insertInto('analyses')
      .values(part)
      .onConflict((oc) => oc.column('doc_id').doUpdateSet({
        versions: sql.ref('excluded.versions'), layers: sql.ref('excluded.layers'),
      }))
      .execute();
  }
  const mentions = analyses.flatMap((a) => a.mentions);
  for (const part of chunks(mentions, rowsPerInsert(7))) {
    await trx.insertInto('mentions').values(part).onConflict((oc) => oc.doNothing()).execute();
  }
  const events = analyses.flatMap((a) => a.events);
  for (const part of chunks(events, rowsPerInsert(17))) {
    await trx.insertInto('events').values(part).onConflict((oc) => oc.doNothing()).execute();
  }
  const eventActors = analyses.flatMap((a) => a.eventActors);
  for (const part of chunks(eventActors, rowsPerInsert(7))) {
    await trx.insertInto('event_actors').values(part).onConflict((oc) => oc.doNothing()).execute();
  }
  const claims = analyses.flatMap((a) => a.claims);
  for (const part of chunks(claims, rowsPerInsert(10))) {
    await trx.insertInto('claims').values(part).onConflict((oc) => oc.doNothing()).execute();
  }
}
