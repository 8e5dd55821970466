import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Actor, ActorKind, Alias, Role, Sector } from '../model/index.js';
import { CaseRule, phraseKeyIds, phraseWords, scanKeyedWords } from './words.js';
import { sharedKeys, type KeyTable } from './key-table.js';

/** What a dictionary phrase points at. */
export type EntryKind = 'alias' | 'weak' | 'metonym' | 'agent' | 'description';

export interface Entry {
  kind: EntryKind;
  /** Actor id (alias, weak, metonym), sector code (agent) or antecedent index (description). */
  target: string;
  /** For metonyms: the state the place belongs to. */
  place?: string;
  /** Case rule per word of the phrase (see CaseRule). */
  rules: Uint8Array;
}

export interface TrieNode {
  /** Children by key id (see KeyTable). */
  next?: Map<number, TrieNode>;
  entries?: Entry[];
}

/** One line of data/actors/actors.jsonl. */
interface ActorRecord {
  id: string;
  name: string;
  kind: ActorKind;
  country?: string;
  sector?: Sector;
  parent?: string;
  aliases: string[];
  roles: (string | null)[][];
}

interface Lexicon {
  metonyms: [string, string, string, string?][];
  agents: [string, string, string?][];
}

// Words of titles and joiners that newspapers write in lower case as often as not.
const FREE_CASE = new Set([
  'president', 'prime', 'minister', 'foreign', 'secretary', 'general', 'chairman', 'leader', 'former', 'premier',
  'chancellor', 'king', 'queen', 'defense', 'defence', 'state', 'of', 'the', 'and', 'for', 'mr', 'mrs', 'ms', 'dr',
  'governor', 'gov', 'senator', 'sen', 'vice', 'deputy', 'finance', 'treasury', 'spokesman', 'director', 'chief',
  'head', 'party', 'communist', 'supreme', 'ambassador', 'envoy', 'leader', 'de', 'da', 'von', 'van', 'del', 'la', 'le', 'al', 'bin',
]);

function isHan(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff);
}

/** Case rule of one word as the dictionary writes it. */
function ruleOf(word: string): CaseRule {
  if (isHan(word.charCodeAt(0))) return CaseRule.Any;
  const lower = word.toLowerCase();
  if (word === lower) return CaseRule.Any;
  if (word.length >= 2 && word === word.toUpperCase()) return CaseRule.Upper;
  return FREE_CASE.has(lower) ? CaseRule.Any : CaseRule.Capitalized;
}

const enum Start {
  Nothing = 0,
  /** Phrases start with this key but wait in `pending` for a text that has it. */
  Pending = 1,
  Built = 2,
}

/**
 * Phrases as a trie of word keys (ids in the shared KeyTable). Entries are filed by their first word and
 * inserted into the trie the first time a text has that word, so loading costs one pass over the names, not
 * a full build. Every word of a phrase is interned when it is added, so text words get their ids up front.
 */
export class PhraseTrie {
  /** Per key id: what starts there (see the Start constants); ids past the end start nothing. */
  private starts = new Uint8Array(0);
  private readonly roots: (TrieNode | undefined)[] = [];
  private readonly pending = new Map<number, [string, Omit<Entry, 'rules'>][]>();

  constructor(private readonly keys: KeyTable = sharedKeys) {}

  add(phrase: string, entry: Omit<Entry, 'rules'>): void {
    const ids = phraseKeyIds(phrase, this.keys);
    if (!ids.length) return;
    const first = ids[0]!;
    const state = this.startAt(first);
    if (state === Start.Pending) this.pending.get(first)!.push([phrase, entry]);
    else if (state === Start.Built) this.insert(phrase, entry);
    else {
      this.pending.set(first, [[phrase, entry]]);
      this.markStart(first, Start.Pending);
    }
  }

  /** The node after one word (a key id; -1 for a key no phrase has), or undefined when no phrase starts with it. */
  first(id: number): TrieNode | undefined {
    const state = this.startAt(id);
    if (state === Start.Built) return this.roots[id];
    if (state === Start.Nothing) return undefined;
    const list = this.pending.get(id)!;
    this.pending.delete(id);
    this.root(id);
    for (const [phrase, entry] of list) this.insert(phrase, entry);
    return this.roots[id];
  }

  private startAt(id: number): number {
    return id >= 0 && id < this.starts.length ? this.starts[id]! : Start.Nothing;
  }

