import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MIXED_OUTCOME_RULE_LABELS,
  MIXED_OUTCOME_RULES,
  mixedOutcomeRuleOf,
} from '../../../core/applications/mixed-outcome.ts';
import type { Region } from '../../../core/organisation/region.ts';
import type { StoreDb } from '../../../store/dialect.ts';
import { mixedOutcomeRuleChain } from '../../../store/organisation/mixed-outcome-rules.ts';
import { setRegionMixedOutcomeRule } from '../../../use-cases/organisation/set-mixed-outcome-rule.ts';
import { authorizeRegionCode } from '../../access/authorize-region.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { currentMoment } from '../../plugins/clock.ts';
import { errorResponses } from '../common.schema.ts';
import { conventionsBody, conventionsResponse, regionCodeParams } from './region-conventions.schema.ts';

async function conventionsOf(db: StoreDb, region: Region) {
  const chain = await mixedOutcomeRuleChain(db, region.id);
  const setter = chain.find((link) => link.rule !== null);
  return {
    mixedOutcomes: {
      own: chain[0]?.rule ?? null,
      effective: mixedOutcomeRuleOf(chain.map((link) => link.rule)),
      from: setter ? { code: setter.code, name: setter.name } : null,
      options: MIXED_OUTCOME_RULES.map((value) => ({ value, label: MIXED_OUTCOME_RULE_LABELS[value] })),
    },
  };
}

/** A region's counting conventions (DOMAIN.md's project conventions, e.g. §A.6), inherited down the tree. */
export async function registerRegionConventionsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/region/regions/:code/conventions',
    {
      schema: {
        tags: ['region'],
        summary: '本地区的统计口径（本地区的选择、实际执行的口径及其来源）',
        params: regionCodeParams,
        response: { 200: conventionsResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const region = await authorizeRegionCode(app.db, user, request.params.code, 'read');
      return conventionsOf(app.db, region);
    },
  );

  api.put(
    '/region/regions/:code/conventions',
    {
      schema: {
        tags: ['region'],
        summary:
          '设置本地区的统计口径（本地区或上级地区的主管部门、系统管理员；记入审计日志；已记录的答复不重新计算）',
        params: regionCodeParams,
        body: conventionsBody,
        response: { 200: conventionsResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const region = await authorizeRegionCode(app.db, user, request.params.code, 'setConventions');
      const now = currentMoment(app);
      await app.db
        .transaction()
        .execute((trx) =>
          setRegionMixedOutcomeRule(trx, region, request.body.mixedOutcomes, actorOf(user), now),
        );
      return conventionsOf(app.db, region);
    },
  );
}
