import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/support/build-test-app.ts';

const fixture = (path: string) => readFileSync(new URL(`../../../../test/fixtures/${path}`, import.meta.url));
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

describe('POST /api/check/report', () => {
  it('returns the findings of a report, naming table, row and column', async () => {
    const report = JSON.parse(fixture('seeds/001.report.json').toString());
    const res = await app.inject({ method: 'POST', url: '/api/check/report', payload: { report } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.summary.errors).toBe(1);
    expect(body.findings[0]).toMatchObject({
      ruleId: 'T2-01',
      location: { table: 'table2', rowLabel: '行政事业性收费' },
    });
  });

  it('refuses something that is not a report with 422 and a Chinese message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/check/report',
      payload: { report: { schema: 'x' } },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'INVALID_REPORT' });
    expect(res.json().message).toContain('不是有效的 gongkai-report/1 年度报告');
  });

  it('refuses malformed JSON and a missing body with 400', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/check/report',
      headers: { 'content-type': 'application/json' },
      payload: '{"report":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'INVALID_INPUT', message: '请求体不是有效的 JSON' });
  });
});

describe('POST /api/check/document', () => {
  it('reads a published HTML page and checks it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/check/document?filename=seed-004.html',
      headers: { 'content-type': 'text/html' },
      payload: fixture('documents/seed-004.html'),
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.format).toBe('html');
    expect(body.report.agency).toBe('淄博市大数据局');
    expect(body.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('T4-04');
  });

  it('reads a Word 97–2003 document sent as application/msword', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/check/document?filename=seed-004.doc',
      headers: { 'content-type': 'application/msword' },
      payload: fixture('doc/seed-004.lo.doc'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().format).toBe('doc');
    expect(res.json().report.agency).toBe('淄博市大数据局');
  });

  it('refuses a .wps that is not in Word format as an unsupported format (415), with the specific reason', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/check/document?filename=x.wps',
      headers: { 'content-type': 'application/octet-stream' },
      payload: fixture('doc/works-contents.wps'),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toMatch(/^\.wps 文件不是 Word 格式/);
  });

  it('refuses a zip bomb named .docx with 422, naming the reason', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/check/document?filename=x.docx',
      headers: { 'content-type': 'application/octet-stream' },
      payload: fixture('documents/bad/zip-bomb.docx'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/压缩炸弹|上限/);
  });

  it('requires the file name', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/check/document',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_INPUT');
  });
});

describe('the API around the routes', () => {
  it('answers unknown addresses with a JSON 404 and serves the OpenAPI document', async () => {
    expect((await app.inject({ url: '/api/nope' })).json()).toMatchObject({ code: 'NOT_FOUND' });
    const openapi = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/check/report', '/api/check/document', '/api/health']),
    );
  });
});

describe('POST /api/check/document under load', () => {
  it('answers a document beyond the reader and its queue with 429, Retry-After and a Chinese message', async () => {
    const busy = await buildTestApp({ CHECK_CONCURRENCY: '1', CHECK_QUEUE_LENGTH: '1' });
    try {
      const post = () =>
        busy.inject({
          method: 'POST',
          url: '/api/check/document?filename=report.txt',
          headers: { 'content-type': 'text/plain' },
          payload: fixture('seeds/002.txt'),
        });
      // One read, one waiting: the third finds both taken.
      const replies = await Promise.all([post(), post(), post()]);
      const statuses = replies.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 200, 429]);
      const refused = replies.find((r) => r.statusCode === 429)!;
      expect(refused.json().code).toBe('TOO_MANY_REQUESTS');
      expect(refused.json().message).toMatch(/^文件读取服务繁忙.*请 \d+ 秒后重试$/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await busy.close();
    }
  }, 60_000);
});
