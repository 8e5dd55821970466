/**
 * Turns what a user types into a full-text query: each word or "quoted phrase" must match,
 * punctuation inside a word ("Entente-4", "U.S.") is kept as a phrase rather than read as syntax.
 */
export function toMatchQuery(input: string): string {
  const terms: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const m of input.matchAll(re)) {
    const term = (m[1] ?? m[2]).trim();
    if (!term) continue;
    if (m[2] === 'OR' || m[2] === 'AND' || m[2] === 'NOT') {
      terms.push(m[2]);
      continue;
    }
    terms.push(`"${term.replaceAll('"', '""')}"`);
  }
  return terms.join(' ');
}

/** The terms of a query in groups: every term of a group must match, any group may (`a b OR c` = (a AND b) OR c, as FTS5 reads it). */
export function searchGroups(input: string): string[][] {
  const groups: string[][] = [[]];
  for (const m of input.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (m[2] === 'OR') {
      groups.push([]);
      continue;
    }
    if (m[2] === 'AND' || m[2] === 'NOT') continue;
    const term = (m[1] ?? m[2]).trim();
    if (term) groups[groups.length - 1]!.push(term);
  }
  return groups.filter((g) => g.length);
}
