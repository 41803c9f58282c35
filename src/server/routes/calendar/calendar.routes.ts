import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { nextYearMissing } from '../../../core/calendar/next-year-missing.ts';
import { parseHolidayNotice } from '../../../core/calendar/parse-holiday-notice.ts';
import { listHolidayArrangements } from '../../../store/calendar/holiday-arrangements.repository.ts';
import { activateStoredCalendar, scheduleOf } from '../../../use-cases/calendar/load-holiday-calendar.ts';
import { saveHolidayArrangement } from '../../../use-cases/calendar/save-holiday-arrangement.ts';
import { authorize } from '../../access/authorize.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { errorResponses } from '../common.schema.ts';
import {
  calendarResponse,
  parseNoticeBody,
  parseNoticeResponse,
  saveCalendarBody,
  savedCalendarResponse,
} from './calendar.schema.ts';

/** The working-day calendar's holiday arrangements (issue 15): read by all staff, kept by administrators. */
export async function registerCalendarRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: '已录入的节假日安排（工作日计算依据）',
        response: { 200: calendarResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      requireUser(request);
      const { today } = currentMoment(app);
      const stored = await listHolidayArrangements(app.db);
      return {
        years: stored.map((s) => ({
          ...scheduleOf(s),
          source: s.source,
          enteredBy: s.enteredByName,
          enteredAt: s.enteredAt,
        })),
        today,
        nextYearMissing: nextYearMissing(
          today,
          stored.map((s) => s.year),
        ),
      };
    },
  );

  api.post(
    '/calendar/parse',
    {
      schema: {
        tags: ['calendar'],
        summary: '识别国务院办公厅节假日安排通知的文本（系统管理员；不保存）',
        body: parseNoticeBody,
        response: { 200: parseNoticeResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      authorize(requireUser(request), 'calendar', 'administer');
      const s = parseHolidayNotice(request.body.text);
      return { schedule: { ...s, holidays: [...s.holidays], makeUpWorkdays: [...s.makeUpWorkdays] } };
    },
  );

  api.post(
    '/calendar',
    {
      schema: {
        tags: ['calendar'],
        summary: '录入一个年度的节假日安排，并重新计算受影响的未办结申请的期限（系统管理员）',
        body: saveCalendarBody,
        response: { 201: savedCalendarResponse, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const admin = requireUser(request);
      authorize(admin, 'calendar', 'administer');
      try {
        const saved = await app.db
          .transaction()
          .execute((trx) =>
            saveHolidayArrangement(trx, request.body.schedule, actorOf(admin), currentMoment(app)),
          );
        return reply.code(201).send({ year: saved.year, recomputed: saved.recomputed });
      } finally {
        // The saved calendar, or the previous one again when the transaction failed.
        await activateStoredCalendar(app.db);
      }
    },
  );
}
