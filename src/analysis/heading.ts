/** Longest heading made from a text's first line, in characters. */
const MAX_HEADING = 100;

/**
 * What to call a document wherever it is listed or briefed: its title, else the first line of its text
 * (whitespace squeezed, cut to 100 characters with an ellipsis), else "(untitled)".
 */
export function headingOf(title: string | undefined, text: string): string {
  const given = title?.replace(/\s+/g, ' ').trim();
  if (given) return given;
  const start = text.search(/\S/);
  if (start < 0) return '(untitled)';
  const newline = text.indexOf('\n', start);
  const line = text.slice(start, newline < 0 ? Math.min(text.length, start + 4 * MAX_HEADING) : Math.min(newline, start + 4 * MAX_HEADING));
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_HEADING ? flat.slice(0, MAX_HEADING - 1) + '…' : flat;
}
