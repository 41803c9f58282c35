import stringWidth from 'string-width';
import { escapeForTerminal } from '../core/untrusted-text.ts';

const BAR_WIDTH = 24;

/** A one-line progress bar on stderr, shown only on a terminal and only for batches. */
export class Progress {
  private readonly enabled: boolean;
  private last = 0;

  constructor(
    private readonly total: number,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = total > 1 && stream.isTTY === true;
  }

  tick(done: number, label: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (done < this.total && now - this.last < 80) return;
    this.last = now;
    const filled = Math.round((done / this.total) * BAR_WIDTH);
    let name = escapeForTerminal(label);
    while (stringWidth(name) > 40) name = `…${name.slice(2)}`;
    process.stderr.write(
      `\r[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${done}/${this.total} ${name}\u001b[K`,
    );
  }

  done(): void {
    if (this.enabled) process.stderr.write('\r\u001b[K');
  }
}
