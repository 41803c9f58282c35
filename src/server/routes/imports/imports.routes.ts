import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { isJobFinished } from '../../../core/jobs/job.ts';
import { sourcesOfBytes } from '../../../documents/import/import-sources.ts';
import { IngestWorker } from '../../../documents/ingest/ingest-pool.ts';
import type { StoreDb } from '../../../store/dialect.ts';
import { getImportBatch, type ImportBatch, saveImportBatch } from '../../../store/imports/import-batches.ts';
import { filesBeingRead } from '../../../store/imports/import-files.ts';
import { planImport } from '../../../store/imports/import-plan.ts';
import { getJob } from '../../../store/jobs/jobs.repository.ts';
import { cancelImportBatch } from '../../../use-cases/imports/cancel-import-batch.ts';
import { confirmImportBatch, enqueuePreviewRead } from '../../../use-cases/imports/enqueue-import.ts';
import { readImportPreviewJob } from '../../../use-cases/imports/read-import-preview-job.ts';
import {
  authorizeRegionCode,
  authorizeRegionId,
  authorizeRegionOffice,
} from '../../access/authorize-region.ts';
import { readerOptions } from '../../config.ts';
import { REPORT_MEDIA_TYPES } from '../../http/report-media-types.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { presentJob } from '../../presenters/job.presenter.ts';
import { errorResponses } from '../common.schema.ts';
import { batchParams, previewResponse, uploadQuery } from './imports.schema.ts';

/** Largest upload: a zip of thousands of reports. */
export const IMPORT_UPLOAD_LIMIT = 200 * 1024 * 1024;

const UPLOAD_TYPES = ['application/zip', 'application/x-zip-compressed', ...REPORT_MEDIA_TYPES];

async function presentBatch(db: StoreDb, loaded: ImportBatch) {
  const job = loaded.jobId ? await getJob(db, loaded.jobId) : null;
  // The job may have finished (and saved the summary) since the batch was read: read it again.
  const batch =
    job && isJobFinished(job.state) && loaded.summary === null
      ? ((await getImportBatch(db, loaded.id)) ?? loaded)
      : loaded;
  const count = (s: string) => batch.files.filter((f) => f.status === s).length;
  const reading =
    batch.status === 'pending' && job && job.kind === readImportPreviewJob.kind && !isJobFinished(job.state)
      ? (await filesBeingRead(db, batch.id)).map((f) => ({
          state: (f.refused !== null
            ? 'refused'
            : f.planned
              ? 'read'
              : f.page !== null
                ? 'reading'
                : 'waiting') as 'refused' | 'read' | 'reading' | 'waiting',
          name: f.name,
          page: f.planned ? null : f.page,
          pages: f.planned ? null : f.pages,
        }))
      : null;
  return {
    batchId: batch.id,
    status: batch.status,
    expiresAt: batch.expiresAt,
    counts: { ready: count('ready'), duplicate: count('duplicate'), skipped: count('skipped') },
    // The parsed reports stay on the server until confirmation.
    files: batch.files.map(({ report: _report, ...f }) => ({
      ...f,
      needsAgency: f.needsAgency ?? false,
      scan: f.scan ?? null,
      pageImages: f.pageImages ?? null,
    })),
    summary: batch.summary && {
      ...batch.summary,
      files: batch.summary.files.map((f) => ({ ...f, scan: f.scan ?? null })),
    },
    job: job && presentJob(job),
    reading,
  };
}

