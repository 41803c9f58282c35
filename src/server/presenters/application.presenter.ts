import {
  type AnswerDueState,
  answerDueLabel,
  answerDueState,
  answerDueStateOfRow,
} from '../../core/applications/answer-due-state.ts';
import {
  type AnswerTimeliness,
  answerTimeliness,
  answerTimelinessLabel,
} from '../../core/applications/answer-timeliness.ts';
import { ID_TYPE_LABELS, requestedFormLabel } from '../../core/applications/applicant-identity.ts';
import {
  APPLICANT_TYPE_LABELS,
  APPLICATION_EVENT_LABELS,
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
} from '../../core/applications/application.ts';
import {
  type ApplicationDeadlines,
  applicationDeadlines,
} from '../../core/applications/application-deadlines.ts';
import { eventDate } from '../../core/applications/lifecycle.ts';
import type { ProvisionalMark } from '../../core/calendar/provisional-mark.ts';
import { provisionalMarkBetween } from '../../core/calendar/workdays.ts';
import { addDays, type IsoDate } from '../../core/dates.ts';
import type { DeadlineResult } from '../../core/deadlines/deadline-result.ts';
import { CHANNEL_LABELS } from '../../core/deadlines/read-timeline.ts';
import { table3FullLabel } from '../../core/report/labels.ts';
import type {
  Applicant,
  ApplicationSummary,
  StoredApplication,
} from '../../store/applications/stored-application.ts';
import type { AuditEntry } from '../../store/audit/audit.repository.ts';

/**
 * What leaves the server about applications. The applicant's personal data appears only in
 * presentApplicant (for the handling agency's staff); lists carry the masked name the store
 * computes; the public tracking view carries no personal data and no third party's name.
 */

/** Days ahead (today included) in which an open application counts as "due this week". */
export const DUE_SOON_DAYS = 7;

/**
 * overdue: open and its answer deadline is before today. dueThisWeek: open and due within the
 * next seven days, today included. Both false while the deadline is unknown (补正 awaited,
 * period suspended).
 */
export function dueFlags(status: ApplicationStatus, answerDueOn: IsoDate | null, today: IsoDate) {
  const open = status !== 'concluded' && answerDueOn !== null;
  return {
    overdue: open && answerDueOn < today,
    dueThisWeek: open && answerDueOn >= today && answerDueOn <= addDays(today, DUE_SOON_DAYS - 1),
  };
}

/** The answer deadline as the pages show it: its state and the text ("暂停计算（等待申请人补正）"…). */
const presentAnswerDue = (s: AnswerDueState, provisional: ProvisionalMark | null) => ({
  answerDueState: s.state,
  answerDueLabel: answerDueLabel(s, provisional),
});

/** Whether the answer came within the deadline (the one definition: answerTimeliness). */
function presentTimeliness(t: AnswerTimeliness | null) {
  if (t === null) return null;
  return {
    state: t.state,
    answeredOn: t.answeredOn,
    dueOn: t.state === 'unknown' ? null : t.dueOn,
    workingDaysLate: t.state === 'late' ? t.workingDaysLate : null,
    label: answerTimelinessLabel(t),
  };
}

const outcomeLabel = (outcome: StoredApplication['outcome']) => (outcome ? table3FullLabel(outcome) : null);

