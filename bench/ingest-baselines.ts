/**
 * What the ingest bench compares the readers with, on the same files in the same run:
 * `pdftotext -layout` (poppler-utils) for PDFs, and a plain htmlparser2 parseDocument plus text
 * extraction for web pages.
 */
import { spawnSync } from 'node:child_process';
import type { ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { finishedChildrenCpuMs } from './process-tree.ts';

/**
 * CPU time per file of `pdftotext -layout <file> -` (process start-up included: that is what a
 * pipeline built on it pays per file), over `files` run one after another. Throws when poppler's
 * pdftotext is not installed (.ci/run installs poppler-utils).
 */
export function pdftotextCpuMsPerFile(files: string[]): number {
  const before = finishedChildrenCpuMs();
  for (const file of files) {
    const run = spawnSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
    if (run.error || run.status !== 0)
      throw new Error(
        `pdftotext -layout ${file} failed (poppler-utils installed?): ${run.error ?? run.status}`,
      );
  }
  return (finishedChildrenCpuMs() - before) / files.length;
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

/** CPU time of starting pdftotext alone (`pdftotext -v`), in ms: the start-up part of each file's. */
export function pdftotextStartupCpuMs(runs = 20): number {
  const before = finishedChildrenCpuMs();
  for (let i = 0; i < runs; i += 1) spawnSync('pdftotext', ['-v'], { stdio: 'ignore' });
  return (finishedChildrenCpuMs() - before) / runs;
}
