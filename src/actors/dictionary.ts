import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Actor, ActorKind, Alias, Role, Sector } from '../model/index.js';
import { ActorRecordFile } from './record-file.js';
import { scanKeyedWords, WordSpace } from './words.js';
import type { StemmingFor } from './words.js';
import { sharedKeys } from './key-table.js';
import { PhraseTrie } from './phrase-trie.js';
import { aliasLanguage, gated, inflectingLanguages, nonLatinScript } from './languages.js';
import { stemmerFor } from './stemmer.js';

export type { Entry, EntryKind } from './phrase-trie.js';

/** What one name looks up: the trie's targets for it, and the actors found as of `made` actors made. */
interface NameLookup {
  targets: readonly string[];
  made: number;
  actors: Actor[];
}

/** lexicon.json: metonyms ([name, actor id, state, lang]) and agent nouns. */
export interface Lexicon {
  metonyms: [string, string, string, string?][];
  /**
   * [phrase, sector, lang, placement]: an agent noun and the sector it names ("operatives" → SPY). Placement `prefix`
   * (PETRARCH's `[NGO~]`) puts the sector before an actor's code; the resolver attaches only the usual suffix ones.
   */
  agents: [string, string, string?, ('suffix' | 'prefix')?][];
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

/**
 * The names of one language that only its documents match (Latin-script names of other languages than
 * English), or that its documents match by stem as well (Russian, Polish...: see languages.ts).
 */
export interface LanguageNames {
  language: string;
  names: PhraseTrie;
  agents: PhraseTrie;
  /** How a document's words are keyed for these tries; undefined where names do not inflect (plain keys). */
  stemming: StemmingFor | undefined;
}

/** The actor dictionary: actors by id and the phrase tries the resolver matches against. */
export class ActorDictionary {
  private readonly actors = new Map<string, Actor>();
  private readonly records: ActorRecordFile;
  private readonly metonymsOf = new Map<string, Alias[]>();
  /** Names every document matches. */
  readonly names = new PhraseTrie();
  readonly agents = new PhraseTrie();
  /** The agent nouns as the lexicon lists them: what the event coder's agent lexicon is compiled from. */
  readonly agentPhrases: readonly (readonly [phrase: string, sector: string, placement: 'suffix' | 'prefix'])[];
  private readonly byLanguage = new Map<string, LanguageNames>();

  constructor(records: ActorRecordFile, lexicon: Lexicon) {
    this.records = records;
    this.agentPhrases = lexicon.agents.map(([phrase, sector, , placement]) => [phrase, sector, placement ?? 'suffix'] as const);
    records.scan((raw, id) => {
      // "~name" is a weak alias, "ru:name" one in a given language
      const weak = raw.charCodeAt(0) === 126;
      const body = weak ? raw.slice(1) : raw;
      const tagged = body.length > 2 && body.charCodeAt(2) === 58;
      this.file(tagged ? body.slice(3) : body, tagged ? body.slice(0, 2) : '', weak ? 'weak' : 'alias', id, '');
    });
    for (const [name, target, place, lang] of lexicon.metonyms) {
      this.file(name, lang ?? '', 'metonym', target, place);
      const alias: Alias = { name, lang: lang || undefined };
      const list = this.metonymsOf.get(target);
      if (list) list.push(alias);
      else this.metonymsOf.set(target, [alias]);
    }
    for (const [phrase, sector, lang, placement] of lexicon.agents) if (placement !== 'prefix') this.file(phrase, lang ?? '', 'agent', sector, '');
  }

  /** Files a name in every trie whose documents match it (see languages.ts). */
  private file(name: string, lang: string, kind: 'alias' | 'weak' | 'metonym' | 'agent', target: string, place: string): void {
    const own = gated(lang, name);
    if (!own) (kind === 'agent' ? this.agents : this.names).add(name, kind, target, place);
    if (!lang || lang === 'en') return;
    const local = this.languageNames(lang);
    if (own || local.stemming) (kind === 'agent' ? local.agents : local.names).add(name, kind, target, place);
  }

  private languageNames(lang: string): LanguageNames {
    const language = aliasLanguage(lang)!;
    let local = this.byLanguage.get(language);
    if (!local) {
      const stemmer = stemmerFor(language);
      const names = new PhraseTrie(sharedKeys, stemmer);
      const agents = new PhraseTrie(sharedKeys, stemmer);
      const stemming = stemmer && { stemmer, has: (id: number) => names.has(id) || agents.has(id) };
      local = { language, names, agents, stemming };
      this.byLanguage.set(language, local);
    }
    return local;
  }

  /** The languages with names of their own (gated or inflected), in the order first met. */
  languages(): string[] {
    return [...this.byLanguage.keys()];
  }

  private readonly localsByLanguage = new Map<string, readonly LanguageNames[]>();

  /**
   * The language tries a document in `language` matches beside the shared ones: its own language's. A
   * document of unknown language gets those of the inflecting languages written in other scripts than
   * Latin (Russian, Ukrainian, Gujarati), whose stems cannot meet a word of another script.
   */
  localNames(language: string | undefined): readonly LanguageNames[] {
    const key = aliasLanguage(language) ?? '';
    let locals = this.localsByLanguage.get(key);
    if (!locals) {
      const own = key ? this.byLanguage.get(key) : undefined;
      locals = own
        ? [own]
        : key
          ? []
          : inflectingLanguages()
              .filter(nonLatinScript)
              .map((l) => this.byLanguage.get(l))
              .filter((l): l is LanguageNames => l !== undefined);
      this.localsByLanguage.set(key, locals);
    }
    return locals;
  }

  /** How many actors the dictionary holds. */
  get size(): number {
    return this.records.size;
  }

