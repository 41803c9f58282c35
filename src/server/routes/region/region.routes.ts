import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import { disclosureRates } from '../../../core/region/rates.ts';
import { COPIED_SECTION_THRESHOLD, textSimilarity } from '../../../core/region/similarity.ts';
import { SECTION_LABELS } from '../../../core/rules/finding.ts';
import { checkReport } from '../../../documents/check-report.ts';
import { getAgency } from '../../../store/organisation/organisation.repository.ts';
import { mergedReportsOf } from '../../../store/region/merged-reports.ts';
import { regionHistory, regionOverview } from '../../../store/region/regional-overview.ts';
import {
  agencyReportVersions,
  getStoredReport,
  newestPublishedReport,
} from '../../../store/region/regional-reports.ts';
import { mergedCarryForwards } from '../../../store/reports/report-findings.ts';
import { reportScan, reportScans } from '../../../store/reports/report-scans.ts';
import { authorizeRegionCode, authorizeRegionId } from '../../access/authorize-region.ts';

import { requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { agencyParams, errorResponses } from '../common.schema.ts';
import {
  agencyReportsResponse,
  historyParams,
  historyQuery,
  historyResponse,
  regionOverviewResponse,
  regionYearParams,
  regionYearQuery,
  reportDetailResponse,
  reportParams,
} from './region.schema.ts';
import { registerRegionConventionsRoutes } from './region-conventions.routes.ts';
import { registerRegionSummaryRoute } from './region-summary.routes.ts';

const SECTIONS = ['overview', 'problems', 'other'] as const;

/** The supervising office (主管部门): a region's year, drilled down to agency, report and finding. */
export async function registerRegionRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  await registerRegionSummaryRoute(app);
  await registerRegionConventionsRoutes(app);

  api.get(
    '/region/regions/:code/years/:year',
    {
      schema: {
        tags: ['region'],
        summary:
          '地区年度概览：各机关年度报告的发布情况（按时、逾期、未发布、未到期限）、核查问题数、比率，地区合计及其核查',
        params: regionYearParams,
        querystring: regionYearQuery,
        response: { 200: regionOverviewResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const region = await authorizeRegionCode(app.db, user, request.params.code, 'read');
      const overview = await regionOverview(app.db, region, request.params.year, currentMoment(app).today);
      const status = request.query.status;
      const listed = status ? overview.agencies.filter((a) => a.status === status) : overview.agencies;
      const scans = await reportScans(
        app.db,
        listed.flatMap((a) => (a.report ? [a.report.reportId] : [])),
      );
      return {
        ...overview,
        agencies: listed.map((a) => ({
          ...a,
          report: a.report && { ...a.report, scan: scans.get(a.report.reportId) ?? null },
        })),
      };
    },
  );

  api.get(
    '/region/regions/:code/history',
    {
      schema: {
        tags: ['region'],
        summary: '地区历年比较：各年度地区合计的收件数、办结数、公开比例、纠错率',
        params: historyParams,
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const region = await authorizeRegionCode(app.db, user, request.params.code, 'read');
      const { from, to } = request.query;
      if (from > to || to - from > 20) {
        throw new AppError('INVALID_INPUT', '年度范围无效：起始年度不能晚于截止年度，且最多比较 21 个年度');
      }
      return {
        region: { id: region.id, code: region.code, name: region.name },
        years: await regionHistory(app.db, region, from, to),
      };
    },
  );

  api.get(
    '/region/agencies/:agencyId/reports',
    {
      schema: {
        tags: ['region'],
        summary: '一个机关历年的年度报告（每个版本的发布日期、来源、核查问题数）',
        params: agencyParams,
        response: { 200: agencyReportsResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const agency = await getAgency(app.db, request.params.agencyId);
      if (!agency) {
        await authorizeRegionId(app.db, user, user.regionId ?? '', 'read');
        throw new AppError('NOT_FOUND', '机关不存在');
      }
      await authorizeRegionId(app.db, user, agency.regionId, 'read');
      const versions = await agencyReportVersions(app.db, agency.id);
      const scans = await reportScans(
        app.db,
        versions.map((v) => v.id),
      );
      return {
        agency,
        versions: versions.map((v) => ({ ...v, scan: scans.get(v.id) ?? null })),
        mergedReports: await mergedReportsOf(app.db, agency.id),
      };
    },
  );

  api.get(
    '/region/reports/:reportId',
    {
      schema: {
        tags: ['region'],
        summary: '一份年度报告的核查结果（逐表逐格）、比率，以及各部分文字与上一年度的相似度（疑似照抄）',
        params: reportParams,
        response: { 200: reportDetailResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const stored = await getStoredReport(app.db, request.params.reportId);
      if (!stored) {
        await authorizeRegionId(app.db, user, user.regionId ?? '', 'read');
        throw new AppError('NOT_FOUND', '年度报告不存在');
      }
      await authorizeRegionId(app.db, user, stored.regionId, 'read');
      const previous = await newestPublishedReport(app.db, stored.agencyId, stored.year - 1);
      const merged = await mergedCarryForwards(app.db, stored.agencyId, stored.year);
      const findings = checkReport(stored.report, undefined, {
        ...(previous ? { previous: previous.report } : {}),
        ...(merged.length > 0 ? { merged } : {}),
      });
      const similarity = SECTIONS.map((section) => {
        const value = previous
          ? textSimilarity(stored.report.sections[section], previous.report.sections[section])
          : null;
        return {
          section,
          label: SECTION_LABELS[section],
          similarity: value,
          copied: value !== null && value >= COPIED_SECTION_THRESHOLD,
        };
      });
      return {
        id: stored.id,
        agency: { id: stored.agencyId, name: stored.agencyName },
        year: stored.year,
        version: stored.version,
        status: stored.status,
        origin: stored.origin,
        publishedOn: stored.publishedOn,
        sourceFileName: stored.sourceFileName,
        scan: await reportScan(app.db, stored.id),
        correctionReason: stored.correctionReason,
        report: stored.report,
        findings,
        summary: {
          errors: findings.filter((f) => f.severity === 'error' && f.assessable).length,
          warnings: findings.filter((f) => f.severity === 'warning' && f.assessable).length,
          infos: findings.filter((f) => f.severity === 'info' && f.assessable).length,
          notAssessable: findings.filter((f) => !f.assessable).length,
        },
        rates: disclosureRates(stored.report.table3, stored.report.table4),
        previous: previous ? { reportId: previous.id, year: previous.year, version: previous.version } : null,
        similarity,
        mergedReports: await mergedReportsOf(app.db, stored.agencyId),
      };
    },
  );
}