export function presentApplication(application: StoredApplication, today: IsoDate) {
  return {
    id: application.id,
    agencyId: application.agencyId,
    trackingNumber: application.trackingNumber,
    channel: application.channel,
    channelLabel: CHANNEL_LABELS[application.channel],
    submittedOn: application.submittedOn,
    confirmedOn: application.confirmedOn,
    receivedOn: application.receivedOn,
    applicantType: application.applicantType,
    applicantTypeLabel: APPLICANT_TYPE_LABELS[application.applicantType],
    description: application.description,
    requestedForm: application.requestedForm,
    requestedFormLabel: requestedFormLabel(application.requestedForm),
    events: application.events,
    status: application.status,
    statusLabel: APPLICATION_STATUS_LABELS[application.status],
    outcome: application.outcome,
    outcomeLabel: outcomeLabel(application.outcome),
    concludedOn: application.concludedOn,
    answerDueOn: application.answerDueOn,
    answerDueProvisional: provisionalMarkBetween(application.receivedOn, application.answerDueOn),
    ...dueFlags(application.status, application.answerDueOn, today),
    answerTimeliness: presentTimeliness(answerTimeliness(application)),
    version: application.version,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}

export function presentApplicationSummary(summary: ApplicationSummary, today: IsoDate) {
  const provisional = provisionalMarkBetween(summary.receivedOn, summary.answerDueOn);
  return {
    id: summary.id,
    trackingNumber: summary.trackingNumber,
    channel: summary.channel,
    receivedOn: summary.receivedOn,
    applicantType: summary.applicantType,
    applicantNameMasked: summary.applicantNameMasked,
    description: summary.description,
    status: summary.status,
    statusLabel: APPLICATION_STATUS_LABELS[summary.status],
    outcome: summary.outcome,
    concludedOn: summary.concludedOn,
    answerDueOn: summary.answerDueOn,
    ...presentAnswerDue(answerDueStateOfRow(summary.status, summary.answerDueOn), provisional),
    answerDueProvisional: provisional,
    ...dueFlags(summary.status, summary.answerDueOn, today),
    answerTimeliness: presentTimeliness(summary.answerTimeliness),
    version: summary.version,
  };
}

/** The applicant's personal data: only ever sent by GET …/applications/:id/applicant. */
export function presentApplicant(applicant: Applicant) {
  return {
    name: applicant.name,
    idType: applicant.idType,
    idTypeLabel: applicant.idType ? ID_TYPE_LABELS[applicant.idType] : null,
    idNumber: applicant.idNumber,
    phone: applicant.phone,
    address: applicant.address,
    email: applicant.email,
  };
}

function presentDeadlineResult(r: DeadlineResult) {
  return {
    receivedOn: r.receivedOn,
    clockStartsOn: r.clockStartsOn,
    answerDue: r.answerDue,
    status: r.status,
    workingDaysAllowed: r.workingDaysAllowed,
    workingDaysUsed: r.workingDaysUsed,
    steps: r.steps.map((s) => ({
      label: s.label,
      date: s.date,
      explanation: s.explanation,
      article: s.article,
    })),
    correctionNoticeDue: r.correctionNoticeDue,
    thirdPartyReplyDue: r.thirdPartyReplyDue.map((c) => ({
      party: c.party,
      name: c.name ?? null,
      letterReceivedOn: c.letterReceivedOn,
      due: c.due,
      replyReceivedOn: c.replyReceivedOn,
      article: c.article,
    })),
    feePaymentDue: r.feePaymentDue,
    warnings: r.warnings,
    provisional: r.provisional,
  };
}

/**
 * Every due date of an application with how it was computed (computed once by the caller with
 * applicationDeadlines), 暂定 ones marked (`provisional`); null with the reason when the core could
 * not compute them (beyond the calendar's 2000–2100 bound, or a history the rules refuse). With the
 * answer deadline's state and text for `application`.
 */
export function presentDeadlines(
  deadlines: ApplicationDeadlines,
  application: Pick<StoredApplication, 'status' | 'events'>,
) {
  const answerDue = presentAnswerDue(
    answerDueState(application, deadlines),
    deadlines.result?.provisional ?? null,
  );
  return deadlines.result
    ? { deadlines: presentDeadlineResult(deadlines.result), deadlinesNote: null, ...answerDue }
    : { deadlines: null, deadlinesNote: deadlines.note, ...answerDue };
}

const statusOf = (snapshot: unknown): string | null =>
  typeof snapshot === 'object' && snapshot !== null && 'status' in snapshot
    ? String((snapshot as { status: unknown }).status)
    : null;

const AUDIT_ACTION_LABELS: Record<string, string> = {
  register: '登记申请',
  'letter.generated': '出具告知书',
  'applicant.read': '查看申请人个人信息',
  'deadline.recomputed': '依据新录入的节假日安排重新计算期限',
  ...Object.fromEntries(
    Object.entries(APPLICATION_EVENT_LABELS).map(([type, label]) => [`event:${type}`, label]),
  ),
};

interface RecomputedSnapshot {
  answerDueOn?: string | null;
  provisional?: unknown;
  reason?: string;
}

/** “依据2027年节假日安排重新计算：答复期限 2027-02-02（暂定）→ 2027-02-02”, from the entry's snapshots. */
function recomputedLabel(entry: AuditEntry): string | null {
  if (entry.action !== 'deadline.recomputed') return null;
  const before = (entry.before ?? {}) as RecomputedSnapshot;
  const after = (entry.after ?? {}) as RecomputedSnapshot;
  if (typeof after.reason !== 'string') return null;
  const shown = (s: RecomputedSnapshot) => `${s.answerDueOn ?? '无'}${s.provisional ? '（暂定）' : ''}`;
  return `${after.reason}：答复期限 ${shown(before)} → ${shown(after)}`;
}

/** One line of an application's audit trail: who did what when, and the status it led to. */
export function presentApplicationAuditEntry(entry: AuditEntry) {
  return {
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor.label,
    action: entry.action,
    actionLabel: recomputedLabel(entry) ?? AUDIT_ACTION_LABELS[entry.action] ?? entry.action,
    statusBefore: statusOf(entry.before),
    statusAfter: statusOf(entry.after),
    hash: entry.hash,
  };
}

/** What an applicant sees with tracking number and follow-up code: no personal data, no names. */
export function presentTracking(application: StoredApplication, today: IsoDate) {
  const provisional = provisionalMarkBetween(application.receivedOn, application.answerDueOn);
  const steps = [
    { date: application.receivedOn, label: '收到申请' },
    ...application.events.map((e) => ({
      date: eventDate(e),
      label:
        e.type === 'answered' ? `作出答复：${table3FullLabel(e.outcome)}` : APPLICATION_EVENT_LABELS[e.type],
    })),
  ];
  return {
    trackingNumber: application.trackingNumber,
    receivedOn: application.receivedOn,
    status: application.status,
    statusLabel: APPLICATION_STATUS_LABELS[application.status],
    answerDueOn: application.answerDueOn,
    ...presentAnswerDue(answerDueState(application, applicationDeadlines(application, today)), provisional),
    answerDueProvisional: provisional,
    overdue: dueFlags(application.status, application.answerDueOn, today).overdue,
    concludedOn: application.concludedOn,
    outcomeLabel: outcomeLabel(application.outcome),
    steps,
  };
}