  ids(): IterableIterator<string> {
    return this.records.ids();
  }

  get(id: string): Actor | undefined {
    const made = this.actors.get(id);
    if (made) return made;
    const r = this.records.record(id);
    if (!r) return undefined;
    const own: Alias[] = r.aliases.map((raw) => {
      const body = raw.startsWith('~') ? raw.slice(1) : raw;
      return body.length > 2 && body.charCodeAt(2) === 58 ? { name: body.slice(3), lang: body.slice(0, 2) } : { name: body, lang: undefined };
    });
    // concat rather than push: an actor without aliases maps to an array of another elements kind
    const metonyms = this.metonymsOf.get(id);
    const aliases = metonyms ? own.concat(metonyms) : own;
    // Every role and actor gets all its fields, absent ones undefined (omitted by JSON as before), so that
    // they share one hidden class each and the resolver's sites stay monomorphic.
    const roles: Role[] = r.roles.map(([code, title, from, to]) => ({ code: code!, title: title || undefined, from: from || undefined, to: to || undefined }));
    const actor: Actor = {
      id: r.id,
      name: r.name,
      kind: r.kind,
      aliases,
      roles,
      country: r.country || undefined,
      sector: r.sector || undefined,
      parent: r.parent || undefined,
      provisional: undefined,
    };
    this.actors.set(id, actor);
    return actor;
  }

  // The same entity names recur across documents: what a name looks up is remembered (see lookup).
  private readonly byName = new Map<string, NameLookup>();
  /** How many actors sectorActor has made: a name's direct hit or a target's actor can only change when one is. */
  private made = 0;

  // The words of the name being looked up (never a document's: resolving a document keeps its own space).
  private readonly nameWords = new WordSpace();

  /** Actor ids the names tries a document in `language` matches file under exactly this phrase, in trie order. */
  private phraseTargets(name: string, language: string | undefined): readonly string[] {
    const locals = this.localNames(language);
    const stemmings: StemmingFor[] = [];
    for (const l of locals) if (l.stemming) stemmings.push(l.stemming);
    const words = scanKeyedWords(name, sharedKeys, this.nameWords, stemmings);
    const found: string[] = [];
    const collect = (trie: PhraseTrie, ids: Int32Array) => {
      let node = words.count ? trie.first(ids[0]!) : -1;
      for (let i = 1; i < words.count && node >= 0; i++) node = trie.next(node, ids[i]!);
      for (const e of (node >= 0 && trie.entries(node)) || []) if (e.kind !== 'agent' && e.kind !== 'description') found.push(e.target);
    };
    collect(this.names, words.ids);
    let row = 0;
    for (const l of locals) {
      if (!l.stemming) {
        collect(l.names, words.ids);
        continue;
      }
      const stems = words.stems[row++]!;
      const others = words.stems[row++]!;
      collect(l.names, stems);
      // each word read the other way where it can be (a name of a few words rarely has two such words)
      if (others.some((id) => id >= 0)) collect(l.names, stems.map((id, k) => (others[k]! >= 0 ? others[k]! : id)));
    }
    return found;
  }

  /** lookup, worked out afresh. */
  private lookupNow(name: string, targets: readonly string[]): Actor[] {
    const direct = this.get(name) ?? this.get(name.toUpperCase());
    const found: Actor[] = [];
    for (let i = 0; i < targets.length; i++) {
      const id = targets[i]!;
      if (targets.indexOf(id) < i) continue; // each id once, at its first place
      const actor = this.get(id);
      if (actor) found.push(actor);
    }
    if (direct && !targets.includes(direct.id)) found.push(direct);
    return found;
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
      roles: [{ code: id, title: undefined, from: undefined, to: undefined }],
      parent: country,
      country: state?.kind === 'state' ? country : undefined,
      sector: sector in SECTORS ? (sector as Sector) : undefined,
      provisional: undefined,
    };
    this.actors.set(id, actor);
    this.made++;
    return actor;
  }

  /**
   * Actors one name stands for, as a whole phrase (any case), best-known first; with a language, the
   * names its documents match (Pechino in Italian) and its inflected forms (Путина in Russian) count too.
   */
  lookup(name: string, language?: string): Actor[] {
    const key = language ? `${aliasLanguage(language)}\u0000${name}` : name;
    let known = this.byName.get(key);
    if (!known) {
      if (this.byName.size >= 50_000) this.byName.clear();
      const targets = this.phraseTargets(name, language);
      known = { targets, made: this.made, actors: this.lookupNow(name, targets) };
      this.byName.set(key, known);
    } else if (known.made !== this.made) {
      known.made = this.made;
      known.actors = this.lookupNow(name, known.targets);
    }
    return known.actors.slice();
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

/** The files a dictionary is read from, in a folder. */
const DICTIONARY_FILES = ['actors.jsonl', 'lexicon.json'];

/** The shipped dictionary's files (absolute paths): the actors stage's version hashes them. */
export const ACTOR_DICTIONARY_FILES: readonly string[] = DICTIONARY_FILES.map((f) => join(defaultDictionaryDir(), f));

export function loadDictionary(dir: string = defaultDictionaryDir()): ActorDictionary {
  const lexicon = JSON.parse(readFileSync(join(dir, 'lexicon.json'), 'utf8')) as Lexicon;
  return dictionaryFromData(readFileSync(join(dir, 'actors.jsonl'), 'utf8'), lexicon);
}

/** A dictionary from actor records (JSON Lines, as actors.jsonl) and a lexicon: the shipped one, or one built from other sources. */
export function dictionaryFromData(actorsJsonl: string, lexicon: Lexicon): ActorDictionary {
  return new ActorDictionary(new ActorRecordFile(actorsJsonl), lexicon);
}
