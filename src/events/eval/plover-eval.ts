import type { Event, Span } from '../../model/index.js';
import { newDocument } from '../../app/document-factory.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { codeDocument } from '../coder-component.js';
import type { ShippedResources } from '../resources.js';
import type { PloverRecord } from './plover-gold.js';
import { PrfCounter, round4, type Prf } from '../../eval/prf.js';

export interface PloverScore {
  format: 'plover';
  records: number;
  /** Share of records whose main coded event has the gold PLOVER type. */
  typeAccuracy: number;
  /** Share of gold actors (found in the text) that the main event names at an overlapping span, in the same role. */
  actorSpanMatch: number;
  /** Main event against gold on (source country, target country, type). */
  exact: Prf;
  /** Main event against gold on the type alone. */
  root: Prf;
  confusion: Record<string, Record<string, number>>;
}

/** The event a record's sentence is about: the first one coded with some confidence (a pattern, or both actors), else the most confident. */
export function mainEvent(events: readonly Event[]): Event | undefined {
  let best: Event | undefined;
  for (const e of events) if (!best || e.confidence > best.confidence) best = e;
  let first: Event | undefined;
  for (const e of events) if (e.confidence >= 0.45 && (!first || e.trigger!.start < first.trigger!.start)) first = e;
  return first ?? best;
}

function findSpan(text: string, needle: string): Span | undefined {
  const at = text.toLowerCase().indexOf(needle.toLowerCase());
  return at < 0 ? undefined : { start: at, end: at + needle.length };
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Runs the language and actor stages the caller gives (`upstream`), then the coder, over each gold sentence. */
export function evaluatePlover(records: readonly PloverRecord[], upstream: Pipeline, resources: ShippedResources): PloverScore {
  let typeCorrect = 0;
  let actorTotal = 0;
  let actorMatched = 0;
  const exact = new PrfCounter();
  const root = new PrfCounter();
  const confusion: PloverScore['confusion'] = {};
  for (const r of records) {
    // The gold sentences are English and undated: every one is read as of the same given day.
    const document = newDocument({ text: r.text, format: 'text' }, { ref: r.id, retrievedAt: '2000-01-01T00:00:00Z', date: '2000-01-01', language: 'en' });
    const analysis = upstream.analyze(document);
    // Typing is scored on every coded event, also those whose other side the dictionaries cannot name.
    codeDocument(analysis, resources, { requireDyad: false });
    const main = mainEvent(analysis.events);
    const predicted = main?.ploverType ?? 'NONE';
    (confusion[r.type] ??= {})[predicted] = (confusion[r.type][predicted] ?? 0) + 1;
    if (predicted === r.type) typeCorrect++;
    const country = (c: string) => c.slice(0, 3);
    const goldKeys: string[] = [];
    for (const s of r.sources.length ? r.sources : [{ code: '' }]) {
      for (const t of r.targets.length ? r.targets : [{ code: '' }]) goldKeys.push(`${country(s.code)}|${country(t.code)}|${r.type}`);
    }
    const predKeys: string[] = [];
    if (main) {
      for (const s of main.sources.length ? main.sources : ['']) {
        for (const t of main.reciprocal || !main.targets.length ? [''] : main.targets) predKeys.push(`${country(s)}|${country(t)}|${main.ploverType}`);
      }
    }
    exact.add([...new Set(predKeys)], [...new Set(goldKeys)]);
    root.add(main ? [predicted] : [], [r.type]);
    const roles: [typeof r.sources, Span[]][] = [
      [r.sources, [...(main?.sourceSpans ?? []), ...(main?.reciprocal ? main.targetSpans ?? [] : [])]],
      [r.targets, [...(main?.targetSpans ?? []), ...(main?.reciprocal ? main.sourceSpans ?? [] : [])]],
    ];
    for (const [gold, spans] of roles) {
      for (const a of gold) {
        const span = findSpan(r.text, a.text);
        if (!span) continue;
        actorTotal++;
        if (spans.some((s) => overlaps(s, span))) actorMatched++;
      }
    }
  }
  return {
    format: 'plover',
    records: records.length,
    typeAccuracy: round4(records.length ? typeCorrect / records.length : 0),
    actorSpanMatch: round4(actorTotal ? actorMatched / actorTotal : 0),
    exact: exact.result(),
    root: root.result(),
    confusion,
  };
}
