/**
 * `npm run bench -- hostile`: each hostile file of test/support/hostile-files.ts (and the hostile
 * page images of test/support/hostile-images.ts) given to
 * `gongkai check` as a process; the peak of the summed RSS of the command and its reader process,
 * and whether the file was refused (exit 2).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeHostileFiles } from '../test/support/hostile-files.ts';
import { writeHostileImages } from '../test/support/hostile-images.ts';
import { watchTreeMemory } from '../test/support/process-tree-memory.ts';
import { REPO_ROOT } from '../test/support/run-cli.ts';
import type { Measure } from './measure.ts';

async function checkTree(path: string): Promise<{ code: number | null; peakMiB: number }> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/gongkai.js'), 'check', path], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  const memory = watchTreeMemory(() => child.pid);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, peakMiB: Math.round(memory.stop() / 1024 / 1024) };
}

export async function measures(): Promise<Measure[]> {
  const files = makeHostileFiles();
  try {
    // Hostile page images beside the other hostile files: a 30,000 × 30,000 PNG header, a damaged
    // JPEG, a 2,000-page image-only PDF, a zip of 61 page images.
    const images = await writeHostileImages(files.dir);
    const out: Measure[] = [];
    for (const [id, path] of Object.entries({ ...files, ...images })) {
      if (id === 'dir') continue;
      const { code, peakMiB } = await checkTree(path);
      out.push({
        name: `hostile.${id}.peakTreeRssMiB`,
        value: peakMiB,
        unit: 'MiB',
        what: `gongkai check on ${id} (made by test/support/hostile-files.ts): peak summed RSS of the command and its reader process from /proc, sampled every 10 ms; exit ${code}`,
        peakRssMiB: peakMiB,
      });
    }
    return out;
  } finally {
    rmSync(files.dir, { recursive: true, force: true });
  }
}
