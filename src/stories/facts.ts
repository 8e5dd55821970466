// Fused facts: the events and provenance facts a story's reports tell, each counted by independent
// source (a copy counts as the original it copies), with the values the reports give for it. A fact
// whose independent sources give values that cannot both be true is a disagreement: dates that do not
// overlap, different lengths, different parties for who obtained or leaked a document, a document
// authenticated by some and disputed or denied by others.

import type { Analysis, Claim, Corroboration, FactReport, StoryFact, StoryMember } from '../model/index.js';

/** One report of a story, loaded: its member row and its analysis (the document included). */
export interface LoadedReport {
  member: StoryMember;
  analysis: Analysis;
}

/** Provenance relations that hold one value per document: reports that differ on them disagree. */
const SINGLE_VALUED = new Set(['dated', 'length', 'obtained-by', 'leaked-via']);
const AUTHENTICITY = new Set(['authenticated-by', 'disputed-by', 'denied-by']);
const EVIDENCE_CHARS = 300;

interface Draft {
  fact: StoryFact;
  origins: Map<string, Set<string>>;
}

/** The key, label and value of an event, and of a provenance fact, as one report tells it. */
function eventFact(a: Analysis, eventIndex: number): { key: string; label: string; value?: string } {
  const e = a.events[eventIndex]!;
  const who = (codes: string[]) => [...codes].sort().join('+') || '?';
  const key = `event:${e.ploverType}:${who(e.sources)}>${who(e.targets)}`;
  const label = `${who(e.sources)} ${e.ploverType}${e.ploverMode ? ` (${e.ploverMode})` : ''} ${who(e.targets)}`;
  const value = e.time && e.time.basis === 'event' ? `${e.time.from}/${e.time.to}` : undefined;
  return { key, label, value };
}

function overlap(a: string, b: string): boolean {
  const [af, at = af] = a.split('/');
  const [bf, bt = bf] = b.split('/');
  return af! <= bt! && bf! <= at!;
}

/** Whether two values of one fact cannot both hold. */
function conflicting(key: string, a: string, b: string): boolean {
  if (a === b) return false;
  if (key === 'provenance:authenticity') return a.startsWith('authenticated-by') !== b.startsWith('authenticated-by');
  if (key.startsWith('event:') || key === 'provenance:dated') return !overlap(a, b);
  return true;
}

export class FactFusion {
  private readonly drafts = new Map<string, Draft>();

  add(report: LoadedReport): void {
    const { member, analysis: a } = report;
    const origin = member.copyOf ?? member.docId;
    const names = new Map(a.actors.map((x) => [x.id, x.name]));
    // a referenced document by its type, so that reports naming one memo differently meet on one label
    for (const x of a.actors) if (x.kind === 'document') names.set(x.id, x.signature?.type ?? 'document');
    const name = (id: string | undefined) => (id === undefined ? undefined : names.get(id) ?? id.replace(/^outlet:/, ''));
    const evidence = (start: number, end: number) => ({ start, end, text: a.document.text.slice(start, Math.min(end, start + EVIDENCE_CHARS)) });
    a.events.forEach((e, i) => {
      const f = eventFact(a, i);
      this.put(f.key, f.label, 'event', { docId: member.docId, origin, outlet: member.outlet, language: member.language, value: f.value, evidence: evidence(e.evidence.start, e.evidence.end) }, member.day);
    });
    for (const p of a.provenance) {
      const documentName = name(p.document) ?? 'document';
      const party = p.actor ? name(p.actor) : p.value;
      let key: string;
      let label: string;
      let value: string | undefined;
      if (AUTHENTICITY.has(p.fact)) {
        key = 'provenance:authenticity';
        label = `authenticity of the ${documentName}`;
        value = `${p.fact} ${party ?? '?'}`;
      } else if (SINGLE_VALUED.has(p.fact)) {
        key = `provenance:${p.fact}`;
        label = `${documentName} ${p.fact}`;
        value = p.fact === 'dated' && p.time ? `${p.time.from}/${p.time.to}` : party;
      } else {
        key = `provenance:${p.fact}:${p.actor ?? p.value ?? ''}`;
        label = `${documentName} ${p.fact} ${party ?? ''}`.trim();
      }
      this.put(key, label, 'provenance', { docId: member.docId, origin, outlet: member.outlet, language: member.language, value, evidence: evidence(p.evidence.start, p.evidence.end) }, member.day);
    }
  }

  private put(key: string, label: string, kind: StoryFact['kind'], report: FactReport, day: string | undefined): void {
    if (report.value === undefined) delete report.value;
    if (report.outlet === undefined) delete report.outlet;
    if (report.language === undefined) delete report.language;
    let d = this.drafts.get(key);
    if (!d) {
      d = { fact: { key, label, kind, sources: 0, values: [], contradicted: false, reports: [] }, origins: new Map() };
      this.drafts.set(key, d);
    }
    d.fact.reports.push(report);
    const value = report.value ?? '';
    let values = d.origins.get(report.origin);
    if (!values) d.origins.set(report.origin, (values = new Set()));
    values.add(value);
    if (day && (!d.fact.firstReport || day < d.fact.firstReport)) d.fact.firstReport = day;
  }

  /** The fused facts, the most widely told first. */
  facts(): StoryFact[] {
    const out: StoryFact[] = [];
    for (const { fact, origins } of this.drafts.values()) {
      fact.sources = origins.size;
      const byValue = new Map<string, number>();
      for (const values of origins.values()) for (const v of values) if (v) byValue.set(v, (byValue.get(v) ?? 0) + 1);
      fact.values = [...byValue].map(([value, sources]) => ({ value, sources })).sort((a, b) => b.sources - a.sources || (a.value < b.value ? -1 : 1));
      fact.contradicted = fact.values.some((x, i) => fact.values.slice(i + 1).some((y) => conflicting(fact.key, x.value, y.value)));
      out.push(fact);
    }
    return out.sort((a, b) => b.sources - a.sources || Number(b.contradicted) - Number(a.contradicted) || (a.key < b.key ? -1 : 1));
  }
}

/**
 * For re-grading a report's claims: how many other independent sources tell the claim's event, and how
 * many give a value for it that conflicts with this report's.
 */
export function corroborationFor(facts: Map<string, StoryFact>, report: LoadedReport): (claim: Claim) => Corroboration | undefined {
  const origin = report.member.copyOf ?? report.member.docId;
  const index = new Map(report.analysis.events.map((e, i) => [e.id, i]));
  return (claim) => {
    const i = index.get(claim.eventId);
    if (i === undefined) return undefined;
    const own = eventFact(report.analysis, i);
    const fact = facts.get(own.key);
    if (!fact) return undefined;
    const agreeing = new Set<string>();
    const against = new Set<string>();
    for (const r of fact.reports) {
      if (r.origin === origin) continue;
      if (own.value && r.value && conflicting(fact.key, own.value, r.value)) against.add(r.origin);
      else agreeing.add(r.origin);
    }
    for (const o of against) agreeing.delete(o);
    return { independentSources: agreeing.size, contradictions: against.size };
  };
}
