/**
 * What the ingest bench compares the readers with, on the same files in the same run:
 * `pdftotext -layout` (poppler-utils) for PDFs, and a plain htmlparser2 parseDocument plus text
 * extraction for web pages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Clock ticks per second of /proc's CPU times. */
let ticksPerSecond: number | null = null;

/** CPU time (user + system) of this process's finished children, in ms, from /proc/self/stat. */
function childrenCpuMs(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name in parentheses; cutime and cstime are fields 16 and 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
}

/**
 * CPU time per file of `pdftotext -layout <file> -` (process start-up included: that is what a
 * pipeline built on it pays per file), over `files` run one after another. Throws when poppler's
 * pdftotext is not installed (.ci/run installs poppler-utils).
 */
export function pdftotextCpuMsPerFile(files: string[]): number {
  const before = childrenCpuMs();
  for (const file of files) {
    const run = spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (run.error || run.status !== 0)
      throw new Error(
        `pdftotext -layout ${file} failed (poppler-utils installed?): ${run.error ?? run.status}`,
      );
  }
  return (childrenCpuMs() - before) / files.length;
}

/** The text of a page as a plain htmlparser2 reading gives it: every text node, in order. */
export function htmlparser2Text(bytes: Uint8Array): number {
  const document = parseDocument(Buffer.from(bytes).toString('utf8'), { decodeEntities: true });
  const parts: string[] = [];
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') parts.push(node.data);
      else if ('children' in node) walk(node.children);
    }
  };
  walk(document.children);
  return parts.join('').length;
}
