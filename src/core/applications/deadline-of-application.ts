import type { IsoDate } from '../dates.ts';
import { computeDeadlines } from '../deadlines/compute-deadlines.ts';
import type { DeadlineEvent } from '../deadlines/deadline-input.ts';
import type { DeadlineResult } from '../deadlines/deadline-result.ts';
import type { Application, ApplicationEvent } from './application.ts';

/** The deadline engine's view of an application's procedural history. */
export function deadlineEvents(events: readonly ApplicationEvent[]): DeadlineEvent[] {
  const out: DeadlineEvent[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'correction-requested':
      case 'correction-received':
        out.push({ type: e.type, on: e.on });
        break;
      case 'consultation-started':
        out.push({
          type: 'consultation',
          party: e.party,
          name: e.name,
          startedOn: e.on,
          ...(e.letterReceivedOn ? { letterReceivedOn: e.letterReceivedOn } : {}),
          replyReceivedOn: null,
        });
        break;
      case 'consultation-ended': {
        const open = [...out].reverse().find((x) => x.type === 'consultation' && !x.replyReceivedOn);
        if (open && open.type === 'consultation') open.replyReceivedOn = e.on;
        break;
      }
      case 'fee-notice':
        out.push({
          type: 'fee',
          noticeOn: e.on,
          ...(e.noticeReceivedOn ? { noticeReceivedOn: e.noticeReceivedOn } : {}),
          paidOn: null,
        });
        break;
      case 'fee-paid': {
        const fee = out.find((x) => x.type === 'fee');
        if (fee && fee.type === 'fee') fee.paidOn = e.on;
        break;
      }
      case 'extension':
        out.push({
          type: 'extension',
          approvedOn: e.approvedOn,
          noticeOn: e.noticeOn,
          days: e.days,
          approver: e.approver,
        });
        break;
      case 'art35':
        out.push({
          type: 'art35',
          decidedOn: e.decidedOn,
          dueOn: e.dueOn,
          ...(e.noticeOn ? { noticeOn: e.noticeOn } : {}),
        });
        break;
      default:
        break;
    }
  }
  return out;
}

/** Every due date of an application with how it was computed (DOMAIN.md §C, §D). */
export function deadlineOfApplication(
  application: Pick<Application, 'channel' | 'submittedOn' | 'confirmedOn' | 'events'>,
  today: IsoDate,
  feeNoticeSuspends = true,
): DeadlineResult {
  return computeDeadlines(
    {
      channel: application.channel,
      submittedOn: application.submittedOn,
      ...(application.confirmedOn ? { confirmedOn: application.confirmedOn } : {}),
      events: deadlineEvents(application.events),
    },
    { today, feeNoticeSuspends },
  );
}
