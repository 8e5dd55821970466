import type { Database as Db, Statement } from 'better-sqlite3';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Rejection } from '../../model/index.js';
import type { Database } from '../schema.js';
import type { DocumentToStore, PutResult } from '../ports.js';
import type { DocumentWriter } from '../documents.js';
import type { EncodedAnalysis } from '../encoded-analysis.js';
import { documentRow, sourceRow } from '../rows.js';
import { hasCjk } from '../cjk.js';

/** `{ column: @column }` for each column: a Kysely insert whose parameters better-sqlite3 binds by name from a row object. */
function named<T extends string>(columns: readonly T[]): Record<T, RawBuilder<any>> {
  return Object.fromEntries(columns.map((c) => [c, sql.raw(`@${c}`)])) as Record<T, RawBuilder<any>>;
}

const DOCUMENT = [
  'id', 'url', 'outlet', 'title', 'byline', 'published_at', 'date_day', 'date_source', 'retrieved_at', 'language',
  'format', 'marking', 'story_id', 'duplicate_of', 'extra', 'text',
] as const;
const SOURCE = ['doc_id', 'ref', 'url', 'outlet', 'retrieved_at'] as const;
const ANALYSIS = ['doc_id', 'versions', 'layers'] as const;
const MENTION = ['doc_id', 'start', 'end', 'kind', 'text', 'actor_id', 'confidence'] as const;
const EVENT = [
  'id', 'doc_id', 'start', 'end', 'sources', 'targets', 'plover_type', 'plover_mode', 'cameo', 'goldstein', 'quad_class',
  'modality', 'time_from', 'time_to', 'time_precision', 'time_basis', 'confidence',
] as const;
const EVENT_ACTOR = ['event_id', 'doc_id', 'actor_id', 'country', 'role', 'time_from', 'time_to'] as const;
const CLAIM = ['id', 'event_id', 'doc_id', 'speaker', 'channel', 'certainty', 'icd', 'start', 'end', 'admiralty'] as const;

/**
 * SQLite's write path: one synchronous transaction per batch over statements prepared once. The SQL is
 * compiled from Kysely's builder against the schema types, so a column list lives in one place and a
 * misspelt column fails to compile; better-sqlite3 binds each row object by name.
 */
export class SqliteWriter implements DocumentWriter {
  private readonly insertDocument: Statement;
  private readonly insertFts: Statement;
  private readonly insertCjk: Statement;
  private readonly insertSource: Statement;
  private readonly insertAnalysis: Statement;
  private readonly insertMention: Statement;
  private readonly insertEvent: Statement;
  private readonly insertEventActor: Statement;
  private readonly insertClaim: Statement;
  private readonly insertRejection: Statement;
  private readonly deleteAnalysisRows: Statement[];

  constructor(
    private readonly raw: Db,
    db: Kysely<Database>,
  ) {
    const prepare = (q: { compile(): { sql: string } }) => raw.prepare(q.compile().sql);
    this.insertDocument = prepare(db.insertInto('documents').values(named(DOCUMENT)).onConflict((oc) => oc.column('id').doNothing()));
    this.insertFts = raw.prepare('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)');
    this.insertCjk = raw.prepare('INSERT INTO documents_cjk (rowid, text) VALUES (?, ?)');
    this.insertSource = prepare(db.insertInto('document_sources').values(named(SOURCE)).onConflict((oc) => oc.doNothing()));
    this.insertAnalysis = prepare(
      db.insertInto('analyses').values(named(ANALYSIS)).onConflict((oc) => oc.column('doc_id').doUpdateSet({
        versions: sql.ref('excluded.versions'), layers: sql.ref('excluded.layers'),
      })),
    );
    this.insertMention = prepare(db.insertInto('mentions').values(named(MENTION)).onConflict((oc) => oc.doNothing()));
    this.insertEvent = prepare(db.insertInto('events').values(named(EVENT)).onConflict((oc) => oc.doNothing()));
    this.insertEventActor = prepare(db.insertInto('event_actors').values(named(EVENT_ACTOR)).onConflict((oc) => oc.doNothing()));
    this.insertClaim = prepare(db.insertInto('claims').values(named(CLAIM)).onConflict((oc) => oc.doNothing()));
    this.insertRejection = prepare(
      db.insertInto('rejections').values(named(['ref', 'reason', 'at'] as const)).onConflict((oc) => oc.column('ref').doUpdateSet({
        reason: sql.ref('excluded.reason'), at: sql.ref('excluded.at'),
      })),
    );
    // Children before parents: claims point to events, event actors to events.
    this.deleteAnalysisRows = [
      db.deleteFrom('claims').where('doc_id', '=', sql.raw('?') as never),
      // Through the events (the primary key starts with the event id): no index on doc_id to keep up on every insert.
      db.deleteFrom('event_actors').where('event_id', 'in', db.selectFrom('events').select('id').where('doc_id', '=', sql.raw('?') as never)),
      db.deleteFrom('events').where('doc_id', '=', sql.raw('?') as never),
      db.deleteFrom('mentions').where('doc_id', '=', sql.raw('?') as never),
    ].map(prepare);
  }

  async put(batch: DocumentToStore[]): Promise<PutResult[]> {
    const put = this.raw.transaction((items: DocumentToStore[]) =>
      items.map(({ document, analysis }): PutResult => {
        const info = this.insertDocument.run(documentRow(document));
        this.insertSource.run(sourceRow(document.id, document.source));
        if (info.changes === 0) return { id: document.id, status: 'duplicate' };
        this.insertFts.run(info.lastInsertRowid, document.title ?? '', document.text);
        if (hasCjk(document.text)) this.insertCjk.run(info.lastInsertRowid, document.text);
        if (analysis) this.writeAnalysis(analysis);
        return { id: document.id, status: 'ingested' };
      }),
    );
    // The batch writes each document before the rows that point to it, in one transaction: the rows'
    // references hold by construction, and checking each one (a lookup in the documents index per
    // mention, event and claim) was a quarter of the cost of writing an analysis.
    return this.withoutForeignKeyChecks(() => put.immediate(batch));
  }

  /** Replaces the stored analyses of documents already in the store (reanalysis), in one transaction. */
  async replaceAnalyses(analyses: EncodedAnalysis[]): Promise<void> {
    const replace = this.raw.transaction((items: EncodedAnalysis[]) => {
      for (const a of items) {
        for (const del of this.deleteAnalysisRows) del.run(a.docId);
        this.writeAnalysis(a);
      }
    });
    replace.immediate(analyses);
  }

  private writeAnalysis(a: EncodedAnalysis): void {
    this.insertAnalysis.run({ doc_id: a.docId, versions: a.versions, layers: a.layers });
    for (const m of a.mentions) this.insertMention.run(m);
    for (const e of a.events) this.insertEvent.run(e);
    for (const x of a.eventActors) this.insertEventActor.run(x);
    for (const c of a.claims) this.insertClaim.run(c);
  }

  async recordRejections(rejections: Rejection[]): Promise<void> {
    const insert = this.raw.transaction((items: Rejection[]) => {
      for (const r of items) this.insertRejection.run({ ref: r.ref, reason: r.reason, at: r.at });
    });
    insert(rejections);
  }

  private withoutForeignKeyChecks<T>(write: () => T): T {
    this.raw.pragma('foreign_keys = OFF');
    try {
      return write();
    } finally {
      this.raw.pragma('foreign_keys = ON');
    }
  }
}
