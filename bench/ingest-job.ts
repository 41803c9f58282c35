/**
 * The measuring process of the ingest bench (run by ingest.bench.ts, on one core, a fresh process
 * per job): reads a job (files) on stdin, reads and checks every file the way `gongkai check` does
 * and prints the outcome as the last line of stdout.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkReport } from '../src/documents/check-report.ts';
import { IngestWorker, type IngestWorkerOptions } from '../src/documents/ingest/ingest-pool.ts';
import { htmlparser2Text } from './ingest-baselines.ts';
import { processCpuMs, TreePeak, treeCpuMs } from './process-tree.ts';

/**
 * What a measuring process is given: `mode` `htmlparser2` times the baseline (parseDocument +
 * text, in this process) instead of reading and checking.
 */
export interface Job {
  files: string[];
  mode?: 'check' | 'htmlparser2';
  /**
   * The configured reader options (readerOptions of server/config.ts, read by the bench): given as
   * data, so that this process, like a minimal client, loads only the pool and the checker (the
   * configuration module loads the store's database drivers, some 50 MiB).
   */
  readerOptions: IngestWorkerOptions;
}

export interface Outcome {
  reports: number;
  wallMs: number;
  /** CPU (user + system, every thread) of this process and of the reader processes it forked. */
  cpuMs: number;
  /**
   * The part of cpuMs spent in the reader process (reading, and its side of the IPC); the rest is
   * this process's (checking, its side of the IPC). 0 for the htmlparser2 mode. Counts the reader
   * processes running at the start and the end of the loop: a job of more reads than one process
   * makes (readsPerProcess) would miss the retired ones' CPU.
   */
  readerCpuMs: number;
  findings: number;
  /**
   * Peak RSS of the process tree: this process and its other children (tsx's esbuild service),
   * plus the heaviest reader process with its own children (TreePeak).
   */
  peakRssMiB: number;
  /** The two parts of peakRssMiB. */
  callerPeakRssMiB: number;
  readerPeakRssMiB: number;
}

/** Documents read before timing starts: starts the reader process, loads the readers, warms the JIT. */
const WARM_UP = 5;
/** How often the process tree is looked at (peaks are VmHWM: a sample misses only the last moments of a reader process retired meanwhile). */
const SAMPLE_MS = 500;

/**
 * Reads every file of the job through an IngestWorker with one reader process (as `gongkai check`
 * and imports do: the document is read in the child, checked here), one after another. Wall time
 * counts only the reads (each file is read from disk before its clock starts); CPU time is the whole
 * process tree's over the timed loop (the loop's file reads included: well under 1% of it).
 */
export async function runJob(job: Job): Promise<Outcome> {
  const worker =
    job.mode === 'htmlparser2' ? null : new IngestWorker({ ...job.readerOptions, concurrency: 1 });
  const peaks = new TreePeak();
  const sample = () => peaks.sample(worker?.pids() ?? []);
  const sampler = setInterval(sample, SAMPLE_MS);
  const readAndCheck = async (file: string, bytes: Uint8Array): Promise<number> => {
    if (!worker) return htmlparser2Text(bytes) > 0 ? 1 : 0;
    const ingest = await worker.read(bytes, basename(file));
    return checkReport(ingest.report, ingest).length;
  };
  try {
    for (const file of job.files.slice(0, WARM_UP)) await readAndCheck(file, readFileSync(file));
    let wallMs = 0;
    let findings = 0;
    const readerCpu = () => (worker?.pids() ?? []).reduce((sum, pid) => sum + processCpuMs(pid), 0);
    const readerBefore = readerCpu();
    const cpuBefore = treeCpuMs();
    for (const file of job.files) {
      const bytes = readFileSync(file);
      const start = performance.now();
      findings += await readAndCheck(file, bytes);
      wallMs += performance.now() - start;
    }
    sample();
    const cpuMs = treeCpuMs() - cpuBefore;
    const readerCpuMs = readerCpu() - readerBefore;
    const { caller, reader } = peaks.parts();
    return {
      reports: job.files.length,
      wallMs,
      cpuMs,
      readerCpuMs,
      findings,
      peakRssMiB: Math.round((caller + reader) * 10) / 10,
      callerPeakRssMiB: caller,
      readerPeakRssMiB: reader,
    };
  } finally {
    clearInterval(sampler);
    await worker?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const job = JSON.parse(readFileSync(0, 'utf8')) as Job;
  process.stdout.write(`${JSON.stringify(await runJob(job))}\n`);
}
