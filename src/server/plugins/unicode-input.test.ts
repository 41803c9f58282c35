import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestOrganisation,
  createTestUser,
  type Headers,
  sessionHeaders,
  type TestOrganisation,
} from '../../../test/support/server-factories.ts';
import { buildServerTestApp } from '../../../test/support/server-test-app.ts';

describe('text in JSON bodies', () => {
  let app: FastifyInstance;
  let org: TestOrganisation;
  let admin: Headers;

  beforeAll(async () => {
    app = await buildServerTestApp();
    org = await createTestOrganisation(app.db);
    admin = await sessionHeaders(app.db, await createTestUser(app.db, 'admin'));
  });
  afterAll(async () => {
    await app.close();
  });

  const applications = async () =>
    Number(
      (
        await app.db
          .selectFrom('applications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const apply = (payload: string | Buffer) =>
    app.inject({
      method: 'POST',
      url: `/api/public/agencies/${org.agencyX.id}/applications`,
      headers: { 'content-type': 'application/json' },
      payload,
    });
  const applyJson = (description: string) =>
    `{"applicantType":"naturalPerson","applicant":{"name":"李四","email":"lisi@example.cn"},"description":"${description}","requestedForm":{"delivery":["email"]}}`;

  it('refuses a lone surrogate with a Chinese message instead of storing U+FFFD', async () => {
    const res = await apply(applyJson('申请\\ud800公开'));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('description含有无效的 Unicode 字符（孤立的代理项）');
    expect(await applications()).toBe(0);
  });

  it('refuses bytes that are not UTF-8 (a surrogate encoded as UTF-8, a stray byte)', async () => {
    for (const bad of [Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xff])]) {
      const body = Buffer.concat([Buffer.from(applyJson('申请').slice(0, -2)), bad, Buffer.from('"}')]);
      const res = await apply(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('请求内容不是有效的 UTF-8 编码文本');
    }
    expect(await applications()).toBe(0);
  });

  it('stores names NFC-normalised', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/regions',
      headers: admin,
      payload: { code: '659001', name: 'Cafe\u0301自治区', level: 'province' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Caf\u00e9自治区');
  });

  it('refuses control and bidi characters in names and identifiers, naming the field', async () => {
    const cases: [string, object, string][] = [
      [
        '/api/agencies',
        { regionId: org.countyA1.id, name: '甲县\u202eexe.xcod', kind: 'department' },
        '机关名称',
      ],
      ['/api/regions', { code: '659002', name: '乙\u001b[31m县', level: 'province' }, '行政区划名称'],
      [
        '/api/users',
        { username: 'user\u2066x', displayName: '张三', password: 'long-enough-pass-1', role: 'admin' },
        '用户名',
      ],
      [
        '/api/users',
        { username: 'zhang3', displayName: '张\u0085三', password: 'long-enough-pass-1', role: 'admin' },
        '姓名',
      ],
    ];
    for (const [url, payload, label] of cases) {
      const res = await app.inject({ method: 'POST', url, headers: admin, payload });
      expect({ url, label, status: res.statusCode }).toEqual({ url, label, status: 400 });
      expect(res.json().message).toContain(`${label}不能含控制字符或文字方向控制字符`);
    }
  });
});
