import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../core/errors.ts';
import { deleteApiTokensOfUser } from '../../../store/users/api-tokens.repository.ts';
import {
  createSession,
  deleteSession,
  deleteSessionsOfUser,
} from '../../../store/users/sessions.repository.ts';
import {
  authenticate,
  findUserByUsername,
  LOCKOUT,
  type LoginResult,
  setUserPassword,
  verifyPassword,
} from '../../../store/users/users.repository.ts';
import { auditUser } from '../../../use-cases/users/audit-user.ts';
import {
  actorOf,
  clearSessionCookie,
  requireSession,
  requireUser,
  SESSION_COOKIE,
  sessionTtlMs,
  setSessionCookie,
  toAuthUser,
} from '../../plugins/auth.ts';
import { ACCOUNT_ADDRESS_BACKOFF, accountAddressKey, LoginThrottle } from '../../plugins/login-throttle.ts';
import { presentUser } from '../../presenters/user.presenter.ts';
import { errorResponses } from '../common.schema.ts';
import { changePasswordBody, loginBody, sessionResponse } from './auth.schema.ts';

/**
 * One answer for an unknown username, a wrong password and an address held back for the account:
 * nothing tells them apart, so nobody learns which accounts exist or are under attack.
 */
export const LOGIN_REFUSED = `用户名或密码错误（同一账户从同一地址连续输错${LOCKOUT.maxFailures}次后，须等待${LOCKOUT.minutes}分钟再试）`;

function refusal(result: Exclude<LoginResult, { ok: true }>): AppError {
  // 'disabled' comes only with the right password: only the owner is told.
  if (result.reason === 'disabled') return new AppError('UNAUTHENTICATED', '该账户已停用，请联系系统管理员');
  return new AppError('UNAUTHENTICATED', LOGIN_REFUSED);
}

/**
 * Login, logout, the current session and password change. Brute force is held back per account
 * and address (LOCKOUT: 5 wrong passwords for one account from one address within 15 minutes hold
 * that address back for that account, never the account: its owner still gets in from elsewhere),
 * by a per-address limit on failed logins (LOGIN_IP_MAX_FAILURES within LOGIN_IP_WINDOW_MINUTES),
 * both counted in the database, across every instance (see LoginThrottle), and by answering every failed login no sooner
 * than LOGIN_FAILURE_DELAY_MS. The wrong passwords since the last login are counted in the
 * database and told to the owner at the next successful login.
 *
 * A user who must change the password (the generated first password) is told so by the login
 * response and GET /api/session (`mustChangePassword`), and is served only by these routes.
 */
