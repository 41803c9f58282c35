import stringWidth from 'string-width';
import { escapeForTerminal } from '../core/untrusted-text.ts';

const BAR_WIDTH = 24;

/**
 * A one-line progress bar on stderr, shown only on a terminal: files of a batch, and the pages of a
 * scan read by OCR (seconds each), even for a single file.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly terminal: boolean;
  private last = 0;

  constructor(
    private readonly total: number,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.terminal = stream.isTTY === true;
    this.enabled = total > 1 && this.terminal;
  }

  /** After each page of a scan of `label` is read by OCR. */
  page(page: number, pages: number, label: string): void {
    if (!this.terminal) return;
    const filled = Math.round((page / pages) * BAR_WIDTH);
    let name = escapeForTerminal(label);
    while (stringWidth(name) > 40) name = `…${name.slice(2)}`;
    process.stderr.write(
      `\r文字识别 [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] 第 ${page}/${pages} 页 ${name}\u001b[K`,
    );
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
    if (this.terminal) process.stderr.write('\r\u001b[K');
  }
}
