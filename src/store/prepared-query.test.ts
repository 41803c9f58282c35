import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/store-test-db.ts';
import { preparedQuery } from './prepared-query.ts';

describeEachDialect('preparedQuery', (t) => {
  it('runs the statement compiled once with each call’s parameters, constants kept', async () => {
    const regionsFrom = preparedQuery<{ code: string }, { code: string; name: string }>(['code'], (db, p) =>
      db.selectFrom('regions').select(['code', 'name']).where('code', '>=', p.code).orderBy('code').limit(2),
    );
    for (const [code, name] of [
      ['990001', '甲'],
      ['990002', '乙'],
      ['990003', '丙'],
    ] as const) {
      await t.db
        .insertInto('regions')
        .values({ id: crypto.randomUUID(), code, name, level: 'city', parent_id: null })
        .execute();
    }
    expect(await regionsFrom(t.db, { code: '990002' })).toEqual([
      { code: '990002', name: '乙' },
      { code: '990003', name: '丙' },
    ]);
    // limit 2 was compiled in and stays; the code changes with each call, in a transaction too.
    expect(await t.db.transaction().execute((trx) => regionsFrom(trx, { code: '990000' }))).toEqual([
      { code: '990001', name: '甲' },
      { code: '990002', name: '乙' },
    ]);
    expect(await regionsFrom(t.db, { code: '990004' })).toEqual([]);
  });

  it('refuses a parameter that the query does not bind as a value', async () => {
    const broken = preparedQuery<{ code: string; unused: string }, unknown>(['code', 'unused'], (db, p) =>
      db.selectFrom('regions').select(sql<string>`1`.as('one')).where('code', '=', p.code),
    );
    await expect(broken(t.db, { code: 'x', unused: 'y' })).rejects.toThrow(/unused not bound/);
  });
});
