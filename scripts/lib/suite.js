// Runs the measurement definitions in a folder (eval/ or bench/): each module's default export is
// { name, issue, needs: [paths under shared/], args: [...rift argv], bars: [{ path, min?, max?, label }] }.
// `{shared}` in args is replaced by the shared data folder. A definition whose data is missing is skipped.
// A definition with `postgres: true` gets a throwaway PostgreSQL server (dist/src/store/postgres/ephemeral.js)
// and `{postgres}` in its args is replaced by a URL to a fresh database on it; without the binaries it is skipped.
import { readdirSync, existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const shared = resolve(process.env.RIFT_SHARED ?? join(root, '../shared'));

function get(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

export async function runSuite(folder, { only } = {}) {
  const dir = join(root, folder);
  const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  let failed = 0;
  let ran = 0;
  for (const file of files) {
    const def = (await import(pathToFileURL(join(dir, file)).href)).default;
    if (only && !only.includes(def.name)) continue;
    const missing = (def.needs ?? []).filter((p) => !existsSync(join(shared, p)));
    if (missing.length) {
      console.log(`- ${def.name}: skipped, shared data not found: ${missing.join(', ')} (set RIFT_SHARED)`);
      continue;
    }
    let postgres;
    if (def.postgres) {
      const ephemeral = await import(pathToFileURL(join(root, 'dist/src/store/postgres/ephemeral.js')).href);
      const unavailable = ephemeral.postgresUnavailable();
      if (unavailable) {
        console.log(`- ${def.name}: skipped, ${unavailable}`);
        continue;
      }
      postgres = await ephemeral.startPostgres();
    }
    const url = postgres?.newDatabase();
    const args = def.args.map((a) => a.replaceAll('{shared}', shared).replaceAll('{postgres}', url ?? ''));
    const started = Date.now();
    const res = spawnSync(process.execPath, [join(root, 'bin/rift.js'), ...args], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    postgres?.stop();
    ran++;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    let result;
    try {
      result = JSON.parse(res.stdout);
    } catch {
      console.log(`✗ ${def.name}: rift ${args.join(' ')} exited ${res.status} without JSON output`);
      failed++;
      continue;
    }
    console.log(`${def.name} (issue ${def.issue}, ${seconds}s): rift ${args.join(' ')}`);
    for (const bar of def.bars ?? []) {
      const value = get(result, bar.path);
      const ok =
        typeof value === 'number' &&
        (bar.min === undefined || value >= bar.min) &&
        (bar.max === undefined || value <= bar.max);
      const target = bar.min !== undefined ? `≥ ${bar.min}` : `≤ ${bar.max}`;
      const shown = typeof value === 'number' ? Number(value.toFixed(4)) : value;
      console.log(`  ${ok ? '✓' : '✗'} ${bar.label ?? bar.path} = ${shown}  (bar ${target})`);
      if (!ok) failed++;
    }
    for (const path of def.report ?? []) {
      console.log(`    ${path} = ${JSON.stringify(get(result, path))}`);
    }
    if (res.status !== 0 && !(def.bars ?? []).length) {
      console.log(`  ✗ exited ${res.status}`);
      failed++;
    }
  }
  console.log(`\n${ran} ${folder === 'eval' ? 'evaluations' : 'benchmarks'} run, ${failed} below the bar`);
  return failed === 0 ? 0 : 1;
}
