import { sql, type Kysely } from 'kysely';
import type { Story, StoryDetail, StoryFact, StoryMember, StoryMatch } from '../model/index.js';
import type { Database } from './schema.js';
import { orUndefined } from './rows.js';

/** A document already in a story, as the matcher compares a new one with it. */
export interface IndexedMember {
  docId: string;
  storyId: string;
  copyOf?: string;
  sketch: string;
  weight: number;
  evidenceWeight: number;
}

export type StorySpan = Pick<Story, 'documents' | 'firstReport' | 'lastReport'>;

/** Everything the stories stage writes for one document, in one transaction. */
export interface NewStoryMember {
  member: StoryMember;
  exact: string;
  sketch: string;
  weight: number;
  evidenceWeight: number;
  bands: string[];
  /** Keys the document is indexed under (postings). */
  postings: string[];
  /** Every evidence key it has, counted whether indexed or not. */
  counted: string[];
  /** The story as it stands with this document in it. */
  story: Story;
}

export interface StoryListOptions {
  limit?: number;
  offset?: number;
  /** Largest first (default), or newest last report first. */
  order?: 'size' | 'newest';
  /** Stories with at least this many documents. */
  minDocuments?: number;
}

/** Stories: the index the stories stage matches new documents against, and the stories it builds. */
export interface StoryPort {
  /** The stored document with this folded-text hash, if any. */
  exact(key: string): Promise<IndexedMember | undefined>;
  /** Originals (not copies) that share a band of a MinHash sketch: a copy is matched to the original it copies. */
  bandCandidates(bands: readonly string[]): Promise<IndexedMember[]>;
  /** How many indexed documents have each key, and how many documents are indexed in all. */
  keyCounts(keys: readonly string[]): Promise<{ counts: Map<string, number>; total: number }>;
  /** The documents indexed under each key. */
  postings(keys: readonly string[]): Promise<{ key: string; member: IndexedMember }[]>;
  /** These stories' sizes and first and last reports. */
  spans(storyIds: readonly string[]): Promise<Map<string, StorySpan>>;
  /** Adds a document to its story and to the index, and updates the story. */
  add(entry: NewStoryMember): Promise<void>;
  /** Moves the documents of stories into another (stored as `story`) and removes them. */
  merge(from: readonly string[], story: Story): Promise<void>;
  /** Which stories these documents are in (documents in none are left out). */
  membersOf(docIds: readonly string[]): Promise<StoryMember[]>;
  get(storyId: string): Promise<StoryDetail | undefined>;
  /** A story without its members and facts. */
  summary(storyId: string): Promise<Story | undefined>;
  /** Story ids that start with a prefix. */
  findIds(prefix: string, limit?: number): Promise<string[]>;
  list(options?: StoryListOptions): Promise<Story[]>;
  /** Replaces a story's label and fused facts. */
  putFacts(storyId: string, label: string, facts: StoryFact[]): Promise<void>;
}

/** The most near-duplicate candidates compared per document (originals sharing a band are few in practice). */
const BAND_CANDIDATES = 500;

/** The key under which story_key_counts counts the indexed documents themselves (no evidence key is empty). */
const DOCUMENTS_KEY = '';

/** Keys per `IN (...)` list: under both databases' limits on bound parameters. */
const PER_QUERY = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PER_QUERY) out.push(items.slice(i, i + PER_QUERY));
  return out;
}

interface MemberRow {
  doc_id: string;
  story_id: string;
  copy_of: string | null;
  sketch: string;
  weight: number;
  evidence_weight: number;
}

const toIndexed = (r: MemberRow): IndexedMember => ({
  docId: r.doc_id, storyId: r.story_id, copyOf: orUndefined(r.copy_of), sketch: r.sketch, weight: r.weight, evidenceWeight: r.evidence_weight,
});

type StoryRow = Database['stories'];

function toStory(r: StoryRow): Story {
  return {
    id: r.id,
    label: r.label,
    representative: r.representative,
    documents: Number(r.documents),
    sources: Number(r.sources),
    outlets: JSON.parse(r.outlets) as string[],
    languages: JSON.parse(r.languages) as string[],
    firstReport: orUndefined(r.first_report),
    lastReport: orUndefined(r.last_report),
  };
}

