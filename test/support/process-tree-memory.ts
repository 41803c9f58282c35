import { readdirSync, readFileSync } from 'node:fs';
import { processRssBytes } from '../../src/documents/ingest/process-memory.ts';

/** Process ids of `root` and all its descendants, from the parent ids in /proc/<pid>/stat. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'latin1');
    } catch {
      continue;
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(entry));
    children.set(ppid, list);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/**
 * Samples the summed RSS of `root`'s process tree every `intervalMs` until stopped; `stop()` gives
 * the peak in bytes.
 */
export function watchTreeMemory(root: () => number | undefined, intervalMs = 10): { stop(): number } {
  let peak = 0;
  const sample = () => {
    const pid = root();
    if (pid === undefined) return;
    const total = processTree(pid).reduce((sum, p) => sum + (processRssBytes(p) ?? 0), 0);
    peak = Math.max(peak, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
