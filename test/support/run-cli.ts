import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** The repository root, where the CLI runs. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `gongkai <args>` as a user would: a new process, the real bin entry. */
export function gongkai(...args: string[]): CliRun {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/gongkai.js'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Bad input: exit 2, nothing on stdout, one Chinese line on stderr with `fragment`, no stack trace. */
export function expectRefused(r: CliRun, fragment: string | RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  if (typeof fragment === 'string') expect(r.stderr).toContain(fragment);
  else expect(r.stderr).toMatch(fragment);
  expect(r.stderr).not.toMatch(/\bat .+:\d+/);
}

/** A file with `content` in a fresh temporary folder. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'gongkai-cli-')), name);
  writeFileSync(path, content);
  return path;
}
