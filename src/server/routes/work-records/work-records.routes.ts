import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { loadWorkRecordsOfYear } from '../../../store/work-records/load-work-records.ts';
import { regionWorkPage } from '../../../store/work-records/region-work-page.ts';
import { getWorkRecord, listWorkRecords } from '../../../store/work-records/work-records.repository.ts';
import { createWorkRecord } from '../../../use-cases/work-records/create-work-record.ts';
import { deleteWorkRecord } from '../../../use-cases/work-records/delete-work-record.ts';
import { updateWorkRecord } from '../../../use-cases/work-records/update-work-record.ts';
import { authorizeAgency } from '../../access/authorize-agency.ts';
import { authorizeRegionCode } from '../../access/authorize-region.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { presentWorkRecord } from '../../presenters/work-record.presenter.ts';
import { agencyParams, errorResponses } from '../common.schema.ts';
import {
  agencyYearParams,
  createWorkRecordBody,
  deleteWorkRecordQuery,
  listWorkRecordsQuery,
  regionWorkQuery,
  regionWorkResponse,
  regionYearParams,
  updateWorkRecordBody,
  workRecordListResponse,
  workRecordParams,
  workRecordSchema,
  workRecordsOfYearSchema,
} from './work-records.schema.ts';

/**
 * The work behind sections 一 and 六 of the annual report (interpretations, open days, 建议提案,
 * training, meetings, accountability, channels, the year's figures and 工作要点 tasks): entered by
 * the agency's officers and reviewers, read by them, the supervising office of the region and admins.
 */
export async function registerWorkRecordRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/agencies/:agencyId/work-records',
    {
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['work-records'],
        summary:
          '录入一条工作记录（政策解读、政府开放日、建议提案、培训、会议、责任追究、平台、年度数据、工作要点任务）',
        params: agencyParams,
        body: createWorkRecordBody,
        response: { 201: workRecordSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'work-record', 'handle');
      const now = currentMoment(app);
      const record = await app.db
        .transaction()
        .execute((trx) => createWorkRecord(trx, agencyId, request.body, actorOf(user), now));
      return reply.status(201).send(presentWorkRecord(record));
    },
  );

  api.get(
    '/agencies/:agencyId/work-records',
    {
      schema: {
        tags: ['work-records'],
        summary: '机关的工作记录（可按类别、年度筛选）',
        params: agencyParams,
        querystring: listWorkRecordsQuery,
        response: { 200: workRecordListResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'work-record', 'read');
      const { kind, year } = request.query;
      const items = await listWorkRecords(app.db, agencyId, {
        ...(kind !== undefined ? { kind } : {}),
        ...(year !== undefined ? { year } : {}),
      });
      return { items: items.map(presentWorkRecord) };
    },
  );

  api.get(
    '/agencies/:agencyId/work-records/:id',
    {
      schema: {
        tags: ['work-records'],
        summary: '一条工作记录',
        params: workRecordParams,
        response: { 200: workRecordSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'work-record', 'read');
      const record = await getWorkRecord(app.db, agencyId, id);
      if (!record) throw new AppError('NOT_FOUND', '工作记录不存在');
      return presentWorkRecord(record);
    },
  );

  api.put(
    '/agencies/:agencyId/work-records/:id',
    {
      bodyLimit: 512 * 1024,
      schema: {
        tags: ['work-records'],
        summary: '修改一条工作记录（类别不能修改；带读取时的 version）',
        params: workRecordParams,
        body: updateWorkRecordBody,
        response: { 200: workRecordSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'work-record', 'handle');
      const now = currentMoment(app);
      const { expectedVersion, ...record } = request.body;
      const updated = await app.db
        .transaction()
        .execute((trx) => updateWorkRecord(trx, agencyId, id, record, expectedVersion, actorOf(user), now));
      return presentWorkRecord(updated);
    },
  );

  api.delete(
    '/agencies/:agencyId/work-records/:id',
    {
      schema: {
        tags: ['work-records'],
        summary: '删除一条误录的工作记录（带读取时的 version；审计日志保留原记录）',
        params: workRecordParams,
        querystring: deleteWorkRecordQuery,
        response: {
          204: z.null().describe('已删除'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'work-record', 'handle');
      const now = currentMoment(app);
      const { expectedVersion } = request.query;
      await app.db
        .transaction()
        .execute((trx) => deleteWorkRecord(trx, agencyId, id, expectedVersion, actorOf(user), now));
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/agencies/:agencyId/work-records-of-year/:year',
    {
      schema: {
        tags: ['work-records'],
        summary: '机关某年度的全部工作记录及主动公开、规范性文件台账的统计（起草年度报告第一、六部分所据）',
        params: agencyYearParams,
        response: { 200: workRecordsOfYearSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, year } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'work-record', 'read');
      return loadWorkRecordsOfYear(app.db, agencyId, year);
    },
  );

  api.get(
    '/region/regions/:code/years/:year/work',
    {
      schema: {
        tags: ['region'],
        summary: '地区某年度各机关的工作记录（主管部门：本地区及下级地区的机关），分页；合计为全地区所有机关',
        params: regionYearParams,
        querystring: regionWorkQuery,
        response: { 200: regionWorkResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const region = await authorizeRegionCode(app.db, user, request.params.code, 'read');
      const { limit, offset, noOpenDay, unpublishedResults } = request.query;
      const page = await regionWorkPage(
        app.db,
        region.code,
        request.params.year,
        { noOpenDay: noOpenDay === 'true', unpublishedResults: unpublishedResults === 'true' },
        { limit, offset },
      );
      return { ...page, limit, offset };
    },
  );
}
