import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/store-test-db.ts';
import { generateAnchorKeyPair, readAnchorSigningKey } from '../use-cases/audit/anchor-key.ts';
import type { Anchor } from '../use-cases/audit/anchor-line.ts';
import { scheduleAuditAnchors } from './audit-anchor-schedule.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-anchor-schedule-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachDialect('scheduleAuditAnchors', (t) => {
  it('writes an anchor at start when none is recent, and none on a restart within the interval', async () => {
    const keyFile = join(dir, `key-${t.dialect}.pem`);
    writeFileSync(keyFile, generateAnchorKeyPair().privatePem);
    const file = join(dir, `anchors-${t.dialect}.jsonl`);
    // quietMs: how long to wait for an anchor that should not come (the check is done well before).
    const start = (quietMs?: number) =>
      new Promise<{ written: Anchor | null; stop: () => void }>((resolve, reject) => {
        let stop = () => {};
        stop = scheduleAuditAnchors({
          db: t.db,
          key: readAnchorSigningKey(keyFile),
          file,
          intervalMs: 24 * 3_600_000,
          onWritten: (anchor) => resolve({ written: anchor, stop }),
          onError: reject,
        });
        if (quietMs !== undefined) setTimeout(() => resolve({ written: null, stop }), quietMs);
      });
    const first = await start();
    first.stop();
    expect(first.written?.heads).toEqual([]);
    const second = await start(3_000);
    second.stop();
    expect(second.written).toBeNull();
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });
});