export async function registerAuthRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const throttle = new LoginThrottle(
    'login-address',
    app.config.loginIpMaxFailures,
    app.config.loginIpWindowMinutes * 60_000,
  );
  const backoff = ACCOUNT_ADDRESS_BACKOFF;

  const sessionOf = (request: FastifyRequest) => {
    const user = requireUser(request);
    const auth = request.authentication;
    return {
      user: presentUser(user),
      mustChangePassword: user.mustChangePassword,
      via: auth?.via ?? ('token' as const),
      csrfToken: auth?.via === 'session' ? auth.csrfToken : null,
      expiresAt: auth?.via === 'session' ? auth.expiresAt : null,
    };
  };

  api.post(
    '/auth/login',
    {
      config: { csrf: false, passwordChangeDue: 'allowed' },
      schema: {
        tags: ['auth'],
        summary: '登录：成功后设置会话 Cookie，返回用户与 CSRF 令牌',
        body: loginBody,
        response: { 200: sessionResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const started = Date.now();
      const now = app.now();
      // Checked and counted at once (released again on success): a burst cannot overshoot the limit.
      const retryAfterMs = await throttle.attempt(app.db, request.ip, now);
      if (retryAfterMs > 0) {
        const minutes = Math.ceil(retryAfterMs / 60_000);
        void reply.header('retry-after', String(Math.ceil(retryAfterMs / 1000)));
        throw new AppError('TOO_MANY_REQUESTS', `来自该地址的登录失败次数过多，请 ${minutes} 分钟后再试`, {
          retryAfterSeconds: Math.ceil(retryAfterMs / 1000),
        });
      }
      const { username, password } = request.body;
      const previousToken =
        request.authentication?.via === 'session' ? request.cookies[SESSION_COOKIE] : null;
      const outcome = await app.db.transaction().execute(async (trx) => {
        const before = await findUserByUsername(trx, username);
        const key = before ? accountAddressKey(before.id, request.ip) : null;
        // Checked and counted in one step (the counter row stays locked until this transaction ends).
        if (key && (await backoff.attempt(trx, key, now)) > 0) {
          // Held back: not an attempt (nothing counted), answered like a wrong password and as slowly.
          await verifyPassword(trx, username, password);
          return { result: { ok: false, reason: 'invalid' } as const, session: null };
        }
        const result = await authenticate(trx, username, password);
        if (!result.ok) {
          if (before && key && result.reason === 'invalid' && !before.disabled) {
            const heldBackUntil = await backoff.heldBackUntil(trx, key, now);
            await auditUser(trx, { userId: null, label: `登录尝试（${request.ip}）` }, now, {
              userId: before.id,
              action: heldBackUntil ? 'login-locked' : 'login-failed',
              before: { failedLogins: before.failedLogins },
              after: {
                failedLogins: before.failedLogins + 1,
                address: request.ip,
                heldBackUntil: heldBackUntil?.toISOString() ?? null,
              },
            });
          } else if (key) await backoff.release(trx, key);
          return { result, session: null };
        }
        if (key) await backoff.clear(trx, key);
        if (previousToken) await deleteSession(trx, previousToken);
        const created = await createSession(trx, result.user.id, now, sessionTtlMs(app));
        await auditUser(trx, actorOf(toAuthUser(result.user)), now, {
          userId: result.user.id,
          action: 'login',
          after: { ip: request.ip, sessionExpiresAt: created.session.expiresAt },
        });
        return { result, session: created };
      });
      if (!outcome.result.ok || !outcome.session) {
        const wait = app.config.loginFailureDelayMs - (Date.now() - started);
        if (wait > 0) await sleep(wait);
        throw refusal(outcome.result as Exclude<LoginResult, { ok: true }>);
      }
      await throttle.release(app.db, request.ip);
      setSessionCookie(app, reply, outcome.session.token);
      return {
        user: presentUser(outcome.result.user),
        failedLoginsBefore: outcome.result.failedLoginsBefore,
        mustChangePassword: outcome.result.user.mustChangePassword,
        via: 'session' as const,
        csrfToken: outcome.session.session.csrfToken,
        expiresAt: outcome.session.session.expiresAt,
      };
    },
  );

  api.post(
    '/auth/logout',
    {
      config: { passwordChangeDue: 'allowed' },
      schema: {
        tags: ['auth'],
        summary: '退出登录：结束当前会话并清除 Cookie（未登录时也返回 204）',
        response: { 204: z.null().describe('已退出'), ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const user = request.user;
      const token = request.cookies[SESSION_COOKIE];
      if (user && request.authentication?.via === 'session' && token) {
        const now = app.now();
        await app.db.transaction().execute(async (trx) => {
          await deleteSession(trx, token);
          await auditUser(trx, actorOf(user), now, { userId: user.id, action: 'logout' });
        });
      }
      clearSessionCookie(app, reply);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/session',
    {
      config: { passwordChangeDue: 'allowed' },
      schema: {
        tags: ['auth'],
        summary: '当前登录的用户、登录方式与 CSRF 令牌',
        response: { 200: sessionResponse, ...errorResponses(401) },
      },
    },
    async (request) => sessionOf(request),
  );

  api.post(
    '/auth/password',
    {
      config: { passwordChangeDue: 'allowed' },
      schema: {
        tags: ['auth'],
        summary: '修改自己的密码：结束该用户的所有会话、撤销其全部 API 令牌，并为本浏览器开始新的会话',
        body: changePasswordBody,
        response: { 200: sessionResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const user = requireSession(request);
      const now = app.now();
      // Its own transaction: a wrong current password is counted towards the lockout and stays counted.
      const check = await app.db
        .transaction()
        .execute((trx) => authenticate(trx, user.username, request.body.currentPassword));
      if (!check.ok) {
        throw check.reason === 'invalid' ? new AppError('INVALID_INPUT', '当前密码不正确') : refusal(check);
      }
      if (request.body.newPassword === request.body.currentPassword) {
        throw new AppError('INVALID_INPUT', '新密码不能与原密码相同');
      }
      const created = await app.db.transaction().execute(async (trx) => {
        await setUserPassword(trx, user.id, request.body.newPassword);
        await deleteSessionsOfUser(trx, user.id);
        await deleteApiTokensOfUser(trx, user.id);
        const session = await createSession(trx, user.id, now, sessionTtlMs(app));
        await auditUser(trx, actorOf(user), now, { userId: user.id, action: 'password-change' });
        return session;
      });
      setSessionCookie(app, reply, created.token);
      return {
        user: presentUser(user),
        mustChangePassword: false,
        via: 'session' as const,
        csrfToken: created.session.csrfToken,
        expiresAt: created.session.expiresAt,
      };
    },
  );
}
