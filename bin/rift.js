#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('rift: not built yet. Run `npm install` (or `npm run build`) in the checkout first.\n');
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv);
