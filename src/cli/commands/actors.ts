import type { Command } from 'commander';
import { CliError } from '../errors.js';
import { addDbOption, openCliStore } from '../db.js';
import { emphasize, print, printJson } from '../output.js';
import { codeOn, loadDictionary, roleOn } from '../../actors/dictionary.js';
import type { ActorDictionary } from '../../actors/dictionary.js';
import { resolveActors } from '../../actors/resolver.js';
import type { Actor } from '../../model/index.js';
import { StoreError, type ActorMentionRow } from '../../store/index.js';
import { settleLanguage } from '../../ingest/language.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(date: string | undefined): string {
  const day = date ?? new Date().toISOString().slice(0, 10);
  if (!ISO_DATE.test(day)) throw new CliError(`--date wants YYYY-MM-DD, not ${date}`);
  return day;
}

function loadDictionaryOrFail(): ActorDictionary {
  try {
    return loadDictionary();
  } catch (err) {
    throw new CliError(`cannot load the actor dictionary: ${(err as Error).message} (run \`npm run train -- actors\`)`);
  }
}

export function registerActors(program: Command): void {
  // One command that reads its first word itself: `actors <name>` and `actors resolve <text>` share
  // --date and --json, and commander would give a subcommand's options to its parent.
  addDbOption(
    program
      .command('actors')
      .argument('[words...]', 'a name, alias or id (FSB, Путин, 习近平, RUSGOV); or `resolve` and a text')
      .usage('[options] <name> | resolve <text>')
      .description(
        'show an actor: aliases, roles over time, where the store mentions it.\n' +
          '`rift actors resolve "<text>" --date YYYY-MM-DD` shows how a text resolves on that date',
      )
      .option('--date <YYYY-MM-DD>', 'the date roles are read on, or the text\'s date for resolve (default: today)')
      .option('--lang <code>', 'the language (ISO 639-1) of the name or text: its own names (Pechino) and case endings (Путина) count; resolve detects it when absent')
      .option('--limit <n>', 'most mentions to list', '20')
      .option('--json', 'machine-readable output'),
  ).action(async (words: string[], opts: { date?: string; lang?: string; limit: string; json?: boolean; db?: string }) => {
    if (opts.lang !== undefined && !/^[a-z]{2}([-_][A-Za-z]+)?$/.test(opts.lang)) throw new CliError(`--lang wants an ISO 639-1 code such as it or ru, not ${opts.lang}`);
    if (words[0] === 'resolve') {
      const text = words.slice(1).join(' ');
      if (!text.trim()) throw new CliError('give a text to resolve: `rift actors resolve "Beijing denied it"`', 2);
      await resolveText(text, opts);
      return;
    }
    const name = words.join(' ').trim();
    if (!name) throw new CliError('name an actor (`rift actors FSB`) or resolve a text (`rift actors resolve "..."`)', 2);
    await showActors(name, opts);
  });
}

async function resolveText(text: string, opts: { date?: string; lang?: string; json?: boolean }): Promise<void> {
  const date = checkDate(opts.date);
  const dict = loadDictionaryOrFail();
  const document = { text, language: opts.lang };
  await settleLanguage(document);
  const language = document.language;
  const result = resolveActors(dict, text, { date, language });
  if (opts.json) {
    printJson({ date, language: language ?? null, text, resolutions: result.resolutions, actors: result.actors });
    return;
  }
  const read = `as of ${date}, read as ${language ?? 'no language recognised (pass --lang)'}`;
  if (!result.resolutions.length) {
    print(`no actors found (${read})`);
    return;
  }
  print(`${read}:`);
  for (const r of result.resolutions) {
    const actor = dict.get(r.actorId) ?? result.actors.find((a) => a.id === r.actorId);
    print(`  ${`${r.start}-${r.end}`.padEnd(9)} ${JSON.stringify(r.text).padEnd(34)} → ${r.code.padEnd(10)} ${actor?.name ?? r.actorId}  (${r.method}, ${r.confidence})`);
  }
}

async function showActors(name: string, opts: { date?: string; lang?: string; limit: string; json?: boolean; db?: string }): Promise<void> {
  const date = checkDate(opts.date);
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 0) throw new CliError(`--limit wants a whole number, not ${opts.limit}`);
  const dict = loadDictionaryOrFail();
  // without --lang, a name of any language the dictionary has names in (Pechino, Moskwa)
  let found = dict.lookup(name, opts.lang);
  for (const language of opts.lang ? [] : dict.languages()) {
    if (found.length) break;
    found = dict.lookup(name, language);
  }
  found = found.slice(0, 5);
  if (!found.length) throw new CliError(`no actor named ${JSON.stringify(name)} in the dictionary`, 1);
  const mentions = new Map<string, ActorMentionRow[]>();
  const store = await openCliStore(opts).catch((err: unknown) => {
    if (err instanceof StoreError && err.code === 'missing') return undefined; // the dictionary alone still answers
    throw err;
  });
  if (store) {
    try {
      for (const a of found) mentions.set(a.id, await store.analyses.actorMentions(a.id, { limit }));
    } finally {
      await store.close();
    }
  }
  if (opts.json) {
    printJson({
      query: name,
      date,
      actors: found.map((a) => ({ ...a, codeOnDate: codeOn(a, date), mentions: mentions.get(a.id) ?? [] })),
    });
    return;
  }
  found.forEach((a, i) => {
    if (i) print('');
    printActor(dict, a, date, mentions.get(a.id), store !== undefined);
  });
}

function printActor(dict: ActorDictionary, a: Actor, date: string, mentions: ActorMentionRow[] | undefined, hasStore: boolean): void {
  print(emphasize(`${a.name}`) + `  [${a.id}]`);
  const facts = [a.kind, a.country && `country ${a.country}`, a.sector && `sector ${a.sector}`, a.parent && `part of ${dict.get(a.parent)?.name ?? a.parent} [${a.parent}]`];
  print(`  ${facts.filter(Boolean).join(', ')}`);
  const role = roleOn(a, date);
  print(`  on ${date}: ${codeOn(a, date)}${role?.title ? ` (${role.title})` : ''}`);
  const byLang = new Map<string, string[]>();
  for (const alias of a.aliases) {
    const key = alias.lang ?? '–';
    const list = byLang.get(key) ?? [];
    list.push(alias.name);
    byLang.set(key, list);
  }
  print('  aliases:');
  for (const [lang, names] of byLang) print(`    ${lang.padEnd(3)} ${names.slice(0, 12).join('; ')}${names.length > 12 ? ` (+${names.length - 12})` : ''}`);
  const dated = a.roles.filter((r) => r.from || r.to);
  if (dated.length) {
    print('  roles:');
    for (const r of [...dated].sort((x, y) => (x.from ?? '').localeCompare(y.from ?? ''))) {
      print(`    ${(r.from ?? '…').padEnd(10)} – ${(r.to ?? 'now').padEnd(10)}  ${r.code}${r.title ? `  ${r.title}` : ''}`);
    }
  } else {
    print(`  code: ${a.roles.map((r) => r.code).join(', ') || a.id}`);
  }
  if (!hasStore) {
    print('  mentions: no store here (use --db)');
    return;
  }
  print(`  mentions: ${mentions?.length ? '' : 'none stored'}`);
  for (const m of mentions ?? []) {
    print(`    ${m.docId.slice(0, 12)} ${(m.publishedAt ?? '').slice(0, 10).padEnd(10)} ${m.start}-${m.end} ${JSON.stringify(m.text)}  ${m.title ?? ''}`);
  }
}
