import type { Command } from 'commander';
import { addDbOption, openCliStore } from '../db.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';
import type { Store } from '../../store/index.js';
import type { Story, StoryDetail, StoryFact } from '../../model/index.js';

function positive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`${option} wants a positive whole number, not ${value}`, 2);
  return n;
}

/** A full story id from what the user typed: the whole id or an unambiguous prefix of it. */
async function resolveStoryId(store: Store, typed: string): Promise<string> {
  const ids = await store.stories.findIds(typed, 2);
  if (ids.includes(typed)) return typed;
  if (ids.length === 1) return ids[0]!;
  if (ids.length > 1) throw new CliError(`story id "${typed}" is ambiguous: type more of it`);
  throw new CliError(`no story with id "${typed}" in ${store.location} (\`rift stories\` lists them)`);
}

const span = (s: Story) => (s.firstReport ? (s.firstReport === s.lastReport ? s.firstReport : `${s.firstReport} … ${s.lastReport}`) : 'undated');

export function registerStories(program: Command): void {
  addDbOption(
    program
      .command('stories')
      .description('list stories: reports that tell one story across outlets and languages, largest first')
      .option('--newest', 'newest last report first')
      .option('--min <n>', 'only stories with at least n reports', '1')
      .option('--limit <n>', 'most stories to list', '30')
      .option('--json', 'machine-readable output'),
  ).action(async (opts: { newest?: boolean; min: string; limit: string; json?: boolean; db?: string }) => {
    const limit = positive(opts.limit, '--limit');
    const minDocuments = positive(opts.min, '--min');
    const store = await openCliStore(opts);
    try {
      const stories = await store.stories.list({ limit, minDocuments, order: opts.newest ? 'newest' : 'size' });
      if (opts.json) {
        printJson({ stories });
        return;
      }
      if (!stories.length) {
        print(`no stories in ${store.location} yet: they are built as documents are ingested (rift ingest; rift reanalyze for a store made before stories)`);
        return;
      }
      for (const s of stories) {
        print(`${s.id}  ${String(s.documents).padStart(3)} reports, ${String(s.sources).padStart(3)} independent  ${span(s).padEnd(23)}  ${s.languages.join(',')}`);
        print(`    ${s.label}`);
      }
    } finally {
      await store.close();
    }
  });

  addDbOption(
    program
      .command('story <id>')
      .description('one story: its reports (copies marked), outlets, languages, first and last report, and the facts its independent sources corroborate or dispute, with evidence')
      .option('--facts <n>', 'most facts to show', '30')
      .option('--json', 'machine-readable output'),
  ).action(async (typed: string, opts: { facts: string; json?: boolean; db?: string }) => {
    const most = positive(opts.facts, '--facts');
    const store = await openCliStore(opts);
    try {
      const story = (await store.stories.get(await resolveStoryId(store, typed)))!;
      if (opts.json) {
        printJson(story);
        return;
      }
      printStory(story, most);
    } finally {
      await store.close();
    }
  });
}

function printStory(s: StoryDetail, most: number): void {
  print(`# ${s.label}`);
  print(`id:          ${s.id}`);
  print(`reports:     ${s.documents} (${s.sources} independent; copies count once)`);
  print(`reported:    ${span(s)}`);
  print(`languages:   ${s.languages.join(', ')}`);
  print(`outlets:     ${s.outlets.join(', ')}`);
  print(`stands for:  ${s.representative}`);
  print('');
  print('## Reports');
  for (const m of s.members) {
    const how = m.copyOf ? `copy of ${m.copyOf.slice(0, 12)} (${m.match}, ${m.score})` : m.match === 'first' ? 'first' : `${m.match} ${m.score}`;
    print(`  ${m.docId.slice(0, 12)}  ${(m.day ?? 'undated').padEnd(10)}  ${(m.language ?? '?').padEnd(2)}  ${(m.outlet ?? '').padEnd(28)}  ${how}`);
  }
  const disputed = s.facts.filter((f) => f.contradicted);
  const corroborated = s.facts.filter((f) => !f.contradicted && f.sources > 1);
  print('');
  print('## Corroborated (told by more than one independent source)');
  if (!corroborated.length) print('  none yet');
  for (const f of corroborated.slice(0, most)) printFact(f);
  print('');
  print('## Disagreements');
  if (!disputed.length) print('  none found');
  for (const f of disputed.slice(0, most)) printFact(f);
}

function printFact(f: StoryFact): void {
  print(`- ${f.label}: ${f.sources} independent source${f.sources === 1 ? '' : 's'}${f.firstReport ? `, first ${f.firstReport}` : ''}`);
  for (const v of f.values) print(`    ${v.value}: ${v.sources}`);
  const seen = new Set<string>();
  for (const r of f.reports) {
    if (seen.has(r.origin) || seen.size >= 3) continue;
    seen.add(r.origin);
    print(`    [${r.docId.slice(0, 12)} ${r.evidence.start}-${r.evidence.end}] ${JSON.stringify(r.evidence.text.replace(/\s+/g, ' '))}`);
  }
}
