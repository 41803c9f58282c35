import { setTimeout as sleep } from 'node:timers/promises';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { findApplicationByFollowUp } from '../../../store/applications/applications.repository.ts';
import { getAgency } from '../../../store/organisation/organisation.repository.ts';
import { registerApplicationInGroup } from '../../../use-cases/applications/register-application-in-group.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { databaseRateLimitStore } from '../../plugins/database-rate-limit-store.ts';
import { presentTracking } from '../../presenters/application.presenter.ts';
import { errorResponses } from '../common.schema.ts';
import {
  publicAgencyParams,
  publicApplyBody,
  publicApplyResponse,
  trackBody,
  trackResponse,
} from './public.schema.ts';
import { registerPublicReportRoutes } from './public-reports.routes.ts';

/** Who the audit log names for an application the applicant made online. */
const ONLINE_APPLICANT = { userId: null, label: '申请人（网上申请）' };

/** One answer for an unknown agency, an unknown number and a wrong code: nothing to tell them apart. */
export const TRACK_NOT_FOUND = '未找到该申请：请核对机关、受理编号和查询码';

/**
 * For applicants: the status of an application from its tracking number and follow-up code. No
 * login; no personal data and no third party's name in the answer. Guessing is held back by the
 * code's ~79 random bits, by answering every miss no sooner than LOGIN_FAILURE_DELAY_MS and by
 * PUBLIC_TRACK_MAX_PER_HOUR queries per client address.
 */
export async function registerPublicRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  await registerPublicReportRoutes(app);
  // Only the routes that ask for it (config.rateLimit) are limited; counted per client address in
  // the database, across every instance (behind a proxy, TRUST_PROXY makes the address the client's).
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(app) });
  const perHour = app.config.publicApplyMaxPerHour;
  const trackPerHour = app.config.publicTrackMaxPerHour;

  api.post(
    '/public/track',
    {
      config: {
        csrf: false,
        rateLimit: {
          max: trackPerHour,
          timeWindow: 60 * 60 * 1000,
          errorResponseBuilder: (_request, context) =>
            new AppError(
              'TOO_MANY_REQUESTS',
              `查询过于频繁：同一网络地址每小时最多查询 ${trackPerHour} 次，请 ${Math.max(1, Math.ceil(context.ttl / 60_000))} 分钟后再试`,
              { retryAfterSeconds: Math.ceil(context.ttl / 1000) },
            ),
        },
      },
      bodyLimit: 4 * 1024,
      schema: {
        tags: ['public'],
        summary: '申请人查询办理进度（受理编号 + 查询码），不含个人信息',
        body: trackBody,
        response: { 200: trackResponse, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const started = Date.now();
      const { agencyId, trackingNumber, code } = request.body;
      const application = await findApplicationByFollowUp(app.db, agencyId, trackingNumber, code);
      if (!application) {
        const wait = app.config.loginFailureDelayMs - (Date.now() - started);
        if (wait > 0) await sleep(wait);
        throw new AppError('NOT_FOUND', TRACK_NOT_FOUND);
      }
      void reply.header('cache-control', 'no-store');
      return presentTracking(application, currentMoment(app).today);
    },
  );

  api.post(
    '/public/agencies/:agencyId/applications',
    {
      config: {
        csrf: false,
        rateLimit: {
          max: perHour,
          timeWindow: 60 * 60 * 1000,
          errorResponseBuilder: () =>
            new AppError(
              'TOO_MANY_REQUESTS',
              `提交过于频繁：同一网络地址每小时最多网上提交 ${perHour} 件申请，请稍后再试，或通过信函、当面等方式提交`,
            ),
        },
      },
      bodyLimit: 32 * 1024,
      schema: {
        tags: ['public'],
        summary: '网上提交政府信息公开申请（无需登录）：返回受理编号和查询码（只显示一次）',
        params: publicAgencyParams,
        body: publicApplyBody,
        response: { 201: publicApplyResponse, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const { agencyId } = request.params;
      const agency = await getAgency(app.db, agencyId);
      if (!agency) throw new AppError('NOT_FOUND', '机关不存在');
      const now = currentMoment(app);
      // Submitted through the system: submission and confirmation are the same day (art. 31).
      const { application, followUpCode } = await registerApplicationInGroup(
        app.db,
        {
          ...request.body,
          applicant: { ...request.body.applicant, email: request.body.applicant.email || null },
          agencyId,
          channel: 'online',
          submittedOn: now.today,
          confirmedOn: now.today,
        },
        ONLINE_APPLICANT,
        now,
      );
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        agencyName: agency.name,
        trackingNumber: application.trackingNumber,
        followUpCode,
        receivedOn: application.receivedOn,
        answerDueOn: application.answerDueOn,
      });
    },
  );
}
