import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { AppError } from '../../../core/errors.ts';
import { readerEnvironment } from '../reader-environment.ts';

/** Limits of one child process (Tesseract, pdftoppm): the reader process's own watchdog does not see them. */
export interface ChildLimits {
  timeoutMs: number;
  /** Address space of the child (prlimit --as), in MB. */
  maxMemoryMb: number;
  /** Most bytes read from its standard output. */
  maxOutputBytes: number;
}

const PRLIMIT = '/usr/bin/prlimit';

/**
 * Runs a command with `input` on its standard input and returns its standard output, bounded in
 * time (killed at the timeout), memory (prlimit --as, where util-linux is installed) and output
 * size. Throws AppError DOCUMENT_REFUSED naming `what` when the child fails, times out or exceeds
 * a bound.
 */
export function runBounded(
  command: string,
  args: readonly string[],
  input: Uint8Array | null,
  limits: ChildLimits,
  what: string,
): Promise<Buffer> {
  const bounded = existsSync(PRLIMIT);
  const file = bounded ? PRLIMIT : command;
  const argv = bounded ? [`--as=${limits.maxMemoryMb * 1024 * 1024}`, '--', command, ...args] : [...args];
  return new Promise((resolve, reject) => {
    // One thread: the reader pool already runs one read per core. Nothing of the parent's
    // configuration: the child reads an untrusted file (also when the read runs in the CLI itself).
    const child = spawn(file, argv, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: readerEnvironment({ OMP_THREAD_LIMIT: '1' }),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: AppError | null = null;
    const stop = (error: AppError) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        stop(
          new AppError(
            'DOCUMENT_REFUSED',
            `${what}超时（超过 ${Math.round(limits.timeoutMs / 1000)} 秒），已放弃`,
          ),
        ),
      limits.timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxOutputBytes)
        stop(new AppError('DOCUMENT_REFUSED', `${what}的输出超过上限，已放弃`));
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 2000) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new AppError('DOCUMENT_REFUSED', `${what}无法运行（${error.message.slice(0, 80)}）`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0) {
        const reason = /alloc|memory/i.test(stderr) ? '内存超过上限' : `退出码 ${code}`;
        reject(new AppError('DOCUMENT_REFUSED', `${what}失败（${reason}）`));
      } else resolve(Buffer.concat(chunks));
    });
    child.stdin.on('error', () => {});
    child.stdin.end(input ?? undefined);
  });
}
