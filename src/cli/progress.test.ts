import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress } from './progress.ts';

const terminal = { isTTY: true } as NodeJS.WriteStream;
const pipe = { isTTY: false } as NodeJS.WriteStream;

describe('Progress', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function written(run: () => void): string {
    const chunks: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    });
    run();
    return chunks.join('');
  }

  it('shows the pages of a scan read by OCR on a terminal, even for a single file', () => {
    const out = written(() => {
      const progress = new Progress(1, terminal);
      progress.page(2, 6, 'scan.pdf');
      progress.done();
    });
    expect(out).toContain('文字识别 [########                ] 第 2/6 页 scan.pdf');
    expect(out.endsWith('\r\u001b[K')).toBe(true);
  });

  it('writes nothing when standard error is not a terminal', () => {
    const out = written(() => {
      const progress = new Progress(3, pipe);
      progress.page(1, 6, 'scan.pdf');
      progress.tick(1, 'a.pdf');
      progress.done();
    });
    expect(out).toBe('');
  });
});
