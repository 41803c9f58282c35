import { describe, expect, it } from 'vitest';
import { PUBLICATION_STATUS_LABELS, publicationStatus, reportDeadline } from './report-deadline.ts';

describe('reportDeadline', () => {
  it('is 31 January of the next year, 31 March for a people’s government', () => {
    expect(reportDeadline(2024, 'department')).toBe('2025-01-31');
    expect(reportDeadline(2024, 'government')).toBe('2025-03-31');
  });
});

describe('publicationStatus', () => {
  const base = { year: 2024, kind: 'department' as const, published: false, publishedOn: null };
  it('calls a report published on the deadline on time and one a day later late', () => {
    expect(
      publicationStatus({ ...base, published: true, publishedOn: '2025-01-31', today: '2025-06-01' }),
    ).toBe('published');
    expect(
      publicationStatus({ ...base, published: true, publishedOn: '2025-02-01', today: '2025-06-01' }),
    ).toBe('late');
    expect(
      publicationStatus({
        ...base,
        kind: 'government',
        published: true,
        publishedOn: '2025-02-01',
        today: '2025-06-01',
      }),
    ).toBe('published');
  });

  it('calls a published report without a stated date neither on time nor late: 发布日期不详 (issue 16)', () => {
    expect(publicationStatus({ ...base, published: true, publishedOn: null, today: '2025-06-01' })).toBe(
      'date-unknown',
    );
    expect(PUBLICATION_STATUS_LABELS['date-unknown']).toBe('发布日期不详');
  });

  it('calls a missing report not yet due up to the deadline and missing the day after', () => {
    expect(publicationStatus({ ...base, today: '2025-01-31' })).toBe('not-due');
    expect(publicationStatus({ ...base, today: '2025-02-01' })).toBe('missing');
    expect(publicationStatus({ ...base, kind: 'government', today: '2025-02-01' })).toBe('not-due');
    expect(publicationStatus({ ...base, kind: 'government', today: '2025-04-01' })).toBe('missing');
  });
});
