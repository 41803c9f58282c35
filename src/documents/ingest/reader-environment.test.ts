import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestWorker } from './ingest-pool.ts';
import { runBounded } from './ocr/run-bounded.ts';

/**
 * The server's secrets, as its configuration has them in the environment (the anchor key file's
 * path leads to the signing key; the database address holds the password).
 */
const SECRETS: Record<string, string> = {
  DATABASE_URL: 'postgres://gongkai:db-password-7f3a@127.0.0.1:5432/gongkai',
  PGPASSWORD: 'pg-password-91c2',
  GONGKAI_ADMIN_PASSWORD: 'admin-password-5d8e',
  AUDIT_ANCHOR_KEY_FILE: '/etc/gongkai/anchor-key-b44c.pem',
  AUDIT_ANCHOR_FILE: '/var/lib/gongkai/anchors-0e1d.jsonl',
};

const SEED = readFileSync(new URL('../../../test/fixtures/seeds/002.txt', import.meta.url));

/** Whether an environment (NAME=value lines or NUL-separated) shows any secret's name or value. */
function leaked(environment: string): string[] {
  return Object.entries(SECRETS).flatMap(([name, value]) =>
    environment.includes(`${name}=`) || environment.includes(value) ? [name] : [],
  );
}

describe('processes reading untrusted files get a minimal environment', () => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const [name, value] of Object.entries(SECRETS)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('a reader process does not see the database address, passwords or the anchor key', async () => {
    const pool = new IngestWorker({ concurrency: 1 });
    try {
      expect((await pool.read(new Uint8Array(SEED), '002.txt')).format).toBe('txt');
      const [pid] = pool.pids();
      expect(pid).toBeDefined();
      const environment = readFileSync(`/proc/${pid}/environ`, 'latin1');
      expect(environment).toContain('PATH=');
      expect(leaked(environment)).toEqual([]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('nor does a program a read runs (Tesseract, pdftoppm), also when the read runs in the CLI itself', async () => {
    const limits = { timeoutMs: 10_000, maxMemoryMb: 256, maxOutputBytes: 1024 * 1024 };
    const environment = (await runBounded('env', [], null, limits, '环境')).toString('latin1');
    expect(environment).toContain('PATH=');
    expect(environment).toContain('OMP_THREAD_LIMIT=1');
    expect(leaked(environment)).toEqual([]);
  });
});
