import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_FORMATS } from '../../../documents/export/regional-export-file.ts';
import { exportRegion } from '../../../use-cases/region/export-region.ts';
import { authorizeRegionCode } from '../../access/authorize-region.ts';
import { requireUser } from '../../plugins/auth.ts';
import { errorResponses } from '../common.schema.ts';
import { exportParams, exportQuery } from './exports.schema.ts';

/** Open data for evaluators: every table cell of every published report of a region and years. */
export async function registerExportRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/exports/regions/:code/reports',
    {
      schema: {
        tags: ['exports'],
        summary:
          '导出地区各机关已发布年度报告的全部表格数据：每个机关每个年度一行（列名稳定，见 docs/exports.md），CSV、XLSX 或 gongkai-report/1 JSON；不含任何个人信息',
        params: exportParams,
        querystring: exportQuery,
        response: {
          200: z.any().describe('导出的文件（CSV、XLSX 或 JSON）'),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const region = await authorizeRegionCode(app.db, user, request.params.code, 'export');
      const { from, format, headers } = request.query;
      const to = request.query.to ?? from;
      const bytes = await exportRegion(app.db, region, from, to, format, headers);
      const name = `gongkai-${region.code}-${from}-${to}${EXPORT_FORMATS[format].extension}`;
      return reply
        .header('content-type', EXPORT_FORMATS[format].contentType)
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Buffer.from(bytes));
    },
  );
}
