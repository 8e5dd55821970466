import { dayOf, DATE_FORMS } from '../app/document-date.js';
import { ApiError } from './errors.js';

/** Longest text POST /api/analyze takes, in characters. */
export const MAX_ANALYZE_CHARS = 2_000_000;

/** The body of POST /api/analyze, checked. */
export interface AnalyzeRequest {
  text: string;
  title?: string;
  /** As given; a date dayOf reads (it becomes the document's date, source `given`). */
  publishedAt?: string;
  /** Lower-case ISO 639 code. */
  language?: string;
}

const FIELDS = ['text', 'title', 'publishedAt', 'language'];

/**
 * Checks a parsed JSON body field by field. Every problem is a 400 that names the field and what it
 * must be: a date that is no date is refused, not echoed; a field of the wrong type is refused, not
 * dropped; an unknown field (a typo) is refused, not ignored. A text too long is a 413.
 */
export function parseAnalyzeRequest(body: unknown): AnalyzeRequest {
  const bad = (message: string) => new ApiError(400, 'invalid_body', message);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw bad('the body must be a JSON object: {"text": "...", "title": "...", "publishedAt": "YYYY-MM-DD", "language": "en"}');
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((k) => !FIELDS.includes(k));
  if (unknown.length) throw bad(`unknown field${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).map((k) => JSON.stringify(k)).join(', ')}: the fields are ${FIELDS.join(', ')}`);
  const { text, title, publishedAt, language } = fields;
  if (typeof text !== 'string') throw bad(`"text" must be a string${text === undefined ? ' (it is missing)' : `, not ${typeName(text)}`}`);
  if (!text.trim()) throw bad('"text" is empty');
  if (text.length > MAX_ANALYZE_CHARS) {
    throw new ApiError(413, 'payload_too_large', `"text" is ${text.length.toLocaleString('en')} characters; at most ${MAX_ANALYZE_CHARS.toLocaleString('en')} are analysed per request (ingest longer texts: they are stored in parts)`);
  }
  const optionalString = (name: string, value: unknown, max: number): string | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw bad(`"${name}" must be a string, not ${typeName(value)}`);
    if (value.length > max) throw bad(`"${name}" is ${value.length} characters; at most ${max}`);
    return value.trim() || undefined;
  };
  const titleText = optionalString('title', title, 1000);
  const dateText = optionalString('publishedAt', publishedAt, 100);
  if (dateText !== undefined && !dayOf(dateText)) {
    throw bad(`"publishedAt" must be a date: ${DATE_FORMS}; not ${JSON.stringify(dateText)}`);
  }
  const lang = optionalString('language', language, 35)?.toLowerCase();
  if (lang !== undefined && !/^[a-z]{2,3}([-_][a-z0-9]{1,8})*$/.test(lang)) {
    throw bad(`"language" must be an ISO 639 code such as "en" or "zh-hans", not ${JSON.stringify(language)}`);
  }
  return { text, title: titleText, publishedAt: dateText, language: lang };
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
