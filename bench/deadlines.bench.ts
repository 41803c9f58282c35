/**
 * Deadline engine and working-day arithmetic throughput. Run through bench/run.ts (`npm run bench`).
 */
import { addWorkingDays } from '../src/core/calendar/workdays.ts';
import { fromDayNumber, toDayNumber } from '../src/core/dates.ts';
import { computeDeadlines } from '../src/core/deadlines/compute-deadlines.ts';
import type { DeadlineInputData } from '../src/core/deadlines/deadline-input.ts';
import { type Measure, throughput } from './measure.ts';

/** A realistic case: online application, one 补正 round, a third-party consultation, an extension. */
const CASE: DeadlineInputData = {
  channel: 'online',
  submittedOn: '2025-01-19',
  confirmedOn: '2025-01-20',
  events: [
    { type: 'correction-requested', on: '2025-01-22' },
    { type: 'correction-received', on: '2025-02-06' },
    {
      type: 'consultation',
      party: 'third-party',
      name: '某公司',
      startedOn: '2025-02-10',
      letterReceivedOn: '2025-02-11',
      replyReceivedOn: '2025-02-24',
    },
    {
      type: 'extension',
      approvedOn: '2025-03-10',
      noticeOn: '2025-03-11',
      days: 10,
      approver: '公开办负责人',
    },
  ],
};

/** 1 000 start dates spread over 2023–2026, each advanced by 1–40 working days. */
const STARTS = Array.from({ length: 1000 }, (_, i) =>
  fromDayNumber(toDayNumber('2023-01-01') + ((i * 37) % 1300)),
);

export async function measures(): Promise<Measure[]> {
  const deadlines = throughput(() => {
    computeDeadlines(CASE, { today: '2025-03-20' });
  });
  const adds = throughput(() => {
    for (let i = 0; i < STARTS.length; i++) addWorkingDays(STARTS[i]!, (i % 40) + 1);
  }, STARTS.length);
  return [
    {
      name: 'deadline computations',
      value: deadlines,
      unit: 'ops/s',
      what: 'computeDeadlines (schema validation included) on one case with a 补正 round, a third-party consultation and an extension',
    },
    {
      name: 'addWorkingDays',
      value: adds,
      unit: 'ops/s',
      what: 'addWorkingDays on dates spread over 2023–2026 with n from 1 to 40',
    },
  ];
}
