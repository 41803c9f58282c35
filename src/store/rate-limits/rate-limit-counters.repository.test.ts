import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/support/store-test-db.ts';
import { openDatabase } from '../dialect.ts';
import {
  clearCounter,
  countHit,
  deleteExpiredCounters,
  readCounter,
  releaseHit,
  takeHit,
} from './rate-limit-counters.repository.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 5, 30, 2, 0, seconds));

describeEachDialect('rate-limit counters', (t) => {
  describe('countHit', () => {
    it('counts hits within the window that starts at the first, then starts a new window', async () => {
      const hit = (s: number) => countHit(t.db, { bucket: 'b', subject: 'x', windowMs: 60_000, now: at(s) });
      expect(await hit(0)).toEqual({ hits: 1, windowEndsAt: at(60) });
      expect(await hit(10)).toEqual({ hits: 2, windowEndsAt: at(60) });
      expect(await hit(59)).toEqual({ hits: 3, windowEndsAt: at(60) });
      // The window [0, 60) has ended: a new one starts at 60.
      expect(await hit(60)).toEqual({ hits: 1, windowEndsAt: at(120) });
    });

    it('keeps buckets and subjects apart', async () => {
      await countHit(t.db, { bucket: 'a', subject: 's', windowMs: 60_000, now: at(0) });
      await countHit(t.db, { bucket: 'a', subject: 's', windowMs: 60_000, now: at(1) });
      expect((await countHit(t.db, { bucket: 'a', subject: 't', windowMs: 60_000, now: at(2) })).hits).toBe(
        1,
      );
      expect((await countHit(t.db, { bucket: 'c', subject: 's', windowMs: 60_000, now: at(3) })).hits).toBe(
        1,
      );
      expect((await readCounter(t.db, 'a', 's', at(4)))?.hits).toBe(2);
    });

    it('counts every one of 200 concurrent hits from two connections', async () => {
      const other = openDatabase(t.url);
      // SQLite in memory is private to its connection: the second connection is the same one there.
      const second = t.dialect === 'postgres' ? other.db : t.db;
      try {
        const hits = await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            countHit(i % 2 ? second : t.db, { bucket: 'burst', subject: 'x', windowMs: 60_000, now: at(5) }),
          ),
        );
        expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 200 }, (_, i) => i + 1),
        );
      } finally {
        await other.close();
      }
    });
  });

  describe('readCounter and clearCounter', () => {
    it('reads a live counter, nothing once its window ended or after clearing', async () => {
      await countHit(t.db, { bucket: 'r', subject: 'x', windowMs: 60_000, now: at(0) });
      expect(await readCounter(t.db, 'r', 'x', at(59))).toEqual({ hits: 1, windowEndsAt: at(60) });
      expect(await readCounter(t.db, 'r', 'x', at(60))).toBeNull();
      await clearCounter(t.db, 'r', 'x');
      expect(await readCounter(t.db, 'r', 'x', at(1))).toBeNull();
    });
  });

  describe('deleteExpiredCounters', () => {
    it('removes exactly the counters whose window has ended', async () => {
      await t.db.deleteFrom('rate_limit_counters').execute();
      await countHit(t.db, { bucket: 'p', subject: 'old', windowMs: 10_000, now: at(0) });
      await countHit(t.db, { bucket: 'p', subject: 'new', windowMs: 60_000, now: at(0) });
      expect(await deleteExpiredCounters(t.db, at(10))).toBe(1);
      const left = await t.db.selectFrom('rate_limit_counters').select('subject').execute();
      expect(left.map((r) => r.subject)).toEqual(['new']);
    });
  });

  describe('takeHit', () => {
    it('counts a hit only below the limit, and starts a new window once the old one ended', async () => {
      const take = (s: number) =>
        takeHit(t.db, { bucket: 't', subject: 'x', windowMs: 60_000, now: at(s), limit: 2 });
      expect(await take(0)).toEqual({ hits: 1, windowEndsAt: at(60) });
      expect(await take(10)).toEqual({ hits: 2, windowEndsAt: at(60) });
      expect(await take(20)).toBeNull();
      expect(await readCounter(t.db, 't', 'x', at(21))).toEqual({ hits: 2, windowEndsAt: at(60) });
      await releaseHit(t.db, 't', 'x');
      expect(await take(30)).toEqual({ hits: 2, windowEndsAt: at(60) });
      expect(await take(60)).toEqual({ hits: 1, windowEndsAt: at(120) });
    });

    it('takes exactly `limit` hits of a concurrent burst through two connections (two instances)', async () => {
      const limit = 7;
      const other = openDatabase(t.url);
      const second = t.dialect === 'postgres' ? other.db : t.db;
      try {
        const taken = await Promise.all(
          Array.from({ length: 6 * limit }, (_, i) =>
            takeHit(i % 2 === 0 ? t.db : second, {
              bucket: 't',
              subject: 'burst',
              windowMs: 60_000,
              now: at(0),
              limit,
            }),
          ),
        );
        expect(taken.filter((hit) => hit !== null)).toHaveLength(limit);
        expect((await readCounter(t.db, 't', 'burst', at(1)))?.hits).toBe(limit);
      } finally {
        await other.close();
      }
    });
  });
});
