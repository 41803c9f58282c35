import { readFileSync } from 'node:fs';

/**
 * The resident memory of process `pid` in bytes (VmRSS of /proc/<pid>/status: heap, buffers, code
 * and all), or null where there is no /proc (not Linux) or the process is gone.
 */
export function processRssBytes(pid: number): number | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return null;
  }
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}
