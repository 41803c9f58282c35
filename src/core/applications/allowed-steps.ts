import type { ApplicationEvent, ApplicationStatus } from './application.ts';

type StepType = ApplicationEvent['type'];

/**
 * Which procedural steps each status accepts (条例 arts. 30–39; DOMAIN.md §C): the one table the
 * state machine (lifecycle.ts) enforces and the workspace offers.
 */
export const ALLOWED_STEPS: Readonly<Record<ApplicationStatus, readonly StepType[]>> = {
  received: [
    'correction-requested',
    'consultation-started',
    'fee-notice',
    'extension',
    'art35',
    'answered',
    'withdrawn',
  ],
  'awaiting-correction': ['correction-received', 'correction-lapsed', 'withdrawn'],
  consulting: ['consultation-ended', 'extension', 'art35', 'withdrawn'],
  'awaiting-fee': ['fee-paid', 'fee-lapsed', 'withdrawn'],
  concluded: [],
};

/** The steps a status accepts; none for a status this table does not know. */
export function allowedSteps(status: string): readonly StepType[] {
  return Object.hasOwn(ALLOWED_STEPS, status) ? ALLOWED_STEPS[status as ApplicationStatus] : [];
}
