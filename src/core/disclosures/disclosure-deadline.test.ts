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

  it('has no due day when the holiday calendar does not reach it', () => {
    expect(
      disclosureDeadline(
        { attribute: 'proactive', createdOn: '2099-01-05', publishedOn: null },
        '2099-06-01',
      ),
    ).toEqual({
      dueOn: null,
      overdue: false,
    });
  });
});
