/**
 * Versioned schema. Append, never edit: each entry runs once, in order, inside a transaction.
 * Types are kept to TEXT / INTEGER / REAL so the same schema maps onto PostgreSQL.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'documents, sources, rejections, full-text search',
    sql: `
      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        outlet TEXT,
        title TEXT,
        byline TEXT,
        published_at TEXT,
        retrieved_at TEXT NOT NULL,
        language TEXT,
        format TEXT NOT NULL,
        marking TEXT,
        story_id TEXT,
        duplicate_of TEXT,
        extra TEXT,
        text TEXT NOT NULL
      );
      CREATE INDEX documents_published ON documents(published_at);
      CREATE INDEX documents_outlet ON documents(outlet);

      CREATE TABLE document_sources (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        ref TEXT NOT NULL,
        url TEXT,
        outlet TEXT,
        retrieved_at TEXT NOT NULL,
        PRIMARY KEY (doc_id, ref)
      );
      CREATE INDEX document_sources_ref ON document_sources(ref);

      CREATE TABLE rejections (
        seq INTEGER PRIMARY KEY,
        ref TEXT NOT NULL UNIQUE,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
      );

      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
      );
    `,
  },
  {
    version: 2,
    name: 'analyses, mentions, events, claims',
    sql: `
      CREATE TABLE analyses (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id),
        pipeline TEXT NOT NULL,
        layers TEXT NOT NULL
      );
      CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        actor_id TEXT,
        confidence REAL NOT NULL,
        PRIMARY KEY (doc_id, start, "end", kind)
      );
      CREATE INDEX mentions_actor ON mentions(actor_id);
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        sources TEXT NOT NULL,
        targets TEXT NOT NULL,
        plover_type TEXT NOT NULL,
        plover_mode TEXT,
        cameo TEXT NOT NULL,
        goldstein REAL NOT NULL,
        quad_class INTEGER NOT NULL,
        modality TEXT NOT NULL,
        time_from TEXT,
        time_to TEXT,
        confidence REAL NOT NULL
      );
      CREATE INDEX events_doc ON events(doc_id);
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        event_id TEXT NOT NULL REFERENCES events(id),
        doc_id TEXT NOT NULL REFERENCES documents(id),
        speaker TEXT NOT NULL,
        channel TEXT NOT NULL,
        certainty REAL NOT NULL,
        icd TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'feed polling state (rift watch)',
    sql: `
      CREATE TABLE feed_state (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        seen TEXT NOT NULL,
        checked_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'trigram index for Chinese, Japanese and Korean text',
    sql: `
      CREATE VIRTUAL TABLE documents_cjk USING fts5(text, content='documents', content_rowid='seq', tokenize='trigram');
      INSERT INTO documents_cjk (rowid, text)
        SELECT seq, text FROM documents
        WHERE text GLOB '*[぀-ヿ㐀-䶿一-鿿가-힯豈-﫿]*';
    `,
  },
  {
    version: 5,
    name: 'the one date of each document, and where it came from',
    // Documents stored before: the date part of an ISO published_at (a month as its 15th, a year as 1 July,
    // as the document factory reads them), else the retrieval day, assumed.
    sql: `
      ALTER TABLE documents ADD COLUMN date_day TEXT;
      ALTER TABLE documents ADD COLUMN date_source TEXT;
      UPDATE documents SET
        date_day = CASE
          WHEN published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*' THEN substr(published_at, 1, 10)
          WHEN published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' THEN published_at || '-15'
          WHEN published_at GLOB '[0-9][0-9][0-9][0-9]' THEN published_at || '-07-01'
          ELSE substr(retrieved_at, 1, 10) END,
        date_source = CASE
          WHEN published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]*'
            OR published_at GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
            OR published_at GLOB '[0-9][0-9][0-9][0-9]' THEN 'published'
          ELSE 'assumed' END;
      CREATE INDEX documents_date ON documents(date_day);
    `,
  },
  {
    version: 6,
    name: 'the stage versions that made each analysis',
    // JSON: stage name → version. NULL for analyses stored before: stale for every stage.
    sql: `ALTER TABLE analyses ADD COLUMN versions TEXT;`,
  },
];
