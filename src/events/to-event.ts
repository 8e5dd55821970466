import * as crypto from 'node:crypto';
import type { Amount, Event, EventTime, PloverType, Span } from '../model/index.js';
import type { CameoTable } from './cameo.js';
import type { CodedEvent } from './coder.js';
import type { SentenceView } from './sentence-view.js';
import type { ActorUnit } from './actor-units.js';

/** Deterministic event id: the same document, evidence, trigger, code and actors give the same id. */
export function eventId(docId: string, evidence: Span, trigger: Span, code: string, sources: string[], targets: string[]): string {
  return 'ev_' + sha1Hex(`${docId}|${evidence.start}-${evidence.end}|${trigger.start}-${trigger.end}|${code}|${joined(sources)}>${joined(targets)}`).slice(0, 16);
}

// The one-shot crypto.hash (Node 20.12+) is several times cheaper than a Hash object per event.
const sha1Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha1', text, 'hex')
    : (text) => crypto.createHash('sha1').update(text).digest('hex');

// A loop, not join: the code lists are empty or filled arrays, two element kinds (array maps) at one call site.
function joined(list: readonly string[]): string {
  let out = '';
  for (let k = 0; k < list.length; k++) out += k === 0 ? list[k] : ',' + list[k];
  return out;
}

function known(units: ActorUnit[]): ActorUnit[] {
  const seen = new Set<string>();
  return units.filter((u) => !u.code.startsWith('---') && !u.code.endsWith('---') && !seen.has(u.code) && (seen.add(u.code), true));
}

/** A coded event as the model's Event, or undefined when its code has no PLOVER type or it names no known actor. */
export function toEvent(
  docId: string,
  view: SentenceView,
  coded: CodedEvent,
  cameo: CameoTable,
  time: EventTime,
  amount: Amount | undefined,
  requireDyad = true,
): Event | undefined {
  // A paired code ("042:043", visit and host a visit) stands for the forward event here; the reverse one repeats it.
  const code = coded.code.split(':')[0];
  if (!code) return undefined;
  const info = cameo.info(code);
  if (!info || !info.ploverType) return undefined;
  // A pattern may name the PLOVER type itself ("RETREAT:resign") where no CAMEO code maps to it.
  const typed = coded.mode?.includes(':') ? coded.mode.split(':') : undefined;
  const override = typed ? { type: typed[0] as PloverType, mode: typed[1] || undefined } : undefined;
  const sources = known(coded.sources);
  const targets = known(coded.targets);
  if (!sources.length && !targets.length) return undefined;
  // The broad CAMEO dictionary needs both sides (PETRARCH's require-dyad); Rift's own patterns may code one side.
  if (requireDyad && coded.fromDictionary && (!sources.length || !targets.length)) return undefined;
  const span = (u: { start: number; end: number }): Span => ({ start: view.starts[u.start], end: view.ends[u.end - 1] });
  const evidence: Span = { start: view.start, end: view.end };
  const trigger = span({ start: coded.triggerStart, end: coded.triggerEnd });
  const sourceCodes = sources.map((u) => u.code);
  const targetCodes = targets.map((u) => u.code);
  const event: Event = {
    id: eventId(docId, evidence, trigger, code, sourceCodes, targetCodes),
    evidence,
    sources: sourceCodes,
    targets: targetCodes,
    ploverType: override?.type ?? info.ploverType,
    ploverMode: override ? override.mode : coded.mode ?? info.ploverMode,
    cameo: code,
    goldstein: info.goldstein,
    quadClass: info.quadClass,
    modality: 'asserted',
    time,
    trigger,
    confidence: Math.round(coded.confidence * 100) / 100,
    sourceSpans: sources.map(span),
    targetSpans: targets.map(span),
    // Set here rather than added afterwards, so that every event has one shape; undefined ones are left out of JSON.
    ploverContext: info.ploverContext || undefined,
    reciprocal: coded.reciprocal ? true : undefined,
    amount,
  };
  return event;
}
