import { describe, expect, it } from 'vitest';
import { disclosureDeadline } from './disclosure-deadline.ts';

describe('disclosureDeadline', () => {
  it('is the 20th working day after creation, across the Spring Festival and its make-up days', () => {
    // DOMAIN.md §D test vector: 2024-01-26 + 20 working days = 2024-02-28 (across 春节 2024).
    expect(
      disclosureDeadline(
        { attribute: 'proactive', createdOn: '2024-01-26', publishedOn: null },
        '2024-02-28',
      ),
    ).toEqual({
      dueOn: '2024-02-28',
      dueProvisional: null,
      overdue: false,
    });
    expect(
      disclosureDeadline({ attribute: 'proactive', createdOn: '2024-01-26', publishedOn: null }, '2024-02-29')
        .overdue,
    ).toBe(true);
  });

  // DOMAIN.md §D test vector: 2025-09-26 + 20 working days = 2025-10-30 (across 国庆 2025).
  it('judges a published item by its publication day, and never flags items not proactively disclosed', () => {
    const created = { createdOn: '2025-09-26' };
    expect(
      disclosureDeadline({ ...created, attribute: 'proactive', publishedOn: '2025-10-30' }, '2026-01-01')
        .overdue,
    ).toBe(false);
    expect(
      disclosureDeadline({ ...created, attribute: 'proactive', publishedOn: '2025-10-31' }, '2026-01-01')
        .overdue,
    ).toBe(true);
    expect(
      disclosureDeadline({ ...created, attribute: 'withheld', publishedOn: null }, '2026-01-01').overdue,
    ).toBe(false);
  });

  it('gives a 暂定 due day when the period runs into a year without an arrangement (issue 15)', () => {
    // 2026-12-20 (Sun): 12-21..25 (5), 12-28..31 (9), 2027-01-01 元旦, 01-04..08 (14), 01-11..15 (19), 01-18.
    const d = disclosureDeadline(
      { attribute: 'proactive', createdOn: '2026-12-20', publishedOn: null },
      '2027-01-19',
    );
    expect([d.dueOn, d.dueProvisional?.years, d.overdue]).toEqual(['2027-01-18', [2027], true]);
  });

  it('has no due day beyond the calendar bound (2100)', () => {
    expect(
      disclosureDeadline(
        { attribute: 'proactive', createdOn: '2100-12-20', publishedOn: null },
        '2100-12-21',
      ),
    ).toEqual({
      dueOn: null,
      dueProvisional: null,
      overdue: false,
    });
  });
});