function mappingOf(map: string | string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of map === undefined ? [] : Array.isArray(map) ? map : [map]) {
    const at = pair.indexOf('=');
    if (at <= 0 || at === pair.length - 1) {
      throw new AppError('INVALID_INPUT', `机关名称映射“${pair}”无效：应为“报告中的名称=机关名称”`);
    }
    out[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return out;
}

/**
 * Import of published reports in two steps: upload (a file or a zip) → a preview of what each
 * file is and what would happen to it → confirm (stored, audited) or cancel. Supervisors for
 * their region (and below), admins for any.
 */
export async function registerImportRoutes(app: FastifyInstance): Promise<void> {
  const worker = new IngestWorker({ ...readerOptions(app.config), concurrency: 1 });
  app.addHook('onClose', async () => worker.close());
  app.addContentTypeParser(
    UPLOAD_TYPES,
    { parseAs: 'buffer', bodyLimit: IMPORT_UPLOAD_LIMIT },
    (_req, body, done) => done(null, body),
  );
  const api = app.withTypeProvider<ZodTypeProvider>();

  const batchFor = async (user: ReturnType<typeof requireUser>, batchId: string) => {
    const batch = await getImportBatch(app.db, batchId);
    if (!batch) {
      await authorizeRegionId(app.db, user, user.regionId ?? '', 'import');
      throw new AppError('NOT_FOUND', '该批导入不存在');
    }
    await authorizeRegionId(app.db, user, batch.regionId, 'import');
    return batch;
  };

  api.post(
    '/imports',
    {
      bodyLimit: IMPORT_UPLOAD_LIMIT,
      // Refuse anonymous callers and the wrong roles before reading a body of up to 200 MB.
      onRequest: async (request) => authorizeRegionOffice(requireUser(request), 'import'),
      schema: {
        tags: ['imports'],
        summary:
          '上传已发布的年度报告（单个文件或 zip 压缩包，请求体为文件内容）：逐个读取，识别机关和年度，返回预览，待确认后入库',
        querystring: uploadQuery,
        response: { 201: previewResponse, 202: previewResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const region = await authorizeRegionCode(app.db, user, request.query.region, 'import');
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('INVALID_INPUT', '请求体应为文件内容（Content-Type 如 application/zip）');
      }
      const bytes = new Uint8Array(request.body);
      const options = {
        ...(request.query.year !== undefined ? { year: request.query.year } : {}),
        mapping: mappingOf(request.query.map),
        createAgencies: request.query.createAgencies === 'true',
      };
      const sources = sourcesOfBytes(bytes, request.query.filename, '');
      if (request.query.read === 'job') {
        const queue = await app.jobQueue();
        const batch = await enqueuePreviewRead(
          app.db,
          queue,
          { regionId: region.id, ...options },
          sources,
          actorOf(user),
          currentMoment(app),
        );
        return reply.status(202).send(await presentBatch(app.db, batch));
      }
      const files = await planImport(app.db, (b, name) => worker.read(b, name), sources, {
        regionId: region.id,
        ...options,
      });
      const batch = await saveImportBatch(
        app.db,
        region.id,
        options,
        files,
        actorOf(user),
        currentMoment(app),
      );
      return reply.status(201).send(await presentBatch(app.db, batch));
    },
  );

  api.get(
    '/imports/:batchId',
    {
      schema: {
        tags: ['imports'],
        summary: '一批导入的预览（确认后含导入结果）',
        params: batchParams,
        response: { 200: previewResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => presentBatch(app.db, await batchFor(requireUser(request), request.params.batchId)),
  );

  api.post(
    '/imports/:batchId/confirm',
    {
      bodyLimit: 4 * 1024,
      schema: {
        tags: ['imports'],
        summary:
          '确认导入：由后台任务把预览中“待导入”的报告逐份入库（已导入过的不重复入库）；返回该批导入及其任务，可轮询 GET /imports/{batchId} 查看进度和结果',
        params: batchParams,
        response: { 202: previewResponse, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const batch = await batchFor(user, request.params.batchId);
      const now = currentMoment(app);
      const queue = await app.jobQueue();
      await app.db.transaction().execute((trx) => confirmImportBatch(trx, queue, batch, actorOf(user), now));
      return reply.status(202).send(await presentBatch(app.db, (await getImportBatch(app.db, batch.id))!));
    },
  );

  api.post(
    '/imports/:batchId/cancel',
    {
      bodyLimit: 4 * 1024,
      schema: {
        tags: ['imports'],
        summary: '取消一批导入（不入库任何报告）',
        params: batchParams,
        response: { 204: z.null().describe('已取消'), ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const batch = await batchFor(user, request.params.batchId);
      const now = currentMoment(app);
      await app.db.transaction().execute((trx) => cancelImportBatch(trx, batch, actorOf(user), now));
      return reply.status(204).send(null);
    },
  );
}
