/**
 * CPU time and peak memory of a process tree, from /proc (Linux): the measuring process, the
 * reader processes it forks (ingest-pool.ts) and the tools it runs (pdftotext). Node's own
 * process.cpuUsage() and resourceUsage().maxRSS count the calling process alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
 * CPU time of this process (every thread), of its finished children and of the running children
 * `pids`, in ms: sampled before and after some work, the difference is the whole tree's CPU.
 */
export function treeCpuMs(pids: readonly number[]): number {
  const own = process.cpuUsage();
  return (
    (own.user + own.system) / 1000 + finishedChildrenCpuMs() + pids.reduce((s, p) => s + processCpuMs(p), 0)
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
