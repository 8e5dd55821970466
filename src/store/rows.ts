import type { DateSource, Document, DocumentSource } from '../model/index.js';
import type { DocumentRow, NewDocumentRow, NewSourceRow } from './schema.js';
import type { DocumentSummary, StoredEvent } from './ports.js';
import { headingOf } from '../analysis/heading.js';

// Rows to model objects and back: the only place that knows both the column names and the model's fields.

export const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

export function documentRow(d: Document): NewDocumentRow {
  return {
    id: d.id,
    url: d.url ?? null,
    outlet: d.outlet ?? null,
    title: d.title ?? null,
    byline: d.byline ?? null,
    published_at: d.publishedAt ?? null,
    date_day: d.date.day,
    date_source: d.date.source,
    retrieved_at: d.retrievedAt,
    language: d.language ?? null,
    format: d.format,
    marking: d.marking ?? null,
    story_id: d.storyId ?? null,
    duplicate_of: d.duplicateOf ?? null,
    extra: d.extra ? JSON.stringify(d.extra) : null,
    text: d.text,
  };
}

export function sourceRow(docId: string, s: DocumentSource): NewSourceRow {
  return { doc_id: docId, ref: s.ref, url: s.url ?? null, outlet: s.outlet ?? null, retrieved_at: s.retrievedAt };
}

export function toDocument(row: Omit<DocumentRow, 'seq'>, source: DocumentSource): Document {
  return {
    id: row.id,
    text: row.text,
    format: row.format as Document['format'],
    url: orUndefined(row.url),
    outlet: orUndefined(row.outlet),
    title: orUndefined(row.title),
    byline: orUndefined(row.byline),
    publishedAt: orUndefined(row.published_at),
    date: row.date_day
      ? { day: row.date_day, source: (row.date_source ?? 'assumed') as DateSource }
      : { day: row.retrieved_at.slice(0, 10), source: 'assumed' },
    retrievedAt: row.retrieved_at,
    language: orUndefined(row.language),
    marking: orUndefined(row.marking) as Document['marking'],
    storyId: orUndefined(row.story_id),
    duplicateOf: orUndefined(row.duplicate_of),
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : undefined,
    source,
  };
}

export function toSource(r: { ref: string; url: string | null; outlet: string | null; retrieved_at: string }): DocumentSource {
  return { ref: r.ref, url: orUndefined(r.url), outlet: orUndefined(r.outlet), retrievedAt: r.retrieved_at };
}

/** The columns a document summary reads, with the text's length computed by the database. */
export interface SummaryRow {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published_at: string | null;
  language: string | null;
  chars: number | string;
  /** The start of the text when the document has no title (see summaryHead), else ''. */
  head: string;
}

/**
 * SQL for a summary's `head` column, from the documents table (or its alias): enough of an untitled
 * document's text for its heading (headingOf reads at most 400 characters of the first line). The same
 * expression in SQLite and PostgreSQL.
 */
export function summaryHead(alias?: string): string {
  const column = (name: string) => (alias ? `${alias}.${name}` : name);
  return `CASE WHEN ${column('title')} IS NULL THEN substr(${column('text')}, 1, 400) ELSE '' END`;
}

export function toSummary(r: SummaryRow): DocumentSummary {
  return {
    id: r.id,
    title: orUndefined(r.title),
    heading: headingOf(r.title ?? undefined, r.head),
    outlet: orUndefined(r.outlet),
    url: orUndefined(r.url),
    publishedAt: orUndefined(r.published_at),
    language: orUndefined(r.language),
    // PostgreSQL's length() is an integer, which pg returns as a number; count(*) would come back as text.
    chars: Number(r.chars),
  };
}

export interface EventSelectRow {
  id: string;
  doc_id: string;
  start: number;
  end: number;
  sources: string;
  targets: string;
  plover_type: string;
  plover_mode: string | null;
  cameo: string;
  goldstein: number;
  quad_class: number;
  modality: string;
  time_from: string | null;
  time_to: string | null;
  time_precision: string | null;
  time_basis: string | null;
  confidence: number;
}

export function toStoredEvent(r: EventSelectRow): StoredEvent {
  return {
    id: r.id,
    docId: r.doc_id,
    start: r.start,
    end: r.end,
    sources: JSON.parse(r.sources) as string[],
    targets: JSON.parse(r.targets) as string[],
    ploverType: r.plover_type,
    ploverMode: orUndefined(r.plover_mode),
    cameo: r.cameo,
    goldstein: r.goldstein,
    quadClass: r.quad_class,
    modality: r.modality,
    time: r.time_from && r.time_to
      ? { from: r.time_from, to: r.time_to, precision: orUndefined(r.time_precision), basis: orUndefined(r.time_basis) }
      : undefined,
    confidence: r.confidence,
  };
}
