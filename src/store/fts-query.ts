import { StoreError } from './errors.js';

/**
 * What a user types into a search box, as a small query tree that each database renders: FTS5 MATCH
 * (sqlite/fts5-query.ts), a tsquery (postgres/search.ts), substring matches for unspaced text.
 *
 * Any string parses. Words must all match; "quoted phrases" match as phrases; a word ending in `*`
 * (three letters or more before it) matches as a prefix; AND, OR and NOT in capitals are operators
 * when they stand between two operands (`oil OR gas`, `oil NOT gas`) and plain words otherwise (`NOT`,
 * `oil OR`); parentheses group, and one left unclosed closes at the end. Punctuation inside a word
 * ("Entente-4", "U.S.") is part of the word, never syntax. The only queries refused, with a
 * SearchQueryError, are those with nothing to search for and those too long to be a search.
 */
export type SearchQuery =
  /** A word as typed; it may hold punctuation, which backends split as their index does. */
  | { kind: 'term'; text: string; prefix?: true }
  | { kind: 'phrase'; text: string }
  | { kind: 'and'; items: SearchQuery[] }
  | { kind: 'or'; items: SearchQuery[] }
  /** Documents that match `include` and not `exclude`. */
  | { kind: 'not'; include: SearchQuery; exclude: SearchQuery };

/** A query that cannot be searched for; the message says why, in words a user can act on. */
export class SearchQueryError extends StoreError {
  constructor(message: string) {
    super('bad-query', message);
    this.name = 'SearchQueryError';
  }
}

export const MAX_QUERY_CHARS = 1000;
export const MAX_QUERY_TERMS = 64;
/** Letters or digits a prefix needs before its `*`: shorter prefixes match most of the index. */
const MIN_PREFIX_CHARS = 3;

type Token = { kind: 'word'; text: string } | { kind: 'phrase'; text: string } | { kind: '(' } | { kind: ')' };

const OPERATORS = new Set(['AND', 'OR', 'NOT']);
/** What a word index keeps: letters, marks and digits. A term without any is punctuation only. */
const SEARCHABLE = /[\p{L}\p{N}]/u;
// Control characters (NUL included) are spaces to the query: SQLite's FTS5 reads a NUL as the end of the query.
const SPACE = /[\s\p{Cc}\p{Cf}\u2028\u2029]/u;

/** Parses what a user typed. Throws SearchQueryError when there is nothing to search for or too much. */
export function parseSearchQuery(input: string): SearchQuery {
  if (input.length > MAX_QUERY_CHARS) {
    throw new SearchQueryError(`the query is ${input.length.toLocaleString('en')} characters long; at most ${MAX_QUERY_CHARS.toLocaleString('en')} are searched`);
  }
  const parser = new Parser(tokenize(input));
  const tree = parser.parseQuery();
  const terms = countTerms(tree);
  if (!tree && parser.excludedOnly) {
    throw new SearchQueryError(`“${printable(input)}” only says what to leave out: put what to find before NOT (oil NOT gas)`);
  }
  if (!tree || terms === 0) {
    throw new SearchQueryError(`“${printable(input)}” has no words to search for: a query needs letters or digits`);
  }
  if (terms > MAX_QUERY_TERMS) throw new SearchQueryError(`the query has ${terms} words and phrases; at most ${MAX_QUERY_TERMS} are searched`);
  return tree;
}

/** The words and phrases a matching document contains (those under a NOT's exclusion are left out), for highlighting. */
export function positiveTerms(query: SearchQuery): string[] {
  switch (query.kind) {
    case 'term':
    case 'phrase':
      return [query.text];
    case 'and':
    case 'or':
      return query.items.flatMap(positiveTerms);
    case 'not':
      return positiveTerms(query.include);
  }
}

/** The query written back as a user would type it, with explicit operators and parentheses. */
export function formatSearchQuery(query: SearchQuery): string {
  switch (query.kind) {
    case 'term':
      return query.text + (query.prefix ? '*' : '');
    case 'phrase':
      return `"${query.text}"`;
    case 'and':
    case 'or':
      return '(' + query.items.map(formatSearchQuery).join(query.kind === 'and' ? ' AND ' : ' OR ') + ')';
    case 'not':
      return `(${formatSearchQuery(query.include)} NOT ${formatSearchQuery(query.exclude)})`;
  }
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input[i];
    if (SPACE.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c });
      i++;
    } else if (c === '"') {
      // An unclosed quote runs to the end of the query.
      const close = input.indexOf('"', i + 1);
      const end = close < 0 ? n : close;
      tokens.push({ kind: 'phrase', text: squeeze(input.slice(i + 1, end)) });
      i = end + 1;
    } else {
      let end = i;
      while (end < n && !SPACE.test(input[end]) && input[end] !== '(' && input[end] !== ')' && input[end] !== '"') end++;
      tokens.push({ kind: 'word', text: input.slice(i, end) });
      i = end;
    }
  }
  return tokens;
}