  private markStart(id: number, state: number): void {
    if (id >= this.starts.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.starts.length * 2, 1024));
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[id] = state;
  }

  private root(id: number): TrieNode {
    let node = this.roots[id];
    if (!node) {
      while (this.roots.length <= id) this.roots.push(undefined);
      this.roots[id] = node = {};
      this.markStart(id, Start.Built);
    }
    return node;
  }

  private insert(phrase: string, entry: Omit<Entry, 'rules'>): void {
    const ids = phraseKeyIds(phrase, this.keys);
    const written = phraseWords(phrase).written;
    const count = ids.length;
    let node = this.root(ids[0]!);
    const rules = new Uint8Array(count);
    rules[0] = ruleOf(written[0]!);
    for (let i = 1; i < count; i++) {
      const key = ids[i]!;
      let child = node.next?.get(key);
      if (!child) (node.next ??= new Map()).set(key, (child = {}));
      node = child;
      rules[i] = ruleOf(written[i]!);
    }
    const entries = (node.entries ??= []);
    if (!entries.some((e) => e.target === entry.target && e.kind === entry.kind)) entries.push({ ...entry, rules });
  }
}

export interface SectorInfo {
  label: string;
  kind: ActorKind;
}

export const SECTORS: Record<string, SectorInfo> = {
  GOV: { label: 'government', kind: 'government' },
  MIL: { label: 'armed forces', kind: 'military' },
  SPY: { label: 'intelligence services', kind: 'agency' },
  COP: { label: 'police', kind: 'agency' },
  BUS: { label: 'business', kind: 'group' },
  EDU: { label: 'scientists and academics', kind: 'group' },
  MED: { label: 'media', kind: 'group' },
  JUD: { label: 'judiciary', kind: 'government' },
  LEG: { label: 'legislature', kind: 'government' },
  OPP: { label: 'opposition', kind: 'group' },
  CVL: { label: 'civilians', kind: 'group' },
  REB: { label: 'rebels', kind: 'group' },
  ELI: { label: 'elites', kind: 'group' },
};

/** The actor dictionary: actors by id and the phrase tries the resolver matches against. */
export class ActorDictionary {
  private readonly actors = new Map<string, Actor>();
  private readonly records = new Map<string, ActorRecord>();
  private readonly metonymsOf = new Map<string, Alias[]>();
  readonly names = new PhraseTrie();
  readonly agents = new PhraseTrie();

  constructor(records: ActorRecord[], lexicon: Lexicon) {
    for (const r of records) {
      this.records.set(r.id, r);
      for (const raw of r.aliases) {
        const weak = raw.charCodeAt(0) === 126; // ~
        const body = weak ? raw.slice(1) : raw;
        this.names.add(body.charCodeAt(2) === 58 ? body.slice(3) : body, { kind: weak ? 'weak' : 'alias', target: r.id });
      }
    }
    for (const [name, target, place, lang] of lexicon.metonyms) {
      this.names.add(name, { kind: 'metonym', target, place });
      const alias: Alias = lang ? { name, lang } : { name };
      const list = this.metonymsOf.get(target);
      if (list) list.push(alias);
      else this.metonymsOf.set(target, [alias]);
    }
    for (const [phrase, sector] of lexicon.agents) this.agents.add(phrase, { kind: 'agent', target: sector });
  }

  /** How many actors the dictionary holds. */
  get size(): number {
    return this.records.size;
  }

  ids(): IterableIterator<string> {
    return this.records.keys();
  }

  get(id: string): Actor | undefined {
    const made = this.actors.get(id);
    if (made) return made;
    const r = this.records.get(id);
    if (!r) return undefined;
    const aliases: Alias[] = r.aliases.map((raw) => {
      const body = raw.startsWith('~') ? raw.slice(1) : raw;
      return body.charCodeAt(2) === 58 ? { name: body.slice(3), lang: body.slice(0, 2) } : { name: body };
    });
    aliases.push(...(this.metonymsOf.get(id) ?? []));
    const roles: Role[] = r.roles.map(([code, title, from, to]) => {
      const role: Role = { code: code! };
      if (title) role.title = title;
      if (from) role.from = from;
      if (to) role.to = to;
      return role;
    });
    const actor: Actor = { id: r.id, name: r.name, kind: r.kind, aliases, roles };
    if (r.country) actor.country = r.country;
    if (r.sector) actor.sector = r.sector;
    if (r.parent) actor.parent = r.parent;
    this.actors.set(id, actor);
    return actor;
  }

