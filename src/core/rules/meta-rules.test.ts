import { describe, expect, it } from 'vitest';
import { clone, generateValidReport } from '../../../test/support/generate-report.ts';
import { checkPeriod, checkPublicationDate } from './meta-rules.ts';

const base = () => clone(generateValidReport(9, { year: 2024 }));

describe('checkPeriod (S-02)', () => {
  it('passes when the period is the calendar year of the report', () => {
    expect(checkPeriod(base())).toEqual([]);
  });

  it('fires when the period is another year', () => {
    const r = base();
    r.period = { start: '2023-01-01', end: '2023-12-31' };
    expect(checkPeriod(r)[0]?.message).toContain('2024');
  });

  it('fires when the title names another year', () => {
    const r = base();
    r.title = '某局2023年政府信息公开工作年度报告';
    expect(checkPeriod(r).map((f) => f.location.section)).toEqual(['title']);
  });

  it('cannot be assessed without a stated period', () => {
    const r = base();
    r.period = null;
    expect(checkPeriod(r)[0]?.assessable).toBe(false);
  });
});

describe('checkPublicationDate (P-01)', () => {
  it('passes for a report published by 31 January, inclusive', () => {
    const r = base();
    r.publishedOn = '2025-01-31';
    expect(checkPublicationDate(r)).toEqual([]);
  });

  it('warns after 31 January and names the 31 March deadline of a government report', () => {
    const r = base();
    r.publishedOn = '2025-02-01';
    const [finding] = checkPublicationDate(r);
    expect(finding).toMatchObject({ severity: 'warning' });
    expect(finding?.message).toContain('3 月 31 日');
  });

  it('is an error after 31 March', () => {
    const r = base();
    r.publishedOn = '2025-04-01';
    expect(checkPublicationDate(r)[0]?.severity).toBe('error');
  });

  it('cannot be assessed without a publication date', () => {
    const r = base();
    r.publishedOn = null;
    expect(checkPublicationDate(r)[0]?.assessable).toBe(false);
  });
});
