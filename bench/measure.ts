import os from 'node:os';

/** One line of bench/results.json. */
export interface Measure {
  name: string;
  value: number;
  unit: string;
  /** What exactly was measured, in one sentence. */
  what: string;
  /** Peak resident set size during the measure, in MiB, when it was sampled. */
  peakRssMiB?: number;
}

export function machineFacts() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  };
}

/** Runs `work` repeatedly for at least `minMs`, returns operations per second (ops = iterations × per). */
export function throughput(work: () => void, per = 1, minMs = 1000): number {
  work(); // warm-up
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    work();
    iterations += 1;
    elapsed = performance.now() - start;
  }
  return Math.round(((iterations * per) / elapsed) * 1000);
}

export function peakRssMiB(): number {
  return Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
}
