import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { countAnswerTimeliness, onTimeRate } from '../../../core/applications/answer-timeliness.ts';
import { OPEN_APPLICATION_STATUSES } from '../../../core/applications/application.ts';
import { applicationDeadlines } from '../../../core/applications/application-deadlines.ts';
import { provisionalYearsBetween } from '../../../core/calendar/workdays.ts';
import { addDays } from '../../../core/dates.ts';
import { AppError } from '../../../core/errors.ts';
import { getApplication } from '../../../store/applications/applications.repository.ts';
import { concludedInYear } from '../../../store/applications/concluded-in-year.ts';
import { listApplications } from '../../../store/applications/list-applications.ts';
import { listOpenDueDays } from '../../../store/applications/open-applications.ts';
import { listAuditEntries } from '../../../store/audit/audit.repository.ts';
import { mixedOutcomeRuleOfAgency } from '../../../store/organisation/mixed-outcome-rules.ts';
import { readApplicant } from '../../../use-cases/applications/read-applicant.ts';
import { recordApplicationEvent } from '../../../use-cases/applications/record-application-event.ts';
import { registerValidApplicationInGroup } from '../../../use-cases/applications/register-application-in-group.ts';
import { checkAgencyAccess } from '../../access/authorize-agency.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import {
  DUE_SOON_DAYS,
  presentApplicant,
  presentApplication,
  presentApplicationAuditEntry,
  presentApplicationSummary,
  presentDeadlines,
} from '../../presenters/application.presenter.ts';
import { agencyParams, applicationParams, errorResponses } from '../common.schema.ts';
import {
  applicantResponse,
  applicationDetailResponse,
  applicationListResponse,
  applicationResponse,
  deadlineSummaryResponse,
  listApplicationsQuery,
  recordEventBody,
  registerApplicationBody,
  registeredResponse,
  timelinessQuery,
  timelinessResponse,
} from './applications.schema.ts';

