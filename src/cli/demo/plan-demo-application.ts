import type { ApplicationEvent, Outcome } from '../../core/applications/application.ts';
import { eventDate } from '../../core/applications/lifecycle.ts';
import { addWorkingDays } from '../../core/calendar/workdays.ts';
import type { IsoDate } from '../../core/dates.ts';

export { seededRandom } from '../../core/seeded-random.ts';

export type Random = () => number;

export const between = (random: Random, min: number, max: number) =>
  min + Math.floor(random() * (max - min + 1));

export function pick<T>(random: Random, weighted: ReadonlyArray<readonly [T, number]>): T {
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const ANSWERS: ReadonlyArray<[Outcome, number]> = [
  ['granted', 40],
  ['partial', 15],
  ['unable.notHeld', 15],
  ['unable.needCreation', 5],
  ['denied.processInfo', 5],
  ['denied.internalAffairs', 3],
  ['denied.lawForbidden', 2],
  ['notProcessed.petition', 5],
  ['notProcessed.repeat', 4],
  ['notProcessed.publication', 3],
  ['notProcessed.confirmOrReissue', 3],
];

type Scenario =
  | 'answer'
  | 'late-answer'
  | 'correction'
  | 'correction-lapsed'
  | 'consultation'
  | 'extension'
  | 'fee'
  | 'withdrawn'
  | 'forgotten';

const SCENARIOS: ReadonlyArray<[Scenario, number]> = [
  ['answer', 48],
  ['late-answer', 4],
  ['correction', 14],
  ['correction-lapsed', 4],
  ['consultation', 10],
  ['extension', 9],
  ['fee', 3],
  ['withdrawn', 4],
  ['forgotten', 7],
];

/** After the last year of the holiday calendar: a step that never happens before today. */
const BEYOND_CALENDAR = '9999-12-31';

function add(date: IsoDate, n: number): IsoDate {
  if (date === BEYOND_CALENDAR) return date;
  try {
    return addWorkingDays(date, n);
  } catch {
    return BEYOND_CALENDAR;
  }
}

/** A fee notice of `amountYuan` (a multiple of 10 元) charged 按量: 30 free pages, then 10 元 a page. */
function feeNotice(on: IsoDate, amountYuan: number): ApplicationEvent {
  return { type: 'fee-notice', on, amountYuan, basis: { method: 'per-page', pages: 30 + amountYuan / 10 } };
}

/**
 * The procedural steps of one demo application received on `receivedOn`, as they would have
 * happened, cut off at `today`: an application received last week is still open, one from last
 * spring is long concluded. Dates are working days counted with the official calendar.
 */
export function planDemoApplication(random: Random, receivedOn: IsoDate, today: IsoDate): ApplicationEvent[] {
  const after = (from: IsoDate, min: number, max: number) => add(from, between(random, min, max));
  const r = receivedOn;
  const events: ApplicationEvent[] = [];
  const answer = (on: IsoDate, outcome: Outcome = pick(random, ANSWERS)) =>
    events.push(
      outcome === 'partial'
        ? { type: 'answered', on, outcome, secondaryOutcomes: ['denied.processInfo'] }
        : { type: 'answered', on, outcome },
    );
  switch (pick(random, SCENARIOS)) {
    case 'answer':
      answer(after(r, 3, 18));
      break;
    case 'late-answer':
      answer(after(r, 21, 26), 'granted');
      break;
    case 'correction': {
      const asked = after(r, 2, 6);
      const corrected = after(asked, 3, 10);
      events.push(
        {
          type: 'correction-requested',
          on: asked,
          note: '请补充所需信息的名称、文号或便于查询的其他特征描述',
        },
        { type: 'correction-received', on: corrected },
      );
      answer(after(corrected, 4, 15), random() < 0.15 ? 'unable.stillUnclear' : pick(random, ANSWERS));
      break;
    }
    case 'correction-lapsed': {
      const asked = after(r, 2, 6);
      events.push(
        { type: 'correction-requested', on: asked, note: '请说明申请公开的具体内容' },
        { type: 'correction-lapsed', on: add(asked, 16) },
      );
      break;
    }
    case 'consultation': {
      const started = after(r, 3, 8);
      const ended = after(started, 6, 15);
      events.push(
        { type: 'consultation-started', on: started, party: 'third-party', name: '某某有限公司' },
        { type: 'consultation-ended', on: ended, opinion: '不同意公开涉及商业秘密的部分' },
      );
      answer(after(ended, 2, 8), random() < 0.5 ? 'partial' : 'denied.thirdParty');
      break;
    }
    case 'extension': {
      const approvedOn = after(r, 14, 19);
      const days = between(random, 10, 20);
      events.push({ type: 'extension', approvedOn, noticeOn: approvedOn, days, approver: '办公室主任' });
      answer(add(r, 20 + between(random, 2, days)));
      break;
    }
    case 'fee': {
      const notice = after(r, 5, 10);
      const paid = after(notice, 3, 10);
      events.push(feeNotice(notice, 100 * between(random, 1, 4)), { type: 'fee-paid', on: paid });
      answer(after(paid, 2, 6), 'granted');
      break;
    }
    case 'withdrawn':
      events.push({ type: 'withdrawn', on: after(r, 2, 10) });
      break;
    case 'forgotten':
      // Recent ones are left unanswered (overdue once their 20 working days have passed); older
      // ones were answered late.
      if (add(r, 40) <= today) answer(after(r, 21, 30), 'unable.notHeld');
      break;
  }
  const cut = events.findIndex((e) => eventDate(e) > today);
  return cut < 0 ? events : events.slice(0, cut);
}
