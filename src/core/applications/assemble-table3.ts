import type { IsoDate } from '../dates.ts';
import { TABLE3_ROW_KEYS, type Table3RowKey } from '../report/labels.ts';
import type { Table3 } from '../report/schema.ts';
import { APPLICANT_TYPES, type ApplicantType, type Outcome } from './application.ts';

/** What table 三 needs of an application: no personal data, no text. */
export interface ApplicationFacts {
  applicantType: ApplicantType;
  receivedOn: IsoDate;
  concludedOn: IsoDate | null;
  outcome: Outcome | null;
}

/**
 * Table 三 of a year from the applications (DOMAIN.md §A.3, §A.6): received in the year → 一;
 * received before and still open on 1 January → 二; concluded in the year → its outcome row;
 * open on 31 December → 四. Consistent by construction: T3-01, T3-02 and T3-03 hold.
 */
export function assembleTable3(applications: Iterable<ApplicationFacts>, year: number): Table3 {
  const table = Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, [0, 0, 0, 0, 0, 0, 0]])) as Record<
    Table3RowKey,
    number[]
  >;
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const add = (row: Table3RowKey, column: number) => {
    table[row][column]! += 1;
    table[row][6]! += 1;
  };
  for (const a of applications) {
    if (a.receivedOn > end) continue;
    if (a.concludedOn !== null && a.concludedOn < start) continue;
    const column = APPLICANT_TYPES.indexOf(a.applicantType);
    add(a.receivedOn >= start ? 'newReceived' : 'carriedOver', column);
    if (a.concludedOn !== null && a.concludedOn <= end && a.outcome) {
      add(a.outcome, column);
      add('totalConcluded', column);
    } else {
      add('carriedForward', column);
    }
  }
  return table as Table3;
}