/** Disclosure applications of an agency (依申请公开): register, list, follow, handle. */
export async function registerApplicationRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/agencies/:agencyId/applications',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['applications'],
        summary: '登记一件政府信息公开申请：返回受理编号、申请人查询码（只显示一次）和答复期限',
        params: agencyParams,
        body: registerApplicationBody,
        response: { 201: registeredResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await checkAgencyAccess(app.db, user, agencyId, 'application', 'handle');
      const now = currentMoment(app);
      // The body was validated with the registration schema itself (registerApplicationBody).
      const { application, followUpCode, deadlines } = await registerValidApplicationInGroup(
        app.db,
        { ...request.body, agencyId },
        actorOf(user),
        now,
      );
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        application: presentApplication(application, now.today),
        ...presentDeadlines(deadlines, application),
        followUpCode,
      });
    },
  );

  api.get(
    '/agencies/:agencyId/applications',
    {
      schema: {
        tags: ['applications'],
        summary: '本机关的申请（申请人姓名脱敏；可按状态、到期日、年度、关键词筛选，分页）',
        params: agencyParams,
        querystring: listApplicationsQuery,
        response: { 200: applicationListResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await checkAgencyAccess(app.db, user, agencyId, 'application', 'read');
      const { limit, offset, sort, status, dueBefore, year, q, answeredLate } = request.query;
      const today = currentMoment(app).today;
      const list = await listApplications(
        app.db,
        agencyId,
        {
          ...(status !== undefined ? { status: status === 'open' ? OPEN_APPLICATION_STATUSES : status } : {}),
          ...(dueBefore !== undefined ? { dueBefore } : {}),
          ...(year !== undefined ? { year } : {}),
          ...(q !== undefined ? { q } : {}),
          ...(answeredLate === 'true' ? { answeredLate: true } : {}),
        },
        { limit, offset, order: sort },
      );
      return {
        items: list.items.map((s) => presentApplicationSummary(s, today)),
        total: list.total,
        limit,
        offset,
        today,
      };
    },
  );

  api.get(
    '/agencies/:agencyId/applications/:id',
    {
      schema: {
        tags: ['applications'],
        summary: '一件申请的全部情况：办理步骤、各项期限及计算过程、审计记录（不含申请人个人信息）',
        params: applicationParams,
        response: { 200: applicationDetailResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await checkAgencyAccess(app.db, user, agencyId, 'application', 'read');
      const application = await getApplication(app.db, agencyId, id);
      if (!application) throw new AppError('NOT_FOUND', '申请不存在');
      const today = currentMoment(app).today;
      const trail = await listAuditEntries(app.db, 'application', id);
      return {
        application: presentApplication(application, today),
        ...presentDeadlines(applicationDeadlines(application, today), application),
        auditTrail: trail.map(presentApplicationAuditEntry),
        mixedOutcomeRule: await mixedOutcomeRuleOfAgency(app.db, agencyId),
      };
    },
  );

  api.get(
    '/agencies/:agencyId/applications/:id/applicant',
    {
      schema: {
        tags: ['applications'],
        summary: '申请人个人信息（仅办理机关的经办人、审核人；每次查看都记入审计日志）',
        params: applicationParams,
        response: { 200: applicantResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await checkAgencyAccess(app.db, user, agencyId, 'application', 'personal-data');
      const at = app.now();
      // Each read of personal data is audited (who, which application, when; never the data itself), in
      // the same transaction: no data leaves without its audit entry.
      const applicant = await app.db
        .transaction()
        .execute((trx) => readApplicant(trx, agencyId, id, actorOf(user), at));
      void reply.header('cache-control', 'no-store');
      return presentApplicant(applicant);
    },
  );

  api.post(
    '/agencies/:agencyId/applications/:id/events',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['applications'],
        summary: '记录一个办理步骤（补正、征求意见、收费、延期、答复、撤回……）',
        params: applicationParams,
        body: recordEventBody,
        response: { 200: applicationResponse, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await checkAgencyAccess(app.db, user, agencyId, 'application', 'handle');
      const now = currentMoment(app);
      const { event, expectedVersion } = request.body;
      const { application, deadlines } = await app.db
        .transaction()
        .execute((trx) =>
          recordApplicationEvent(trx, agencyId, id, event, expectedVersion, actorOf(user), now),
        );
      return {
        application: presentApplication(application, now.today),
        ...presentDeadlines(deadlines, application),
      };
    },
  );

  api.get(
    '/agencies/:agencyId/deadlines/summary',
    {
      schema: {
        tags: ['applications'],
        summary: '待办概况：未办结、已逾期、7日内到期的申请数',
        params: agencyParams,
        response: { 200: deadlineSummaryResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await checkAgencyAccess(app.db, user, agencyId, 'application', 'read');
      const today = currentMoment(app).today;
      const count = async (filters: Parameters<typeof listApplications>[2]) =>
        (await listApplications(app.db, agencyId, filters, { limit: 1 })).total;
      const [open, overdue, dueWithinWeek, dueDays] = await Promise.all([
        count({ status: OPEN_APPLICATION_STATUSES }),
        count({ dueBefore: today }),
        count({ dueBefore: addDays(today, DUE_SOON_DAYS) }),
        listOpenDueDays(app.db, agencyId),
      ]);
      const provisional = dueDays.filter(
        (d) => provisionalYearsBetween(d.receivedOn, d.answerDueOn).length > 0,
      ).length;
      return { today, open, overdue, dueThisWeek: dueWithinWeek - overdue, provisional };
    },
  );

  api.get(
    '/agencies/:agencyId/applications/timeliness',
    {
      schema: {
        tags: ['applications'],
        summary: '某年度的答复是否按期：作出答复件数、按期答复、逾期答复、按时答复率',
        params: agencyParams,
        querystring: timelinessQuery,
        response: { 200: timelinessResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await checkAgencyAccess(app.db, user, agencyId, 'application', 'read');
      const { year } = request.query;
      const counts = countAnswerTimeliness(await concludedInYear(app.db, agencyId, year));
      return { year, ...counts, onTimeRate: onTimeRate(counts) };
    },
  );
}
