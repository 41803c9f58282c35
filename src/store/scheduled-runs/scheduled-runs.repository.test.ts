import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { openDatabase } from '../dialect.ts';
import { claimScheduledRun } from './scheduled-runs.repository.ts';

const now = new Date('2026-12-07T02:00:00Z');

describeEachDialect('scheduled runs', (t) => {
  describe('claimScheduledRun', () => {
    it('gives a period to the first claimer only, and a later period again', async () => {
      const claim = (period: string, instance: string) =>
        claimScheduledRun(t.db, { task: 'daily', period, instance, now });
      expect(await claim('2026-12-07', 'a')).toBe(true);
      expect(await claim('2026-12-07', 'b')).toBe(false);
      expect(await claim('2026-12-06', 'b')).toBe(false);
      expect(await claim('2026-12-08', 'b')).toBe(true);
      const row = await t.db.selectFrom('scheduled_runs').selectAll().where('task', '=', 'daily').execute();
      expect(row).toEqual([
        { task: 'daily', last_period: '2026-12-08', claimed_at: now.toISOString(), claimed_by: 'b' },
      ]);
    });

    it('gives each period to exactly one of 20 concurrent claimers on two connections', async () => {
      const other = openDatabase(t.url);
      const second = t.dialect === 'postgres' ? other.db : t.db;
      try {
        for (const period of ['p1', 'p2', 'p3']) {
          const won = await Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              claimScheduledRun(i % 2 ? second : t.db, { task: 'race', period, instance: `i${i}`, now }),
            ),
          );
          expect(won.filter(Boolean)).toHaveLength(1);
        }
      } finally {
        await other.close();
      }
    });
  });
});
