import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readerFor } from '../../ingest/index.js';
import { binaryReason } from '../../ingest/decode.js';
import { loadPipeline } from '../../app/pipeline.js';
import { makeDocument } from '../../app/document-factory.js';
import { dayOf, DATE_FORMS } from '../../app/document-date.js';
import { analyzeInWindows } from '../../pipeline/windows.js';
import { analysisToJson } from '../../pipeline/serialize.js';
import { renderBrief } from '../../analysis/index.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze <file>')
    .description('run one document (a file, or - for standard input) through the whole pipeline without storing it')
    .option('--json', 'print the full structured result instead of a Markdown brief')
    .option('--date <YYYY-MM-DD>', "the document's date: times like 'last month' resolve against it, roles are read on it (default: the date the file carries, else today, recorded as assumed)")
    .option('--lang <code>', "the document's language (ISO 639-1)")
    .action(async (file: string, opts) => {
      let bytes: Buffer;
      try {
        bytes = file === '-' ? await readStdin() : await readFile(file);
      } catch (err) {
        throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      if (bytes.length === 0) throw new CliError(`${file} is empty`);
      const binary = binaryReason(bytes);
      if (binary) throw new CliError(`${file}: ${binary}`);
      if (opts.date !== undefined && !dayOf(opts.date)) throw new CliError(`--date: ${JSON.stringify(opts.date)} is not a date; expected ${DATE_FORMS}`);
      const reader = readerFor(file === '-' ? 'stdin.txt' : basename(file), bytes);
      if (!reader || reader.format === 'jsonl') throw new CliError(`${file}: analyze takes one document (text or HTML); use ingest for JSON Lines`);
      const outcome = await reader.read(bytes, file);
      const item = outcome.items[0];
      if (!item || !item.draft.text.trim()) throw new CliError(`${file}: ${outcome.rejections[0]?.reason ?? 'no text'}`);
      const document = await makeDocument(item.draft, { ref: file, retrievedAt: new Date().toISOString(), date: opts.date, language: opts.lang });
      const pipeline = await loadPipeline();
      const analysis = analyzeInWindows(pipeline, document);
      if (opts.json) printJson(analysisToJson(analysis));
      else print(renderBrief(document, analysis));
    });
}
