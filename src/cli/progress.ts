/** A one-line progress bar on stderr, drawn only on a terminal, at most ten times a second. */
export class ProgressBar {
  private last = 0;
  private readonly started = performance.now();
  private readonly enabled: boolean;

  constructor(private readonly label: string, stream: NodeJS.WriteStream = process.stderr) {
    this.enabled = Boolean(stream.isTTY) && !process.env.CI;
    this.stream = stream;
  }
  private readonly stream: NodeJS.WriteStream;

  update(done: number, total: number, detail = ''): void {
    if (!this.enabled) return;
    const t = performance.now();
    if (t - this.last < 100 && done < total) return;
    this.last = t;
    const width = 30;
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * width);
    const elapsed = (t - this.started) / 1000;
    const line = `${this.label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${detail} ${elapsed.toFixed(1)}s`;
    this.stream.write(`\r${line.slice(0, (this.stream.columns ?? 120) - 1)}\x1b[K`);
  }

  done(): void {
    if (this.enabled) this.stream.write('\r\x1b[K');
  }
}
