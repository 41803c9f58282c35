import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHostileFiles } from '../support/hostile-files.ts';
import { watchTreeMemory } from '../support/process-tree-memory.ts';
import { REPO_ROOT } from '../support/run-cli.ts';
import { type ServerProcess, startServer } from '../support/server-process.ts';
import { tempSqliteFile } from '../support/store-test-db.ts';

/**
 * The decompression bombs of issue 20 against what runs in production: `gongkai serve` and
 * `gongkai check` as processes. The bound is on memory, not time: the summed RSS of the server
 * (or the CLI) and all its reader processes, sampled from /proc while the request runs.
 */
const TREE_LIMIT_BYTES = 400 * 1024 * 1024;
/**
 * Bombs in fonts and object streams are past what the fast reader reads, so the reader process
 * also loads pdfjs (about 80 MB more) before it refuses them.
 */
const TREE_LIMIT_WITH_PDFJS_BYTES = 480 * 1024 * 1024;
const BUDGET_REFUSAL = /^PDF 内容解压后超过 \d+ MB（.+上限），拒绝读取$/;
const GOOD_PDF = readFileSync(join(REPO_ROOT, 'test/fixtures/documents/gen-errors.lo.pdf'));

const files = makeHostileFiles();
const database = tempSqliteFile();
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ databaseUrl: database.url });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  database.cleanup();
  rmSync(files.dir, { recursive: true, force: true });
});

async function checkDocument(bytes: Uint8Array, filename: string) {
  const res = await fetch(`${server.url}/api/check/document?filename=${encodeURIComponent(filename)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  return {
    status: res.status,
    body: (await res.json()) as { code?: string; message?: string; format?: string },
  };
}

describe.sequential('Flate bombs against the server and the CLI', () => {
  it.each([
    ['1 GB', files.pdfBomb1g],
    ['4 GB', files.pdfBomb4g],
  ])(
    'POST /api/check/document refuses the %s bomb while another user’s PDF is read, the tree under 400 MB',
    async (_size, path) => {
      const memory = watchTreeMemory(() => server.child.pid);
      const [bomb, good] = await Promise.all([
        checkDocument(readFileSync(path), 'report.pdf'),
        checkDocument(GOOD_PDF, 'good.pdf'),
      ]);
      const peak = memory.stop();
      expect(bomb.status).toBe(422);
      expect(bomb.body.code).toBe('DOCUMENT_REFUSED');
      expect(bomb.body.message).toMatch(BUDGET_REFUSAL);
      expect(good.status).toBe(200);
      expect(good.body.format).toBe('pdf');
      expect(peak).toBeLessThan(TREE_LIMIT_BYTES);
    },
    120_000,
  );

  it('refuses the font, image and object-stream bombs and the DOCX bomb, and keeps serving', async () => {
    const memory = watchTreeMemory(() => server.child.pid);
    for (const path of [files.fontImageBomb, files.objectStreamBomb]) {
      const res = await checkDocument(readFileSync(path), 'report.pdf');
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(BUDGET_REFUSAL);
    }
    const docx = await checkDocument(readFileSync(files.docxBomb), 'report.docx');
    expect(docx.status).toBe(422);
    expect(docx.body.message).toContain('疑似压缩炸弹');
    const good = await checkDocument(GOOD_PDF, 'good.pdf');
    expect(good.status).toBe(200);
    expect(memory.stop()).toBeLessThan(TREE_LIMIT_WITH_PDFJS_BYTES);
  }, 120_000);

  it('gongkai check refuses the 4 GB bomb with one Chinese line and exit 2, the tree under 400 MB', async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/gongkai.js'), 'check', files.pdfBomb4g], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const memory = watchTreeMemory(() => child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    const peak = memory.stop();
    expect(code).toBe(2);
    expect(stderr).toMatch(/PDF 内容解压后超过 \d+ MB（单个数据流上限），拒绝读取/);
    expect(stderr).not.toMatch(/\bat .+:\d+/);
    expect(stdout).not.toMatch(/\bat .+:\d+/);
    expect(peak).toBeLessThan(TREE_LIMIT_BYTES);
  }, 120_000);
});
