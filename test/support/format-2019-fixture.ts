import { TABLE3_ROW_KEYS } from '../../src/core/report/labels.ts';
import type { Cell } from '../../src/core/report/schema.ts';

/**
 * The figures printed in the 2019-format fixture test/fixtures/format-2019/jiangning-2020.* (one
 * 2020 report written by hand as an agency web page, in every shape made from it): what each
 * reading of it must give.
 */
const zeros = (): Cell[] => [0, 0, 0, 0, 0, 0, 0];
export const JIANGNING_2020_PRINTED = {
  table2: {
    regulations: { made: 0, published: 0, total: 0 },
    normativeDocuments: { made: 3, published: 3, total: 27 },
    licensing: { previous: 12, change: 1, decisions: 356 },
    otherServices: { previous: 5, change: -1, decisions: 48 },
    punishment: { previous: 30, change: 0, decisions: 41 },
    coercion: { previous: 4, change: 0, decisions: 2 },
    fees: { previous: 2, change: 0 },
    procurement: { projects: 9, amount: 126.5 },
  },
  table3: {
    ...Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, zeros()])),
    newReceived: [15, 3, 0, 0, 1, 0, 19],
    carriedOver: [2, 0, 0, 0, 0, 0, 2],
    granted: [8, 2, 0, 0, 0, 0, 10],
    partial: [2, 0, 0, 0, 1, 0, 3],
    'denied.thirdParty': [1, 0, 0, 0, 0, 0, 1],
    'denied.processInfo': [0, 1, 0, 0, 0, 0, 1],
    'unable.notHeld': [3, 0, 0, 0, 0, 0, 3],
    'unable.stillUnclear': [1, 0, 0, 0, 0, 0, 1],
    'notProcessed.petition': [1, 0, 0, 0, 0, 0, 1],
    // One row in this format: the three 2021 items are not printed.
    'other.noCorrection': [null, null, null, null, null, null, null],
    'other.noFee': [null, null, null, null, null, null, null],
    'other.other': [null, null, null, null, null, null, null],
    totalConcluded: [17, 3, 0, 0, 1, 0, 21],
  },
  otherHandling: [1, 0, 0, 0, 0, 0, 1],
  table4: {
    review: [1, 0, 0, 0, 1],
    litigationDirect: [0, 1, 0, 1, 2],
    litigationAfterReview: [0, 0, 0, 0, 0],
  },
};
