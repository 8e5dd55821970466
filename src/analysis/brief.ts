import type { Document } from '../model/index.js';
import { ENTITY_KINDS } from '../model/index.js';
import type { StoredAnalysis } from '../store/index.js';

const quote = (text: string, max = 160): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
};
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** A Markdown brief of one analysed document: what it is, who is in it, what happened, who says so. */
export function renderBrief(doc: Document, a: StoredAnalysis): string {
  const text = doc.text;
  const span = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  const out: string[] = [];
  out.push(`# ${doc.title ?? quote(text.trim().split('\n')[0], 100)}`, '');
  const meta = [
    doc.outlet && `**Outlet:** ${doc.outlet}`,
    doc.publishedAt && `**Published:** ${doc.publishedAt}`,
    `**Date:** ${doc.date.day} (${doc.date.source})`,
    doc.language && `**Language:** ${doc.language}`,
    doc.url && `**URL:** ${doc.url}`,
    `**Document:** \`${doc.id}\``,
  ].filter(Boolean);
  out.push(meta.join('  \n'), '');
  out.push(
    `${text.length.toLocaleString('en')} characters, ${a.sentences.length} sentences, ` +
      `${a.mentions.length} mentions, ${a.actors.length} actors, ${a.events.length} events, ${a.claims.length} claims.`,
    '',
  );

  if (a.actors.length) {
    out.push('## Actors', '', '| id | name | kind | country |', '| --- | --- | --- | --- |');
    for (const actor of a.actors) out.push(`| ${actor.id} | ${cell(actor.name)} | ${actor.kind} | ${actor.country ?? ''} |`);
    out.push('');
  }
  if (a.events.length) {
    out.push('## Events', '', '| source | event | target | when | modality | Goldstein | evidence |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const e of a.events) {
      const when = `${e.time.from === e.time.to ? e.time.from : `${e.time.from} – ${e.time.to}`}${e.time.basis === 'report' ? ' (reported)' : ''}`;
      out.push(
        `| ${e.sources.join(', ')} | ${e.ploverType} (CAMEO ${e.cameo})${e.trigger ? ` “${cell(span(e.trigger))}”` : ''} | ${e.targets.join(', ')} | ${when} | ${e.modality} | ${e.goldstein} | “${cell(quote(span(e.evidence), 100))}” |`,
      );
    }
    out.push('');
  }
  if (a.claims.length) {
    out.push('## Claims', '', '| speaker | channel | certainty | grade | evidence |', '| --- | --- | --- | --- | --- |');
    for (const c of a.claims) {
      out.push(`| ${c.speaker} | ${c.channel} | ${c.icd} (${c.certainty}) | ${c.admiralty ?? ''} | “${cell(quote(span(c.evidence), 100))}” |`);
    }
    out.push('');
  }
  const documents = a.actors.filter((actor) => actor.kind === 'document');
  if (documents.length) {
    out.push('## Referenced documents', '');
    for (const d of documents) out.push(`- **${d.id}**: ${d.name}`);
    if (a.provenance.length) {
      out.push('', '| document | fact | party or value | says who | evidence |', '| --- | --- | --- | --- | --- |');
      for (const f of a.provenance) {
        out.push(`| ${f.document} | ${f.fact} | ${cell(f.actor ?? f.value ?? '')} | ${f.speaker} | “${cell(quote(span(f.evidence), 100))}” |`);
      }
    }
    out.push('');
  }
  const entities = a.mentions.filter((m) => ENTITY_KINDS.has(m.kind));
  if (entities.length) {
    out.push('## Named entities', '');
    const byKind = new Map<string, Set<string>>();
    for (const m of entities) byKind.set(m.kind, (byKind.get(m.kind) ?? new Set()).add(m.text));
    for (const [kind, names] of byKind) out.push(`- **${kind}:** ${[...names].join(', ')}`);
    out.push('');
  }
  if (a.times.length || a.quantities.length) {
    out.push('## Dates and figures', '');
    for (const t of a.times) out.push(`- “${t.text}” → ${t.from === t.to ? t.from : `${t.from} … ${t.to}`} (${t.precision})`);
    for (const q of a.quantities) out.push(`- “${q.text}” → ${q.value.toLocaleString('en')}${q.unit ? ' ' + q.unit : ''}`);
    out.push('');
  }
  if (!a.actors.length && !a.events.length && !entities.length) {
    out.push('_No actors or events were extracted from this document._', '');
  }
  return out.join('\n');
}
