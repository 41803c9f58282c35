/**
 * CPU time and peak memory of a process tree, from /proc (Linux): the measuring process, the
 * reader processes it forks (ingest-pool.ts) and the tools it runs (pdftotext). Node's own
 * process.cpuUsage() and resourceUsage().maxRSS count the calling process alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processTree } from '../test/support/process-tree-memory.ts';

/** Clock ticks per second of /proc's CPU times. */
let ticksPerSecond: number | null = null;

function statFields(pid: number | 'self'): string[] | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the command name in parentheses: utime, stime, cutime, cstime are fields 14–17.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function ticksToMs(ticks: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return (ticks * 1000) / ticksPerSecond;
}

/** CPU time (user + system) of this process's finished (waited-for) children, in ms. */
export function finishedChildrenCpuMs(): number {
  const fields = statFields('self');
  return fields ? ticksToMs(Number(fields[13]) + Number(fields[14])) : 0;
}

/** CPU time (user + system) of a running process, in ms (0 when it is gone). */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  return fields ? ticksToMs(Number(fields[11]) + Number(fields[12])) : 0;
}

/**
 * CPU time of this process (every thread), of its finished children and of every running process
 * below it (reader processes, tsx's esbuild services), in ms: sampled before and after some work,
 * the difference is the whole tree's CPU.
 */
export function treeCpuMs(): number {
  const own = process.cpuUsage();
  const below = processTree(process.pid).slice(1);
  return (
    (own.user + own.system) / 1000 + finishedChildrenCpuMs() + below.reduce((s, p) => s + processCpuMs(p), 0)
  );
}

/** Peak resident memory (VmHWM) of a running process in MiB, or 0 when it is gone. */
export function processPeakRssMiB(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * The command that runs a measuring process on one core (`taskset -c 0`: its threads and every
 * process it forks share that core), or the bare command where taskset is missing (then say so).
 */
export function onOneCore(
  command: string,
  args: string[],
): { command: string; args: string[]; pinned: boolean } {
  if (spawnSync('taskset', ['-V'], { stdio: 'ignore' }).status !== 0) return { command, args, pinned: false };
  return { command: 'taskset', args: ['-c', '0', command, ...args], pinned: true };
}

/**
 * Peak memory of this process's tree while it forks reader processes one after another: this
 * process and its other children (tsx's esbuild service) as one part, the heaviest reader process
 * with everything below it as the other; each process counted at its own peak (VmHWM), so the sum
 * is never below the tree's true peak. `sample` must run now and then while the work runs.
 */
export class TreePeak {
  private readonly peaks = new Map<number, number>();
  private readonly readerTrees = new Map<number, Set<number>>();

  sample(readers: readonly number[]): void {
    for (const reader of readers) {
      const tree = this.readerTrees.get(reader) ?? new Set<number>();
      for (const pid of processTree(reader)) tree.add(pid);
      this.readerTrees.set(reader, tree);
    }
    for (const pid of processTree(process.pid)) {
      if (pid === process.pid) continue;
      this.peaks.set(pid, Math.max(this.peaks.get(pid) ?? 0, processPeakRssMiB(pid)));
    }
  }

  /** The caller's part (this process's own peak and its non-reader children) and the heaviest reader's. */
  parts(): { caller: number; reader: number } {
    const inReaders = new Set([...this.readerTrees.values()].flatMap((tree) => [...tree]));
    let caller = process.resourceUsage().maxRSS / 1024;
    for (const [pid, peak] of this.peaks) if (!inReaders.has(pid)) caller += peak;
    let reader = 0;
    for (const tree of this.readerTrees.values())
      reader = Math.max(
        reader,
        [...tree].reduce((sum, pid) => sum + (this.peaks.get(pid) ?? 0), 0),
      );
    const round = (v: number) => Math.round(v * 10) / 10;
    return { caller: round(caller), reader: round(reader) };
  }
}
