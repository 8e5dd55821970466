import type { ActorDictionary } from './dictionary.js';
import { resolveActors } from './resolver.js';

/** One report of the news corpus (../shared/corpus/news/articles.jsonl), with the language the pipeline gives it. */
export interface CorpusReport {
  id: string;
  /** The corpus's language label (reported by, not used for matching). */
  lang: string;
  /** The language the pipeline detected, which resolution is given; undefined where none was. */
  language: string | undefined;
  date?: string | null;
  approx_event_date?: string | null;
  text: string;
}

/** Expectations written by reading the reports: the key actors each names. */
export interface CorpusExpectations {
  keyActors: string[];
  reports: Record<string, string[]>;
}

export interface LanguageReportScores {
  reports: number;
  expected: number;
  found: number;
  /** found / expected: the share of the named key actors that resolve. */
  share: number;
  /** Key actors resolved in a report that does not name them (by the expectations). */
  unexpected: number;
  byLanguage: Record<string, { reports: number; expected: number; found: number }>;
  /** Each expected actor that did not resolve, as "report:actor". */
  missed: string[];
  /** Each key actor that resolved where none was expected, as "report:actor". */
  extra: string[];
}

/** A report with neither a date nor an event date is read as of the corpus's time (mid-2025), as ingest would assume its retrieval day. */
const UNDATED_REPORT_DAY = '2025-06-15';

/**
 * Resolves every report the expectations list and counts which of their key actors resolve. A state named
 * with an agent noun ("Russian navies", RUSMIL) counts for the state.
 */
export function evaluateLanguageReports(dict: ActorDictionary, reports: readonly CorpusReport[], expectations: CorpusExpectations): LanguageReportScores {
  const key = new Set(expectations.keyActors);
  const scores: LanguageReportScores = { reports: 0, expected: 0, found: 0, share: 0, unexpected: 0, byLanguage: {}, missed: [], extra: [] };
  for (const report of reports) {
    const expected = expectations.reports[report.id];
    if (!expected) continue;
    const result = resolveActors(dict, report.text, { date: (report.date ?? report.approx_event_date ?? UNDATED_REPORT_DAY).slice(0, 10), language: report.language });
    const resolved = new Set(result.resolutions.map((r) => r.actorId));
    // "Russian navies" names Russia as its navy (RUSMIL): a state named with an agent noun counts for the state
    for (const r of result.resolutions) if (r.method === 'demonym+agent') resolved.add(r.actorId.slice(0, 3));
    const perLanguage = (scores.byLanguage[report.lang] ??= { reports: 0, expected: 0, found: 0 });
    scores.reports++;
    perLanguage.reports++;
    for (const id of expected) {
      scores.expected++;
      perLanguage.expected++;
      if (resolved.has(id)) {
        scores.found++;
        perLanguage.found++;
      } else scores.missed.push(`${report.id}:${id}`);
    }
    for (const id of resolved) {
      if (key.has(id) && !expected.includes(id)) {
        scores.unexpected++;
        scores.extra.push(`${report.id}:${id}`);
      }
    }
  }
  scores.share = scores.expected ? scores.found / scores.expected : 0;
  return scores;
}
