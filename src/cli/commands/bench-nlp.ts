import type { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '../../model/index.js';
import { loadPipeline, loadStages } from '../../app/pipeline.js';
import { newDocument } from '../../app/document-factory.js';
import { MODELS_DIR, MODEL_FILE, GAZETTEER_FILE, CLUSTERS_FILE } from '../../nlp/nlp-model.js';
import { print, printJson } from '../output.js';
import { CliError } from '../errors.js';

const CORE_STAGES = ['tokenizer', 'sentences', 'pos', 'ner'];

function readTexts(file: string, limit: number): string[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const texts: string[] = [];
  for (const line of content.split('\n')) {
    if (texts.length >= limit) break;
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as { text?: unknown; body?: unknown };
      const text = typeof record.text === 'string' ? record.text : typeof record.body === 'string' ? record.body : '';
      if (text.trim()) texts.push(text);
    } catch {
      // a broken line is skipped, as ingest would reject it
    }
  }
  return texts;
}

/** The texts as documents, made before the clock starts (their fingerprints are not what is measured). */
function documentsOf(file: string, texts: readonly string[]): Document[] {
  const retrievedAt = new Date().toISOString();
  return texts.map((text, k) => newDocument({ text, format: 'text' }, { ref: `${file}#${k + 1}`, retrievedAt }));
}

function fileMB(name: string): number {
  try {
    return statSync(join(MODELS_DIR, name)).size / 1e6;
  } catch {
    return 0;
  }
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Texts of one language from a JSON Lines file whose records say their language (field lang or language). */
function textsIn(file: string, language: string): string[] {
  const texts: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const record = JSON.parse(line) as { text?: unknown; body?: unknown; lang?: unknown; language?: unknown };
      const lang = typeof record.lang === 'string' ? record.lang : typeof record.language === 'string' ? record.language : '';
      const text = typeof record.text === 'string' ? record.text : typeof record.body === 'string' ? record.body : '';
      if (lang.toLowerCase().split(/[-_]/)[0] === language && text.trim()) texts.push(text);
    } catch {
      // a broken line is skipped
    }
  }
  return texts;
}

export interface LanguageSpeed {
  texts: number;
  characters: number;
  tokens: number;
  /** The stages a document in the language gets (all but those built for other languages). */
  stages: string[];
  rounds: number;
  seconds: number;
  tokensPerSecond: number;
  charactersPerSecond: number;
}

/**
 * Speed of the whole pipeline a language's documents get, over that language's texts of the file, read
 * as often as it takes to measure at least half a CPU second (a corpus of few texts is read many times).
 */
async function languageSpeed(file: string, language: string): Promise<LanguageSpeed | undefined> {
  const texts = textsIn(file, language);
  if (!texts.length) return undefined;
  const retrievedAt = new Date().toISOString();
  const documents = texts.map((text, k) => newDocument({ text, format: 'text', language }, { ref: `${file}#${language}${k + 1}`, retrievedAt }));
  const pipeline = await loadPipeline();
  for (const d of documents) pipeline.analyze(d); // warm-up
  let tokens = 0;
  let characters = 0;
  let rounds = 0;
  const started = process.cpuUsage();
  do {
    for (const d of documents) {
      tokens += pipeline.analyze(d).tokens.count;
      characters += d.text.length;
    }
    rounds++;
  } while (cpuSeconds(started) < 0.5 && rounds < 1000);
  const seconds = cpuSeconds(started);
  return {
    texts: texts.length,
    characters: characters / rounds,
    tokens: tokens / rounds,
    stages: pipeline.stagesFor(language).map((s) => s.name),
    rounds,
    seconds: round(seconds),
    tokensPerSecond: Math.round(tokens / seconds),
    charactersPerSecond: Math.round(characters / seconds),
  };
}