const STORY_COLUMNS = ['id', 'label', 'representative', 'documents', 'sources', 'outlets', 'languages', 'first_report', 'last_report'] as const;
const INDEX_COLUMNS = ['doc_id', 'story_id', 'copy_of', 'sketch', 'weight', 'evidence_weight'] as const;
const MEMBER_COLUMNS = ['doc_id', 'story_id', 'copy_of', 'match', 'score', 'outlet', 'language', 'day'] as const;

function toMember(r: Pick<Database['story_members'], (typeof MEMBER_COLUMNS)[number]>): StoryMember {
  return {
    docId: r.doc_id, storyId: r.story_id, copyOf: orUndefined(r.copy_of), match: r.match as StoryMatch, score: r.score,
    outlet: orUndefined(r.outlet), language: orUndefined(r.language), day: orUndefined(r.day),
  };
}

/** The stories port over Kysely: the same queries in both databases. */
export class KyselyStories implements StoryPort {
  constructor(private readonly db: Kysely<Database>) {}

  async exact(key: string): Promise<IndexedMember | undefined> {
    const row = await this.db.selectFrom('story_members').select(INDEX_COLUMNS).where('exact', '=', key).orderBy('doc_id').executeTakeFirst();
    return row && toIndexed(row);
  }

  async bandCandidates(bands: readonly string[]): Promise<IndexedMember[]> {
    if (!bands.length) return [];
    const rows = await this.db
      .selectFrom('story_members')
      .select(INDEX_COLUMNS)
      .where('doc_id', 'in', this.db.selectFrom('story_bands').select('doc_id').where('band', 'in', [...bands]))
      .where('copy_of', 'is', null)
      .limit(BAND_CANDIDATES)
      .execute();
    return rows.map(toIndexed);
  }

  async keyCounts(keys: readonly string[]): Promise<{ counts: Map<string, number>; total: number }> {
    const counts = new Map<string, number>();
    for (const part of chunks(keys)) {
      const rows = await this.db.selectFrom('story_key_counts').select(['key', 'n']).where('key', 'in', part).execute();
      for (const r of rows) counts.set(r.key, Number(r.n));
    }
    // the indexed documents, counted under the empty key as they are added (count(*) would scan the table)
    const total = await this.db.selectFrom('story_key_counts').select('n').where('key', '=', DOCUMENTS_KEY).executeTakeFirst();
    return { counts, total: Number(total?.n ?? 0) };
  }

  async postings(keys: readonly string[]): Promise<{ key: string; member: IndexedMember }[]> {
    const out: { key: string; member: IndexedMember }[] = [];
    for (const part of chunks(keys)) {
      const rows = await this.db
        .selectFrom('story_keys as k')
        .innerJoin('story_members as m', 'm.doc_id', 'k.doc_id')
        .select(['k.key', 'm.doc_id', 'm.story_id', 'm.copy_of', 'm.sketch', 'm.weight', 'm.evidence_weight'])
        .where('k.key', 'in', part)
        .execute();
      for (const r of rows) out.push({ key: r.key, member: toIndexed(r) });
    }
    return out;
  }

  async spans(storyIds: readonly string[]): Promise<Map<string, StorySpan>> {
    const out = new Map<string, StorySpan>();
    for (const part of chunks(storyIds)) {
      const rows = await this.db.selectFrom('stories').select(['id', 'documents', 'first_report', 'last_report']).where('id', 'in', part).execute();
      for (const r of rows) out.set(r.id, { documents: Number(r.documents), firstReport: orUndefined(r.first_report), lastReport: orUndefined(r.last_report) });
    }
    return out;
  }