  // The same entity names recur across documents; the trie walk for each is done once (the trie never changes).
  private readonly targetsByName = new Map<string, readonly string[]>();

  /** Actor ids the names trie files under exactly this phrase, in trie order. */
  private phraseTargets(name: string): readonly string[] {
    let targets = this.targetsByName.get(name);
    if (targets) return targets;
    const words = scanKeyedWords(name);
    let node: TrieNode | undefined = words.count ? this.names.first(words.ids[0]!) : undefined;
    for (let i = 1; i < words.count && node; i++) node = node.next?.get(words.ids[i]!);
    const found: string[] = [];
    for (const e of node?.entries ?? []) if (e.kind !== 'agent' && e.kind !== 'description') found.push(e.target);
    targets = found;
    if (this.targetsByName.size >= 50_000) this.targetsByName.clear();
    this.targetsByName.set(name, targets);
    return targets;
  }

  /** The government, military, intelligence... of a country, from the dictionary or made on the spot. */
  sectorActor(country: string, sector: string): Actor {
    const id = `${country}${sector}`;
    const known = this.get(id);
    if (known) return known;
    const state = this.get(country);
    const info = SECTORS[sector] ?? { label: sector, kind: 'group' as ActorKind };
    const actor: Actor = {
      id,
      name: `${info.label[0]!.toUpperCase()}${info.label.slice(1)} of ${state?.name ?? country}`,
      kind: info.kind,
      aliases: [],
      roles: [{ code: id }],
      parent: country,
    };
    if (state?.kind === 'state') actor.country = country;
    if (sector in SECTORS) actor.sector = sector as Sector;
    this.actors.set(id, actor);
    return actor;
  }

  /** Actors one name stands for, as a whole phrase (any case), best-known first. */
  lookup(name: string): Actor[] {
    const ids = new Set<string>(this.phraseTargets(name));
    const direct = this.get(name) ?? this.get(name.toUpperCase());
    if (direct) ids.add(direct.id);
    return [...ids].map((id) => this.get(id)).filter((a): a is Actor => a !== undefined);
  }
}

/** The role in force on a date (ISO): dated roles first, offices before elite status, the latest begun. */
export function roleOn(actor: Actor, date: string): Role | undefined {
  let best: Role | undefined;
  for (const role of actor.roles) {
    if (!role.from && !role.to) continue;
    if (role.from && role.from > date) continue;
    if (role.to && role.to < date) continue;
    if (!best || rank(role) > rank(best) || (rank(role) === rank(best) && (role.from ?? '') > (best.from ?? ''))) best = role;
  }
  return best ?? actor.roles.find((r) => !r.from && !r.to);
}

function rank(role: Role): number {
  return role.code.endsWith('ELI') || role.code.endsWith('OPP') || role.code.endsWith('BUS') ? 0 : 1;
}

/** Whether the actor held a dated role (an office, a term) on the date. */
export function heldOfficeOn(actor: Actor, date: string): boolean {
  return actor.roles.some((r) => (r.from || r.to) && (!r.from || r.from <= date) && (!r.to || r.to >= date));
}

/** The CAMEO-style code an actor carries on a date: its role's code, else its country's ELI, else its id. */
export function codeOn(actor: Actor, date: string): string {
  const role = roleOn(actor, date);
  if (role) return role.code;
  if (actor.country && (actor.kind === 'person' || actor.kind === 'leader')) return `${actor.country}ELI`;
  return actor.id;
}

export function defaultDictionaryDir(): string {
  return fileURLToPath(new URL('../../../data/actors/', import.meta.url));
}

export function loadDictionary(dir: string = defaultDictionaryDir()): ActorDictionary {
  const records: ActorRecord[] = [];
  const text = readFileSync(join(dir, 'actors.jsonl'), 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start) records.push(JSON.parse(text.slice(start, end)) as ActorRecord);
    start = end + 1;
  }
  const lexicon = JSON.parse(readFileSync(join(dir, 'lexicon.json'), 'utf8')) as Lexicon;
  return new ActorDictionary(records, lexicon);
}

let shared: ActorDictionary | undefined;

/** The shipped dictionary, loaded once per process. */
export function sharedDictionary(): ActorDictionary {
  shared ??= loadDictionary();
  return shared;
}