/** Runs of spaces and control characters as one space, trimmed. */
const squeeze = (s: string): string => s.split(SPACE).filter(Boolean).join(' ');

/**
 * Recursive descent, loosest first: OR, then AND (written or implied by juxtaposition), then NOT. An
 * operator word is an operator only where an operand follows it and one precedes it; elsewhere the
 * operand rules read it as a word. Stray `)` are skipped. Terms without letters or digits are dropped,
 * and with them the operators that joined them.
 */
class Parser {
  private at = 0;
  /** Set when a NOT had something to exclude but nothing searchable to include. */
  excludedOnly = false;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): SearchQuery | undefined {
    const items: (SearchQuery | undefined)[] = [];
    while (this.at < this.tokens.length) {
      if (this.peek()?.kind === ')') {
        this.at++;
        continue;
      }
      items.push(this.parseOr());
    }
    return join('and', items);
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  private isOperator(name: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text === name && this.startsOperand(this.peek(1));
  }

  private startsOperand(t: Token | undefined): boolean {
    return t !== undefined && t.kind !== ')';
  }

  private parseOr(): SearchQuery | undefined {
    const items = [this.parseAnd()];
    while (this.isOperator('OR')) {
      this.at++;
      items.push(this.parseAnd());
    }
    return join('or', items);
  }

  private parseAnd(): SearchQuery | undefined {
    const items = [this.parseNot()];
    for (;;) {
      if (this.isOperator('AND')) this.at++;
      else if (this.isOperator('OR') || !this.startsOperand(this.peek())) break;
      items.push(this.parseNot());
    }
    return join('and', items);
  }

  private parseNot(): SearchQuery | undefined {
    let include = this.parsePrimary();
    while (this.isOperator('NOT')) {
      this.at++;
      const exclude = this.parsePrimary();
      if (include && exclude) include = { kind: 'not', include, exclude };
      else if (exclude) this.excludedOnly = true; // `— NOT x`: nothing to include; `x NOT —` is x
    }
    return include;
  }

  private parsePrimary(): SearchQuery | undefined {
    const t = this.tokens[this.at++];
    if (!t) return undefined;
    switch (t.kind) {
      case '(': {
        const inner = this.startsOperand(this.peek()) ? this.parseOr() : undefined;
        if (this.peek()?.kind === ')') this.at++;
        return inner;
      }
      case ')':
        return undefined;
      case 'phrase':
        return SEARCHABLE.test(t.text) ? { kind: 'phrase', text: t.text } : undefined;
      case 'word':
        return word(t.text);
    }
  }
}

function word(text: string): SearchQuery | undefined {
  if (!SEARCHABLE.test(text)) return undefined;
  const stem = text.replace(/\*+$/, '');
  if (stem !== text && countSearchable(stem) >= MIN_PREFIX_CHARS) return { kind: 'term', text: stem, prefix: true };
  return { kind: 'term', text: stem || text };
}

function countSearchable(text: string): number {
  let n = 0;
  for (const c of text) if (SEARCHABLE.test(c)) n++;
  return n;
}

/** A list of operands as one node: dropped operands left out, a single one as itself. */
function join(kind: 'and' | 'or', items: (SearchQuery | undefined)[]): SearchQuery | undefined {
  const kept = items.filter((q): q is SearchQuery => q !== undefined).flatMap((q) => (q.kind === kind ? q.items : [q]));
  if (kept.length <= 1) return kept[0];
  return { kind, items: kept };
}

function countTerms(query: SearchQuery | undefined): number {
  if (!query) return 0;
  switch (query.kind) {
    case 'term':
    case 'phrase':
      return 1;
    case 'and':
    case 'or':
      return query.items.reduce((n, q) => n + countTerms(q), 0);
    case 'not':
      return countTerms(query.include) + countTerms(query.exclude);
  }
}

/** A query as it may be quoted back in an error: control characters shown as escapes, cut when long. */
function printable(input: string): string {
  const shown = input.replace(/[\p{Cc}\p{Cf}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 80 ? shown.slice(0, 79) + '…' : shown;
}
