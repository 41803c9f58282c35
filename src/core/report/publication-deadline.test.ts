import { describe, expect, it } from 'vitest';
import { checkPublicationForAgency, isPublishedLate, publicationDeadline } from './publication-deadline.ts';

describe('publicationDeadline', () => {
  it('is 31 January of the next year for a department, 31 March for a government', () => {
    expect(publicationDeadline(2025, 'department')).toBe('2026-01-31');
    expect(publicationDeadline(2025, 'government')).toBe('2026-03-31');
  });
});

describe('isPublishedLate', () => {
  it('counts the deadline day itself as in time, the day after as late', () => {
    expect(isPublishedLate(2025, 'department', '2026-01-31')).toBe(false);
    expect(isPublishedLate(2025, 'department', '2026-02-01')).toBe(true);
    expect(isPublishedLate(2025, 'government', '2026-02-01')).toBe(false);
    expect(isPublishedLate(2025, 'government', '2026-04-01')).toBe(true);
    expect(isPublishedLate(2025, 'government', null)).toBeNull();
  });
});

describe('checkPublicationForAgency', () => {
  it('flags late publication as a warning naming the deadline that applies', () => {
    const [f] = checkPublicationForAgency(2025, 'department', '2026-02-10');
    expect(f?.ruleId).toBe('P-01');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('2026-01-31');
    expect(checkPublicationForAgency(2025, 'government', '2026-02-10')).toEqual([]);
  });

  it('is not assessable before publication, and questions a date inside the year', () => {
    expect(checkPublicationForAgency(2025, 'department', null)[0]?.assessable).toBe(false);
    expect(checkPublicationForAgency(2025, 'department', '2025-12-30')[0]?.assessable).toBe(true);
  });
});
