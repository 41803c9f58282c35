import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { parseWanYuan } from '../../../core/table2-sources/enforcement-figures.ts';
import { parseFiguresCsv } from '../../../core/table2-sources/parse-figures-csv.ts';
import { decodeText } from '../../../documents/ingest/decode-text.ts';
import type { StoreDb } from '../../../store/dialect.ts';
import { countTable2 } from '../../../store/table2-sources/count-table2.ts';
import { getEnforcementFigures } from '../../../store/table2-sources/enforcement-statistics.repository.ts';
import {
  getNormativeDocument,
  listNormativeDocuments,
} from '../../../store/table2-sources/normative-documents.repository.ts';
import { importEnforcementFigures } from '../../../use-cases/table2-sources/import-enforcement-figures.ts';
import { issueNormativeDocument } from '../../../use-cases/table2-sources/issue-normative-document.ts';
import { repealNormativeDocument } from '../../../use-cases/table2-sources/repeal-normative-document.ts';
import { saveEnforcementFigures } from '../../../use-cases/table2-sources/save-enforcement-figures.ts';
import { authorize } from '../../access/authorize.ts';
import { authorizeAgency, mayAccessAgency } from '../../access/authorize-agency.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { presentFigures, presentNormativeDocument } from '../../presenters/table2-sources.presenter.ts';
import { agencyParams, errorResponses } from '../common.schema.ts';
import {
  documentParams,
  documentSchema,
  figuresSchema,
  importFiguresResponse,
  issueDocumentBody,
  listDocumentsQuery,
  repealDocumentBody,
  saveFiguresBody,
  table2Response,
  yearParams,
} from './table2.schema.ts';

const CSV_LIMIT = 2 * 1024 * 1024;

/**
 * What table 二 is made of: the register of 规章 / 行政规范性文件 (issue, repeal), the year's
 * 行政许可 / 行政处罚 / 行政强制 counts and 行政事业性收费 (entered, or imported from CSV), and
 * table 二 itself as counted from them.
 */
export async function registerTable2Routes(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'buffer', bodyLimit: CSV_LIMIT },
    (_req, body, done) => done(null, body),
  );
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/agencies/:agencyId/normative-documents',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['table2-sources'],
        summary: '登记本机关制发的规章或行政规范性文件',
        params: agencyParams,
        body: issueDocumentBody,
        response: { 201: documentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'normative-document', 'handle');
      const now = currentMoment(app);
      const doc = await app.db
        .transaction()
        .execute((trx) => issueNormativeDocument(trx, agencyId, request.body, actorOf(user), now));
      return reply.status(201).send(presentNormativeDocument(doc));
    },
  );

  api.get(
    '/agencies/:agencyId/normative-documents',
    {
      schema: {
        tags: ['table2-sources'],
        summary: '规章和行政规范性文件台账（可按类别、某日现行有效筛选）',
        params: agencyParams,
        querystring: listDocumentsQuery,
        response: { 200: documentSchema.array(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'normative-document', 'read');
      const { kind, inForceOn, limit, offset } = request.query;
      const docs = await listNormativeDocuments(
        app.db,
        agencyId,
        { ...(kind !== undefined ? { kind } : {}), ...(inForceOn !== undefined ? { inForceOn } : {}) },
        { limit, offset },
      );
      return docs.map(presentNormativeDocument);
    },
  );

  api.get(
    '/agencies/:agencyId/normative-documents/:id',
    {
      schema: {
        tags: ['table2-sources'],
        summary: '一件规章或行政规范性文件',
        params: documentParams,
        response: { 200: documentSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'normative-document', 'read');
      const doc = await getNormativeDocument(app.db, agencyId, id);
      if (!doc) throw new AppError('NOT_FOUND', '文件不存在');
      return presentNormativeDocument(doc);
    },
  );

  api.post(
    '/agencies/:agencyId/normative-documents/:id/repeal',
    {
      bodyLimit: 4 * 1024,
      schema: {
        tags: ['table2-sources'],
        summary: '登记文件废止',
        params: documentParams,
        body: repealDocumentBody,
        response: { 200: documentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, id } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'normative-document', 'handle');
      const now = currentMoment(app);
      const { repealedOn, expectedVersion } = request.body;
      const doc = await app.db
        .transaction()
        .execute((trx) =>
          repealNormativeDocument(trx, agencyId, id, repealedOn, expectedVersion, actorOf(user), now),
        );
      return presentNormativeDocument(doc);
    },
  );

  api.get(
    '/agencies/:agencyId/enforcement-statistics/:year',
    {
      schema: {
        tags: ['table2-sources'],
        summary: '某年度的行政许可、行政处罚、行政强制决定数和行政事业性收费（未录入的为 null）',
        params: yearParams,
        response: { 200: figuresSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, year } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'enforcement-figures', 'read');
      return presentFigures(agencyId, year, await getEnforcementFigures(app.db, agencyId, year));
    },
  );

  api.put(
    '/agencies/:agencyId/enforcement-statistics/:year',
    {
      bodyLimit: 4 * 1024,
      schema: {
        tags: ['table2-sources'],
        summary: '录入或修改某年度的统计数据（收费以万元为单位的十进制字符串）',
        params: yearParams,
        body: saveFiguresBody,
        response: { 200: figuresSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, year } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'enforcement-figures', 'handle');
      const now = currentMoment(app);
      const { licensing, punishment, coercion, feesWanYuan, expectedVersion } = request.body;
      const figures = {
        licensing,
        punishment,
        coercion,
        feesWanYuanE4: feesWanYuan === null ? null : parseWanYuan(feesWanYuan),
      };
      const saved = await app.db
        .transaction()
        .execute((trx) =>
          saveEnforcementFigures(trx, agencyId, year, figures, expectedVersion, actorOf(user), now),
        );
      return presentFigures(agencyId, year, saved);
    },
  );

  api.post(
    '/enforcement-statistics/import',
    {
      bodyLimit: CSV_LIMIT,
      schema: {
        tags: ['table2-sources'],
        summary:
          '从 CSV 导入统计数据（每行一个机关一个年度；列：机关,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）；UTF-8 或 GBK；任何一行有误则全部不导入）',
        response: { 200: importFiguresResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      authorize(user, 'enforcement-figures', 'import');
      if (!Buffer.isBuffer(request.body)) {
        throw new AppError('INVALID_INPUT', '请求体应为 CSV 文件内容（Content-Type: text/csv）');
      }
      const rows = parseFiguresCsv(decodeText(new Uint8Array(request.body)));
      const now = currentMoment(app);
      const mayWrite = async (trx: StoreDb, agencyId: string) =>
        mayAccessAgency(trx, user, agencyId, 'enforcement-figures', 'handle');
      return app.db
        .transaction()
        .execute((trx) => importEnforcementFigures(trx, rows, mayWrite, actorOf(user), now));
    },
  );

  api.get(
    '/agencies/:agencyId/table2/:year',
    {
      schema: {
        tags: ['table2-sources'],
        summary: '由台账统计的年度报告表二（主动公开政府信息情况）',
        params: yearParams,
        response: { 200: table2Response, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const { agencyId, year } = request.params;
      await authorizeAgency(app.db, user, agencyId, 'normative-document', 'read');
      return { agencyId, year, table2: await countTable2(app.db, agencyId, year) };
    },
  );
}
