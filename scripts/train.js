// npm run train: rebuilds every shipped model and dictionary from ../shared, running each
// scripts/train/*.js in name order. Each step says what it reads and what it writes.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = resolve(fileURLToPath(import.meta.url), '../train');
const only = process.argv.slice(2);
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`== ${file}`);
  const res = spawnSync(process.execPath, [join(dir, file)], { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`${file} failed (exit ${res.status})`);
    process.exit(1);
  }
}
