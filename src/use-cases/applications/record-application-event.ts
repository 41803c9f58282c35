import type { Application } from '../../core/applications/application.ts';
import { type ApplicationEvent, applicationEventSchema } from '../../core/applications/application.ts';
import type { ApplicationDeadlines } from '../../core/applications/application-deadlines.ts';
import { deadlineOfApplication } from '../../core/applications/deadline-of-application.ts';
import { applyEvent } from '../../core/applications/lifecycle.ts';
import type { IsoDate } from '../../core/dates.ts';
import { AppError, isAppError } from '../../core/errors.ts';
import type { Moment } from '../../core/moment.ts';
import { getApplication, updateApplicationState } from '../../store/applications/applications.repository.ts';
import { type StoredApplication, toCoreApplication } from '../../store/applications/stored-application.ts';
import { type Actor, appendAudit } from '../../store/audit/audit.repository.ts';
import type { StoreTrx } from '../../store/dialect.ts';
import { mixedOutcomeRuleOfAgency } from '../../store/organisation/mixed-outcome-rules.ts';
import { nextVersion } from '../next-version.ts';

export const CONFLICT_MESSAGE = '该申请已被他人修改，请刷新后重试';

/**
 * The deadlines as of `today` (暂定 through a year without an entered arrangement), or null with
 * the reason beyond the calendar's 2000–2100 bound (not an error here). A history the deadline rules refuse throws INVALID_INPUT.
 */
function deadlinesOf(application: Application, today: IsoDate): ApplicationDeadlines {
  try {
    return { result: deadlineOfApplication(application, today), note: null };
  } catch (error) {
    if (isAppError(error) && error.code === 'CALENDAR_UNKNOWN') return { result: null, note: error.message };
    throw error;
  }
}

export interface RecordedApplicationEvent {
  application: StoredApplication;
  /** The deadlines as of the day of the event, computed once for the response. */
  deadlines: ApplicationDeadlines;
}

/** The event validated with the schema of the route's body (recordEventBody.event). */
function parseEvent(event: unknown): ApplicationEvent {
  const parsed = applicationEventSchema.safeParse(event);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}：` : '';
  throw new AppError('INVALID_INPUT', `办理步骤无效：${where}${issue?.message ?? ''}`, parsed.error.issues);
}

/**
 * Records one procedural event: loads the agency's application, lets the core's applyEvent decide,
 * and saves only if nobody saved since `expectedVersion`. Audits before and after. Throws
 * NOT_FOUND, CONFLICT (stale version, or the event the procedure does not allow), INVALID_INPUT
 * (malformed event, or one that makes the deadlines incoherent). Returns the saved application
 * and its deadlines.
 */
export async function recordApplicationEvent(
  trx: StoreTrx,
  agencyId: string,
  id: string,
  event: ApplicationEvent,
  expectedVersion: number,
  actor: Actor,
  now: Moment,
): Promise<RecordedApplicationEvent> {
  const valid = parseEvent(event);
  const before = await getApplication(trx, agencyId, id);
  if (!before) throw new AppError('NOT_FOUND', '申请不存在');
  if (before.version !== expectedVersion) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  // The region's counting convention matters only for an answer with several outcomes (§A.6).
  const rule =
    valid.type === 'answered' && (valid.secondaryOutcomes?.length ?? 0) > 0
      ? await mixedOutcomeRuleOfAgency(trx, agencyId)
      : undefined;
  const next = applyEvent(toCoreApplication(before), valid, now.today, rule);
  const at = now.at.toISOString();
  const deadlines = deadlinesOf(next, now.today);
  const answerDueOn = deadlines.result?.answerDue ?? null;
  const saved = await updateApplicationState(
    trx,
    agencyId,
    id,
    expectedVersion,
    { ...next, answerDueOn },
    at,
  );
  if (!saved) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
  const after = nextVersion(before, { ...next, answerDueOn }, expectedVersion, at);
  await appendAudit(trx, {
    agencyId: agencyId,
    at: now.at,
    actor,
    entity: 'application',
    entityId: id,
    action: `event:${valid.type}`,
    before,
    after,
  });
  return { application: after, deadlines };
}