export function registerBenchNlp(parent: Command): void {
  parent
    .command('nlp <jsonl>')
    .description('speed of tokenize + sentences + part of speech + entities over the texts (field text or body) of a JSON Lines file, against compromise on the same texts')
    .option('--json', 'machine-readable output')
    .option('--limit <n>', 'use at most this many texts', (v) => Number.parseInt(v, 10), Number.MAX_SAFE_INTEGER)
    .option('--no-compromise', 'skip the comparison run through compromise')
    .option('--languages <codes>', 'also the speed of the whole pipeline on the texts of these languages (comma-separated ISO 639-1 codes), from --language-texts')
    .option('--language-texts <jsonl>', 'a JSON Lines file whose records carry lang (or language) and text, for --languages')
    .action(async (file: string, opts: { json?: boolean; limit: number; compromise: boolean; languages?: string; languageTexts?: string }) => {
      if (opts.languages && !opts.languageTexts) throw new CliError('--languages needs --language-texts <jsonl>');
      const texts = readTexts(file, opts.limit);
      if (texts.length === 0) throw new CliError(`${file}: no texts (fields text or body) found`);
      const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t, 'utf8'), 0);
      const documents = documentsOf(file, texts);

      // Times are CPU seconds of this process (one JavaScript thread does the work), so that other
      // programs sharing the machine do not count against Rift; wall-clock seconds are reported too.
      const loadWallStarted = performance.now();
      const loadCpuStarted = process.cpuUsage();
      // What the issue measures: tokenize, sentences, part of speech and entities (numbers and times aside).
      const pipeline = await loadStages(CORE_STAGES);
      const loadSeconds = cpuSeconds(loadCpuStarted);
      const loadWallSeconds = (performance.now() - loadWallStarted) / 1000;

      const warmup = Math.min(texts.length, 50);
      for (let k = 0; k < warmup; k++) {
        pipeline.analyze(documents[k]);
      }
      let tokens = 0;
      let sentences = 0;
      let mentions = 0;
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      for (let k = 0; k < texts.length; k++) {
        // the documents' languages are left unsettled: every stage runs on every text
        const a = pipeline.analyze(documents[k]);
        tokens += a.tokens.count;
        sentences += a.sentences.length;
        mentions += a.mentions.length;
      }
      const seconds = cpuSeconds(cpuStarted);
      const wallSeconds = (performance.now() - started) / 1000;
      const peakRssMB = process.resourceUsage().maxRSS / 1024;

      let compromise: { seconds: number; mbPerSecond: number; entities: number } | undefined;
      if (opts.compromise) {
        const nlp = (await import('compromise')).default;
        let entities = 0;
        const t0 = process.cpuUsage();
        for (const text of texts) {
          const doc = nlp(text);
          entities += doc.people().length + doc.places().length + doc.organizations().length;
        }
        const s = cpuSeconds(t0);
        compromise = { seconds: round(s), mbPerSecond: round(bytes / 1e6 / s), entities };
      }
      const mbPerSecond = bytes / 1e6 / seconds;
      let languages: Record<string, LanguageSpeed | string> | undefined;
      if (opts.languages) {
        languages = {};
        for (const code of opts.languages.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean)) {
          languages[code] = (await languageSpeed(opts.languageTexts!, code)) ?? `no texts in ${code} in ${opts.languageTexts}`;
        }
      }
      const result = {
        file,
        texts: texts.length,
        megabytes: round(bytes / 1e6),
        tokens,
        sentences,
        mentions,
        timing: 'cpu seconds of this process',
        seconds: round(seconds),
        wallSeconds: round(wallSeconds),
        tokensPerSecond: Math.round(tokens / seconds),
        mbPerSecond: round(mbPerSecond),
        loadSeconds: round(loadSeconds),
        loadWallSeconds: round(loadWallSeconds),
        peakRssMB: Math.round(peakRssMB),
        modelMB: round(fileMB(MODEL_FILE) + fileMB(GAZETTEER_FILE) + fileMB(CLUSTERS_FILE)),
        compromise,
        vsCompromise: compromise ? round(mbPerSecond / compromise.mbPerSecond, 2) : undefined,
        languages,
      };
      if (opts.json) printJson(result);
      else {
        print(`${result.texts} texts, ${result.megabytes} MB, ${tokens} tokens in ${result.seconds} CPU seconds (${result.wallSeconds}s wall)`);
        print(`${result.tokensPerSecond} tokens/s, ${result.mbPerSecond} MB/s; model load ${result.loadSeconds}s, peak RSS ${result.peakRssMB} MB, model ${result.modelMB} MB`);
        if (compromise) print(`compromise: ${compromise.mbPerSecond} MB/s on the same texts; Rift is ${result.vsCompromise}× as fast`);
        for (const [code, speed] of Object.entries(languages ?? {})) {
          if (typeof speed === 'string') print(`${code}: ${speed}`);
          else print(`${code}: ${speed.texts} texts × ${speed.rounds}, ${speed.tokensPerSecond} tokens/s, ${speed.charactersPerSecond} characters/s through ${speed.stages.join(', ')}`);
        }
      }
    });
}
