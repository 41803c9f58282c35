import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ApiToken, listApiTokens } from '../../../store/users/api-tokens.repository.ts';
import { issueApiToken } from '../../../use-cases/users/issue-api-token.ts';
import { revokeApiToken } from '../../../use-cases/users/revoke-api-token.ts';
import { actorOf, requireSession } from '../../plugins/auth.ts';
import { errorResponses, idParams } from '../common.schema.ts';
import { createdTokenResponse, createTokenBody, tokenListResponse } from './tokens.schema.ts';

/** Never the token or its hash: the token is shown once, at creation. */
const presentApiToken = (t: ApiToken) => ({
  id: t.id,
  name: t.name,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
});

/**
 * API tokens of the signed-in user, managed from a browser session only: a token cannot mint or
 * revoke tokens, so a leaked token cannot make itself permanent.
 */
export async function registerTokenRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: '创建 API 令牌（令牌只显示这一次）',
        body: createTokenBody,
        response: { 201: createdTokenResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = requireSession(request);
      const now = app.now();
      const created = await app.db
        .transaction()
        .execute((trx) => issueApiToken(trx, user.id, request.body.name, actorOf(user), now));
      return reply.status(201).send({ token: created.token, apiToken: presentApiToken(created.apiToken) });
    },
  );

  api.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: '我的 API 令牌（名称与使用时间，不含令牌本身）',
        response: { 200: tokenListResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      const user = requireSession(request);
      return { items: (await listApiTokens(app.db, user.id)).map(presentApiToken) };
    },
  );

  api.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: '吊销我的一个 API 令牌',
        params: idParams,
        response: { 204: z.null().describe('已吊销'), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const user = requireSession(request);
      const now = app.now();
      await app.db.transaction().execute(async (trx) => {
        await revokeApiToken(trx, user.id, request.params.id, actorOf(user), now);
      });
      return reply.status(204).send(null);
    },
  );
}
