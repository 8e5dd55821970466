import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DateSource, Document, DocumentSource, Rejection } from '../../model/index.js';
import type { EncodedAnalysis } from '../encoded-analysis.js';
import type {
  ActorMentionRow,
  AnalysisVersionsRow,
  DocumentSummary,
  DocumentToStore,
  PutResult,
  SearchHit,
  SearchOptions,
  Store,
  StoreStats,
  StoredAnalysis,
  FeedState,
  StoredDocument,
} from '../store.js';
import { MIGRATIONS } from './migrations.js';
import { toMatchQuery } from '../fts-query.js';
import { hasCjk, likePattern, queryTerms, substringSnippet } from '../cjk.js';

interface DocumentRow {
  seq: number;
  id: string;
  url: string | null;
  outlet: string | null;
  title: string | null;
  byline: string | null;
  published_at: string | null;
  retrieved_at: string;
  date_day: string;
  date_source: DateSource;
  language: string | null;
  format: Document['format'];
  marking: Document['marking'] | null;
  story_id: string | null;
  duplicate_of: string | null;
  extra: string | null;
  text: string;
}

const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export class SqliteStore implements Store {
  private readonly insertDocument: Statement;
  private readonly insertFts: Statement;
  private readonly insertCjk: Statement;
  private readonly insertSource: Statement;
  private readonly selectSeq: Statement;
  private readonly insertAnalysis: Statement;
  private readonly insertMention: Statement;
  private readonly insertEvent: Statement;
  private readonly insertClaim: Statement;
  private readonly insertRejection: Statement;

  private constructor(
    private readonly db: Db,
    readonly location: string,
  ) {
    this.insertDocument = db.prepare(`INSERT INTO documents
      (id, url, outlet, title, byline, published_at, retrieved_at, date_day, date_source, language, format, marking, story_id, duplicate_of, extra, text)
      VALUES (@id, @url, @outlet, @title, @byline, @publishedAt, @retrievedAt, @dateDay, @dateSource, @language, @format, @marking, @storyId, @duplicateOf, @extra, @text)`);
    this.insertFts = db.prepare('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)');
    this.insertCjk = db.prepare('INSERT INTO documents_cjk (rowid, text) VALUES (?, ?)');
    this.insertSource = db.prepare(
      'INSERT OR IGNORE INTO document_sources (doc_id, ref, url, outlet, retrieved_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectSeq = db.prepare('SELECT seq FROM documents WHERE id = ?').pluck();
    this.insertAnalysis = db.prepare('INSERT OR REPLACE INTO analyses (doc_id, pipeline, layers, versions) VALUES (?, ?, ?, ?)');
    this.insertMention = db.prepare(
      'INSERT OR IGNORE INTO mentions (doc_id, start, "end", kind, text, actor_id, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertEvent = db.prepare(`INSERT OR REPLACE INTO events
      (id, doc_id, start, "end", sources, targets, plover_type, plover_mode, cameo, goldstein, quad_class, modality, time_from, time_to, confidence)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertClaim = db.prepare(`INSERT OR REPLACE INTO claims
      (id, event_id, doc_id, speaker, channel, certainty, icd, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertRejection = db.prepare(`INSERT INTO rejections (ref, reason, at) VALUES (?, ?, ?)
       ON CONFLICT (ref) DO UPDATE SET reason = excluded.reason, at = excluded.at`);
  }

  static async open(path: string): Promise<SqliteStore> {
    const location = path === ':memory:' ? path : resolve(path);
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    let db: Db;
    try {
      db = new Database(location);
      // 16 KB pages for a new database (the default is 4 KB): an analysis is stored as a few KB of JSON
      // beside the text, and larger pages halve the pages a batch rewrites. Ignored for an existing file.
      if (isEmpty(db)) db.pragma('page_size = 16384');
      db.pragma('journal_mode = WAL');
    } catch (err) {
      throw new Error(`cannot open database ${location}: ${(err as Error).message}`);
    }
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache (the default is 2 MB): ingest inserts into indexes keyed by random document ids.
    db.pragma('cache_size = -65536');
    migrate(db);
    return new SqliteStore(db, location);
  }

  async putDocuments(batch: DocumentToStore[]): Promise<PutResult[]> {
    const put = this.db.transaction((items: DocumentToStore[]) =>
      items.map(({ document, analysis }) => {
        const s = document.source;
        if (this.selectSeq.get(document.id) !== undefined) {
          this.insertSource.run(document.id, s.ref, s.url ?? null, s.outlet ?? null, s.retrievedAt);
          return { id: document.id, status: 'duplicate' as const };
        }
        const info = this.insertDocument.run({
          id: document.id,
          url: document.url ?? null,
          outlet: document.outlet ?? null,
          title: document.title ?? null,
          byline: document.byline ?? null,
          publishedAt: document.publishedAt ?? null,
          retrievedAt: document.retrievedAt,
          dateDay: document.date.day,
          dateSource: document.date.source,
          language: document.language ?? null,
          format: document.format,
          marking: document.marking ?? null,
          storyId: document.storyId ?? null,
          duplicateOf: document.duplicateOf ?? null,
          extra: document.extra ? JSON.stringify(document.extra) : null,
          text: document.text,
        });
        this.insertFts.run(info.lastInsertRowid, document.title ?? '', document.text);
        if (hasCjk(document.text)) this.insertCjk.run(info.lastInsertRowid, document.text);
        this.insertSource.run(document.id, s.ref, s.url ?? null, s.outlet ?? null, s.retrievedAt);
        if (analysis) this.writeAnalysis(document.id, analysis);
        return { id: document.id, status: 'ingested' as const };
      }),
    );
    // The batch writes each document before the rows that point to it, in one transaction: the rows'
    // references hold by construction, and checking each one (a lookup in the documents index per
    // mention, event and claim) was a quarter of the cost of writing an analysis.
    this.db.pragma('foreign_keys = OFF');
    try {
      return put.immediate(batch);
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  private writeAnalysis(docId: string, a: EncodedAnalysis): void {
    this.insertAnalysis.run(docId, 'default', a.layers, a.versions);
    for (const m of a.mentions) this.insertMention.run(docId, ...m);
    for (const [id, ...rest] of a.events) this.insertEvent.run(id, docId, ...rest);
    for (const [id, eventId, ...rest] of a.claims) this.insertClaim.run(id, eventId, docId, ...rest);
  }

  async listAnalysisVersions(options: { afterId?: string; limit?: number }): Promise<AnalysisVersionsRow[]> {
    const rows = this.db
      .prepare(
        `SELECT d.id, d.language, a.versions FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id
         WHERE d.id > ? ORDER BY d.id LIMIT ?`,
      )
      .all(options.afterId ?? '', options.limit ?? 1000) as { id: string; language: string | null; versions: string | null }[];
    return rows.map((r) => ({
      id: r.id,
      language: orUndefined(r.language),
      versions: r.versions === null ? undefined : (JSON.parse(r.versions) as Record<string, string>),
    }));
  }

  async replaceAnalyses(batch: { id: string; analysis: EncodedAnalysis }[]): Promise<void> {
    // claims have no index on doc_id (ingest does not need one): their ids are in the stored layers
    const deleteClaims = this.db.prepare(
      `DELETE FROM claims WHERE id IN
         (SELECT json_extract(c.value, '$.id') FROM analyses a, json_each(a.layers, '$.claims') c WHERE a.doc_id = ?)`,
    );
    const deleteEvents = this.db.prepare('DELETE FROM events WHERE doc_id = ?');
    const deleteMentions = this.db.prepare('DELETE FROM mentions WHERE doc_id = ?');
    const replace = this.db.transaction((items: { id: string; analysis: EncodedAnalysis }[]) => {
      for (const { id, analysis } of items) {
        if (this.selectSeq.get(id) === undefined) throw new Error(`cannot replace the analysis of document ${id}: not stored`);
        deleteClaims.run(id);
        deleteEvents.run(id);
        deleteMentions.run(id);
        this.writeAnalysis(id, analysis);
      }
    });
    replace.immediate(batch);
  }

  async recordRejections(rejections: Rejection[]): Promise<void> {
    const insert = this.db.transaction((items: Rejection[]) => {
      for (const r of items) this.insertRejection.run(r.ref, r.reason, r.at);
    });
    insert(rejections);
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.selectSeq.get(id) !== undefined;
  }

  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const row = this.db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
    if (!row) return undefined;
    const sources = this.db
      .prepare('SELECT ref, url, outlet, retrieved_at FROM document_sources WHERE doc_id = ? ORDER BY retrieved_at, ref')
      .all(id) as { ref: string; url: string | null; outlet: string | null; retrieved_at: string }[];
    const mapped: DocumentSource[] = sources.map((s) => ({
      ref: s.ref,
      url: orUndefined(s.url),
      outlet: orUndefined(s.outlet),
      retrievedAt: s.retrieved_at,
    }));
    return { ...rowToDocument(row, mapped[0]), sources: mapped };
  }

  async findDocumentIds(prefix: string, limit = 10): Promise<string[]> {
    if (!/^[0-9a-f]+$/.test(prefix)) return [];
    return this.db
      .prepare("SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT ?")
      .pluck()
      .all(prefix, prefix + 'g', limit) as string[];
  }

  async getAnalysis(id: string): Promise<StoredAnalysis | undefined> {
    const layers = this.db.prepare('SELECT layers FROM analyses WHERE doc_id = ?').pluck().get(id) as string | undefined;
    return layers === undefined ? undefined : (JSON.parse(layers) as StoredAnalysis);
  }

  async listDocuments(options: { limit?: number; offset?: number } = {}): Promise<DocumentSummary[]> {
    const rows = this.db
      .prepare(
        `SELECT id, title, outlet, url, published_at, language, length(text) AS chars FROM documents
         ORDER BY coalesce(published_at, retrieved_at) DESC, seq DESC LIMIT ? OFFSET ?`,
      )
      .all(options.limit ?? 50, options.offset ?? 0) as SummaryRow[];
    return rows.map(rowToSummary);
  }

  async listRejections(options: { limit?: number } = {}): Promise<Rejection[]> {
    return this.db
      .prepare('SELECT ref, reason, at FROM rejections ORDER BY seq DESC LIMIT ?')
      .all(options.limit ?? 100) as Rejection[];
  }

  async search(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    if (hasCjk(query)) return this.searchCjk(query, options);
    const match = toMatchQuery(query);
    if (!match) return [];
    const [open, close] = options.highlight ?? ['**', '**'];
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.outlet, d.url, d.published_at, d.language, length(d.text) AS chars,
                snippet(documents_fts, 1, ?, ?, '…', 24) AS snippet, bm25(documents_fts, 4.0, 1.0) AS rank
         FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
         WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`,
      )
      .all(open, close, match, options.limit ?? 20) as (SummaryRow & { snippet: string; rank: number })[];
    return rows.map((r) => ({ ...rowToSummary(r), snippet: r.snippet.replace(/\s+/g, ' '), rank: r.rank }));
  }

  /** Every term as a substring of a CJK document, through the trigram index (newest first). */
  private searchCjk(query: string, options: SearchOptions): SearchHit[] {
    const terms = queryTerms(query);
    if (!terms.length) return [];
    const rows = this.db
      .prepare(
        `SELECT d.id, d.title, d.outlet, d.url, d.published_at, d.language, length(d.text) AS chars, d.text
         FROM documents_cjk JOIN documents d ON d.seq = documents_cjk.rowid
         WHERE ${terms.map(() => "documents_cjk.text LIKE ? ESCAPE '\\'").join(' AND ')}
         ORDER BY coalesce(d.published_at, d.retrieved_at) DESC, d.seq DESC LIMIT ?`,
      )
      .all(...terms.map(likePattern), options.limit ?? 20) as (SummaryRow & { text: string })[];
    return rows.map((r, rank) => ({
      ...rowToSummary(r),
      snippet: substringSnippet(r.text, terms, options.highlight ?? ['**', '**']),
      rank,
    }));
  }

  async listActorMentions(actorId: string, options: { limit?: number } = {}): Promise<ActorMentionRow[]> {
    const rows = this.db
      .prepare(
        `SELECT m.doc_id, m.start, m."end", m.kind, m.text, d.title, d.published_at FROM mentions m
         JOIN documents d ON d.id = m.doc_id WHERE m.actor_id = ?
         ORDER BY coalesce(d.published_at, d.retrieved_at) DESC, d.seq DESC, m.start LIMIT ?`,
      )
      .all(actorId, options.limit ?? 100) as {
      doc_id: string; start: number; end: number; kind: string; text: string; title: string | null; published_at: string | null;
    }[];
    return rows.map((r) => ({
      docId: r.doc_id, start: r.start, end: r.end, kind: r.kind, text: r.text,
      title: orUndefined(r.title), publishedAt: orUndefined(r.published_at),
    }));
  }

  async stats(): Promise<StoreStats> {
    const count = (table: string) => this.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return {
      documents: count('documents'),
      sources: count('document_sources'),
      rejections: count('rejections'),
      mentions: count('mentions'),
      events: count('events'),
    };
  }

  async getFeedState(url: string): Promise<FeedState | undefined> {
    const row = this.db.prepare('SELECT url, etag, last_modified, seen, checked_at FROM feed_state WHERE url = ?').get(url) as
      | { url: string; etag: string | null; last_modified: string | null; seen: string; checked_at: string }
      | undefined;
    if (!row) return undefined;
    return {
      url: row.url,
      etag: orUndefined(row.etag),
      lastModified: orUndefined(row.last_modified),
      seen: JSON.parse(row.seen) as string[],
      checkedAt: row.checked_at,
    };
  }

  async putFeedState(state: FeedState): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO feed_state (url, etag, last_modified, seen, checked_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           seen = excluded.seen, checked_at = excluded.checked_at`,
      )
      .run(state.url, state.etag ?? null, state.lastModified ?? null, JSON.stringify(state.seen), state.checkedAt);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

interface SummaryRow {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published_at: string | null;
  language: string | null;
  chars: number;
}

function rowToSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    title: orUndefined(r.title),
    outlet: orUndefined(r.outlet),
    url: orUndefined(r.url),
    publishedAt: orUndefined(r.published_at),
    language: orUndefined(r.language),
    chars: r.chars,
  };
}

function rowToDocument(row: DocumentRow, source: DocumentSource): Document {
  return {
    id: row.id,
    text: row.text,
    format: row.format,
    url: orUndefined(row.url),
    outlet: orUndefined(row.outlet),
    title: orUndefined(row.title),
    byline: orUndefined(row.byline),
    publishedAt: orUndefined(row.published_at),
    retrievedAt: row.retrieved_at,
    date: { day: row.date_day, source: row.date_source },
    language: orUndefined(row.language),
    marking: orUndefined(row.marking),
    storyId: orUndefined(row.story_id),
    duplicateOf: orUndefined(row.duplicate_of),
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : undefined,
    source,
  };
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    }).immediate();
  }
}

function isEmpty(db: Db): boolean {
  return db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() === 0;
}
