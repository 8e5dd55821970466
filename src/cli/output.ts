/** Writes one JSON value to stdout. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function print(line = ''): void {
  process.stdout.write(line + '\n');
}

export const isTty = (): boolean => Boolean(process.stdout.isTTY);

/** Bold on a terminal; **markdown** elsewhere. */
export function emphasize(text: string): string {
  return isTty() ? `\x1b[1m${text}\x1b[0m` : `**${text}**`;
}