  async add(entry: NewStoryMember): Promise<void> {
    const { member: m, story: s } = entry;
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('story_members').values({
        doc_id: m.docId, story_id: m.storyId, copy_of: m.copyOf ?? null, match: m.match, score: m.score,
        outlet: m.outlet ?? null, language: m.language ?? null, day: m.day ?? null,
        exact: entry.exact, sketch: entry.sketch, weight: entry.weight, evidence_weight: entry.evidenceWeight,
      }).execute();
      if (entry.bands.length) await trx.insertInto('story_bands').values(entry.bands.map((band) => ({ band, doc_id: m.docId }))).execute();
      for (const part of chunks(entry.postings)) await trx.insertInto('story_keys').values(part.map((key) => ({ key, doc_id: m.docId }))).execute();
      for (const part of chunks([DOCUMENTS_KEY, ...entry.counted])) {
        await trx.insertInto('story_key_counts').values(part.map((key) => ({ key, n: 1 })))
          .onConflict((oc) => oc.column('key').doUpdateSet({ n: sql`story_key_counts.n + 1` }))
          .execute();
      }
      const row = {
        label: s.label, representative: s.representative, documents: s.documents, sources: s.sources,
        outlets: JSON.stringify(s.outlets), languages: JSON.stringify(s.languages),
        first_report: s.firstReport ?? null, last_report: s.lastReport ?? null,
      };
      await trx.insertInto('stories').values({ id: s.id, ...row, facts: '[]' })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute();
      // The documents table has had the columns since the first schema: relationships and exports read them there.
      await trx.updateTable('documents').set({ story_id: s.id, duplicate_of: m.copyOf ?? null }).where('id', '=', m.docId).execute();
    });
  }

  async merge(from: readonly string[], s: Story): Promise<void> {
    if (!from.length) return;
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('story_members').set({ story_id: s.id }).where('story_id', 'in', [...from]).execute();
      await trx.updateTable('documents').set({ story_id: s.id }).where('story_id', 'in', [...from]).execute();
      await trx.deleteFrom('stories').where('id', 'in', [...from]).execute();
      await trx.updateTable('stories').set({
        label: s.label, representative: s.representative, documents: s.documents, sources: s.sources,
        outlets: JSON.stringify(s.outlets), languages: JSON.stringify(s.languages),
        first_report: s.firstReport ?? null, last_report: s.lastReport ?? null,
      }).where('id', '=', s.id).execute();
    });
  }

  async membersOf(docIds: readonly string[]): Promise<StoryMember[]> {
    const out: StoryMember[] = [];
    for (const part of chunks(docIds)) {
      const rows = await this.db.selectFrom('story_members').select(MEMBER_COLUMNS).where('doc_id', 'in', part).execute();
      for (const r of rows) out.push(toMember(r));
    }
    return out;
  }

  async get(storyId: string): Promise<StoryDetail | undefined> {
    const row = await this.db.selectFrom('stories').selectAll().where('id', '=', storyId).executeTakeFirst();
    if (!row) return undefined;
    const members = await this.db
      .selectFrom('story_members')
      .select(MEMBER_COLUMNS)
      .where('story_id', '=', storyId)
      .orderBy(sql`coalesce(day, '9999')`)
      .orderBy('doc_id')
      .execute();
    return { ...toStory(row), members: members.map(toMember), facts: JSON.parse(row.facts) as StoryFact[] };
  }

  async summary(storyId: string): Promise<Story | undefined> {
    const row = await this.db.selectFrom('stories').select(STORY_COLUMNS).where('id', '=', storyId).executeTakeFirst();
    return row && toStory(row as StoryRow);
  }

  async findIds(prefix: string, limit = 10): Promise<string[]> {
    const rows = await this.db.selectFrom('stories').select('id').where('id', '>=', prefix).where('id', '<', prefix + '\uffff').orderBy('id').limit(limit).execute();
    return rows.map((r) => r.id);
  }

  async list(options: StoryListOptions = {}): Promise<Story[]> {
    let q = this.db.selectFrom('stories').select(STORY_COLUMNS);
    if (options.minDocuments !== undefined) q = q.where('documents', '>=', options.minDocuments);
    q = options.order === 'newest'
      ? q.orderBy(sql`coalesce(last_report, '')`, 'desc').orderBy('documents', 'desc')
      : q.orderBy('documents', 'desc').orderBy(sql`coalesce(last_report, '')`, 'desc');
    const rows = await q.orderBy('id').limit(options.limit ?? 50).offset(options.offset ?? 0).execute();
    return rows.map((r) => toStory(r as StoryRow));
  }

  async putFacts(storyId: string, label: string, facts: StoryFact[]): Promise<void> {
    await this.db.updateTable('stories').set({ label, facts: JSON.stringify(facts) }).where('id', '=', storyId).execute();
  }
}
