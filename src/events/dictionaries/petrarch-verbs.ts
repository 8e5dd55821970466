/**
 * Reads a verb-pattern dictionary in PETRARCH's text format (the CAMEO 2.0 verb file, the
 * PETRARCH validation verbs) into our compact VerbDictionaryData. Used by the build script
 * that writes data/events/verbs.json and, at run time, by `rift eval events --verbs`.
 *
 * The source format: `&NAME` starts a synonym set whose `+WORD` lines follow; `--- NAME [code] ---`
 * starts a verb block; verb lines list a verb (irregular forms in braces, an own code in brackets,
 * `+A_B` for a multi-word verb); `- pre * post [code]` lines are patterns around the verb `*`.
 * Markers for source ($), target (+), skip (^) and compound (%) are dropped: our coder finds the
 * actors itself; parentheses and braces (phrase grouping) become plain word sequences.
 */
import type { VerbDictionaryData, VerbFormEntry } from './verb-data.js';

const CODE = /\[([^\]]*)\]\s*$/;

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash >= 0 ? line.slice(0, hash) : line).trimEnd();
}

/** Words of a dictionary phrase: `_` and spaces separate, markers go, case folds. */
export function phraseWords(text: string): string[] {
  return text
    .replace(/[(){}$^%]/g, ' ')
    .split(/[\s_]+/)
    .map((w) => w.replace(/^\+/, '').replace(/\.+$/, '').toLowerCase())
    .filter((w) => w.length > 0 && w !== '+');
}

/** Words of a pattern: like phraseWords, but the target (+) and source ($) markers stay as tokens of their own. */
export function patternWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.replace(/[(){}^]/g, ' ').replace(/%/g, ' % ').split(/\s+/)) {
    if (!raw || raw === '*') continue;
    if (raw === '%') {
      out.push('%');
      continue;
    }
    if (!/[+$]/.test(raw)) {
      // `A_B_C`: words that must stand next to each other, kept as one token.
      const parts = raw.split('_').map((w) => w.replace(/\.+$/, '').toLowerCase()).filter((w) => w && w !== '*');
      if (parts.length) out.push(parts.join('_'));
      continue;
    }
    for (const piece of raw.split('_')) {
      if (!piece || piece === '*') continue;
      const lead = /^[+$]+/.exec(piece)?.[0] ?? '';
      const trail = /[+$]+$/.exec(piece.slice(lead.length))?.[0] ?? '';
      const word = piece.slice(lead.length, piece.length - trail.length).replace(/\.+$/, '').toLowerCase();
      for (const m of lead) out.push(m);
      if (word) out.push(word);
      for (const m of trail) out.push(m);
    }
  }
  return out;
}

/** Regular inflections of an English verb; over-generation is harmless (unused forms never match). */
export function verbForms(base: string): string[] {
  const b = base.toLowerCase();
  const forms = new Set([b]);
  if (/[^aeiou]y$/.test(b)) {
    const stem = b.slice(0, -1);
    forms.add(stem + 'ies').add(stem + 'ied').add(b + 'ing');
  } else if (b.endsWith('e')) {
    forms.add(b + 's').add(b + 'd').add(b.slice(0, -1) + 'ing');
  } else {
    forms.add(/(s|x|z|ch|sh)$/.test(b) ? b + 'es' : b + 's');
    forms.add(b + 'ed').add(b + 'ing');
    if (/[^aeiou][aeiou][bdgklmnprt]$/.test(b)) {
      const last = b[b.length - 1];
      forms.add(b + last + 'ed').add(b + last + 'ing');
    }
  }
  return [...forms];
}

function normalizeCode(raw: string): string {
  return raw.trim().split(/\s+/)[0] ?? '';
}

export function parsePetrarchVerbs(text: string): VerbDictionaryData {
  const data: VerbDictionaryData = { synsets: {}, blocks: [], verbs: {} };
  let synset: string[] | undefined;
  let block = -1;
  let blockName = '';
  let inComment = false;
  const addForm = (form: string, entry: VerbFormEntry) => {
    (data.verbs[form] ??= []).push(entry);
  };
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine;
    if (inComment) {
      if (line.includes('-->')) inComment = false;
      continue;
    }
    if (line.trimStart().startsWith('<!--') || line.trimStart().startsWith('<!')) {
      if (!line.includes('-->')) inComment = true;
      continue;
    }
    line = stripComment(line).trim();
    if (!line) {
      synset = undefined;
      continue;
    }
    if (line.startsWith('&')) {
      const name = line.slice(1).split(/\s+/)[0].replace(/_+$/, '').toLowerCase();
      synset = data.synsets[name] = [];
      continue;
    }
    if (synset && line.startsWith('+')) {
      const words = phraseWords(line.slice(1));
      // A multi-word member is one `a_b` token (matched as adjacent words); `&X` members nest a synset.
      if (words.length) synset.push(line.slice(1).startsWith('&') ? '&' + words.join('_').replace(/^&/, '') : words.join('_'));
      continue;
    }
    synset = undefined;
    const header = /^---\s*(.+?)\s*\[([^\]]*)\]\s*---/.exec(line);
    if (header) {
      data.blocks.push([normalizeCode(header[2]), []]);
      blockName = header[1].trim().toLowerCase().replace(/\s+/g, '_');
      block = data.blocks.length - 1;
      continue;
    }
    if (block < 0) continue;
    if (line.startsWith('-')) {
      const code = CODE.exec(line);
      if (!code) continue;
      const body = line.slice(1, code.index);
      const star = body.indexOf('*');
      if (star < 0) continue;
      const pre = patternWords(body.slice(0, star));
      const post = patternWords(body.slice(star + 1));
      data.blocks[block][1].push([pre.join(' '), post.join(' '), normalizeCode(code[1])]);
      continue;
    }
    // A verb line: VERB, +MULTI_WORD_VERB, optional {irregular forms}, optional [code].
    const codeMatch = CODE.exec(line);
    const own = codeMatch ? normalizeCode(codeMatch[1]) : '';
    const body = codeMatch ? line.slice(0, codeMatch.index) : line;
    const brace = /\{([^}]*)\}/.exec(body);
    const head = (brace ? body.slice(0, brace.index) : body).trim();
    if (!head) continue;
    const parts = head.split(/[\s_]+/).filter(Boolean);
    let verbAt = parts.findIndex((p) => p.startsWith('+'));
    if (verbAt < 0) verbAt = 0;
    const words = parts.map((p) => p.replace(/^\+/, '').toLowerCase());
    const before = words.slice(0, verbAt).join(' ');
    const after = words.slice(verbAt + 1).join(' ');
    const forms = new Set(verbForms(words[verbAt]));
    if (brace) {
      for (const irregular of brace[1].split(/\s+/).filter(Boolean)) {
        const w = irregular.replace(/^\+/, '').split('_');
        forms.add(w[Math.min(verbAt, w.length - 1)].toLowerCase());
      }
    }
    // The block's name verb (FACILITATE in "--- FACILITATE [060] ---") is the one its default code is written for.
    const named = words[verbAt] === blockName ? 1 : 0;
    for (const form of forms) addForm(form, [block, own, before, after, named]);
  }
  return data;
}
