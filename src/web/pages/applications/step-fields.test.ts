import { describe, expect, it } from 'vitest';
import {
  APPLICATION_EVENT_LABELS,
  APPLICATION_STATUS_LABELS,
  type Application,
  type ApplicationEvent,
  type ApplicationStatus,
} from '../../../core/applications/application.ts';
import { applyEvent } from '../../../core/applications/lifecycle.ts';
import { AppError } from '../../../core/errors.ts';
import { STEP_FIELDS, stepsOffered } from './step-fields.ts';

const STATUSES = Object.keys(APPLICATION_STATUS_LABELS) as ApplicationStatus[];
const STEP_TYPES = Object.keys(APPLICATION_EVENT_LABELS) as ApplicationEvent['type'][];

/** A valid step of each type, dated the day after receipt, on a case with no earlier steps. */
const SAMPLE: { [T in ApplicationEvent['type']]: Extract<ApplicationEvent, { type: T }> } = {
  'correction-requested': { type: 'correction-requested', on: '2025-03-04' },
  'correction-received': { type: 'correction-received', on: '2025-03-04' },
  'correction-lapsed': { type: 'correction-lapsed', on: '2025-03-04' },
  'consultation-started': { type: 'consultation-started', on: '2025-03-04', party: 'agency', name: '某局' },
  'consultation-ended': { type: 'consultation-ended', on: '2025-03-04' },
  'fee-notice': {
    type: 'fee-notice',
    on: '2025-03-04',
    amountYuan: 100,
    basis: { method: 'per-page', pages: 40 },
  },
  'fee-paid': { type: 'fee-paid', on: '2025-03-04' },
  'fee-lapsed': { type: 'fee-lapsed', on: '2025-03-04' },
  extension: {
    type: 'extension',
    approvedOn: '2025-03-04',
    noticeOn: '2025-03-04',
    days: 20,
    approver: '张主任',
  },
  art35: { type: 'art35', decidedOn: '2025-03-04', dueOn: '2025-04-30' },
  answered: { type: 'answered', on: '2025-03-04', outcome: 'granted' },
  withdrawn: { type: 'withdrawn', on: '2025-03-04' },
};

function inStatus(status: ApplicationStatus): Application {
  return {
    trackingNumber: '2025-0001',
    channel: 'mail-registered',
    submittedOn: '2025-03-03',
    confirmedOn: null,
    receivedOn: '2025-03-03',
    applicantType: 'naturalPerson',
    description: '某某路段改造工程的环评批复',
    events: [],
    status,
    outcome: status === 'concluded' ? 'granted' : null,
    concludedOn: status === 'concluded' ? '2025-03-03' : null,
  };
}

/** Whether the server's state machine takes the step in the status (other refusals would be a bad sample). */
function coreAccepts(status: ApplicationStatus, type: ApplicationEvent['type']): boolean {
  try {
    applyEvent(inStatus(status), SAMPLE[type], '2025-03-10');
    return true;
  } catch (error) {
    if (error instanceof AppError && /当前状态为|已办结/.test(error.message)) return false;
    throw error;
  }
}

describe('stepsOffered', () => {
  it.each(STATUSES)('offers in status %s exactly the steps the core state machine accepts', (status) => {
    const accepted = STEP_TYPES.filter((type) => coreAccepts(status, type));
    expect([...stepsOffered(status)].sort()).toEqual(accepted.sort());
  });

  it('offers the art. 35 step while a case is in consultation', () => {
    expect(stepsOffered('consulting')).toContain('art35');
  });

  it('has the fields of every step it can offer', () => {
    for (const type of STEP_TYPES) expect(STEP_FIELDS[type].length).toBeGreaterThan(0);
  });

  it('offers nothing for an unknown status', () => {
    expect(stepsOffered('toString')).toEqual([]);
  });
});
