/**
 * The web application's first page: a cold start of the real server (`node bin/gongkai.js serve`
 * on a new SQLite file, migrations included), then Chromium opening `/` until the page's heading is
 * on screen. Issue #7's target: under 2 s for the page itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebIfStale, launchBrowser, newPage } from '../test/support/browser.ts';
import { REPO_ROOT } from '../test/support/run-cli.ts';
import type { Measure } from './measure.ts';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('server did not start within 60 s');
}

export async function measures(): Promise<Measure[]> {
  buildWebIfStale();
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-web-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const browser = await launchBrowser();
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/gongkai.js'), 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    await waitForHealth(url, Date.now() + 60_000);
    const listening = performance.now();
    const { page } = await newPage(browser);
    const opened = performance.now();
    await page.goto(`${url}/`);
    await page.getByRole('heading', { name: '政府信息公开' }).waitFor();
    const shown = performance.now();
    const bytes = await page.evaluate(
      "performance.getEntriesByType('resource').reduce((n, e) => n + (e.transferSize || 0), 0)",
    );
    return [
      {
        name: 'web: server cold start to listening',
        value: Math.round(listening - started),
        unit: 'ms',
        what: 'node bin/gongkai.js serve on a new SQLite file (migrations included) until /api/health answers',
      },
      {
        name: 'web: first page shown after cold start',
        value: Math.round(shown - opened),
        unit: 'ms',
        what: 'Chromium opening / on the freshly started server until the portal heading is visible (target < 2000 ms)',
      },
      {
        name: 'web: first page transfer size',
        value: Math.round(Number(bytes) / 1024),
        unit: 'KiB',
        what: 'Bytes of the scripts and styles the first page loads (uncompressed; no chart library on it)',
      },
    ];
  } finally {
    child.kill('SIGTERM');
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
