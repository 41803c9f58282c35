import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import type { User } from '../../core/organisation/user.ts';
import type { Actor } from '../../store/audit/audit.repository.ts';
import { findApiToken } from '../../store/users/api-tokens.repository.ts';
import { findSession, renewSession } from '../../store/users/sessions.repository.ts';
import { isUserDisabled } from '../../store/users/users.repository.ts';
import { presentUser } from '../presenters/user.presenter.ts';

/**
 * Who is calling. Two ways in, both looked up in the database on every request (no state in the
 * process: several instances may share one PostgreSQL):
 * - a browser session: the `gongkai_session` cookie (httpOnly, SameSite=Strict, Secure over
 *   HTTPS) holds a random token whose SHA-256 is the sessions row. State-changing requests must
 *   also send the session's CSRF token in `x-csrf-token`;
 * - an API token: `Authorization: Bearer gk_…`, for scripts; no CSRF (a browser never adds that
 *   header to a cross-site request on its own).
 * A request that sends an Authorization header is never authenticated by its cookie.
 */

export const SESSION_COOKIE = 'gongkai_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * The caller as routes see it (STYLE.md habit 10: only these fields). `mustChangePassword`: until
 * the password is changed, only the routes marked `passwordChangeDue: 'allowed'` serve it.
 */
export type AuthUser = Pick<
  User,
  'id' | 'username' | 'displayName' | 'role' | 'agencyId' | 'regionId' | 'mustChangePassword'
>;

export type Authentication =
  | { via: 'session'; sessionId: string; csrfToken: string; expiresAt: string }
  | { via: 'token'; tokenId: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated staff user, or null (anonymous, unknown or expired credentials). */
    user: AuthUser | null;
    authentication: Authentication | null;
  }
  interface FastifyContextConfig {
    /** false: no CSRF check for cookie-authenticated writes (login, public tracking). */
    csrf?: boolean;
    /**
     * 'allowed': the route serves a user who must change the password first (read the session,
     * change the password, log out). Every other route that requires a user refuses it with 403.
     */
    passwordChangeDue?: 'allowed';
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function toAuthUser(user: User): AuthUser {
  return { ...presentUser(user), mustChangePassword: user.mustChangePassword };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

export function sessionTtlMs(app: FastifyInstance): number {
  return app.config.sessionTtlHours * 60 * 60 * 1000;
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.cookieSecure,
    maxAge: Math.floor(sessionTtlMs(app) / 1000),
  });
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: app.config.cookieSecure,
  });
}

async function authenticateRequest(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  request.user = null;
  request.authentication = null;
  const now = app.now();
  const header = request.headers.authorization;
  if (header !== undefined) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!bearer) return;
    const found = await findApiToken(app.db, bearer[1]!, now);
    if (!found || isUserDisabled(found.user)) return;
    request.user = toAuthUser(found.user);
    request.authentication = { via: 'token', tokenId: found.apiToken.id };
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const found = await findSession(app.db, token, now);
  if (!found || isUserDisabled(found.user)) {
    clearSessionCookie(app, reply);
    return;
  }
  let expiresAt = found.session.expiresAt;
  const ttl = sessionTtlMs(app);
  // Sliding expiry, written at most once per half-life of the session rather than on each request.
  if (Date.parse(expiresAt) - now.getTime() < ttl / 2) {
    const renewed = new Date(now.getTime() + ttl);
    await renewSession(app.db, found.session.id, renewed);
    expiresAt = renewed.toISOString();
    setSessionCookie(app, reply, token);
  }
  if (UNSAFE_METHODS.has(request.method) && request.routeOptions.config?.csrf !== false) {
    const given = request.headers[CSRF_HEADER];
    if (typeof given !== 'string' || !sameSecret(given, found.session.csrfToken)) {
      throw new AppError(
        'FORBIDDEN',
        '无权执行此操作：请求缺少有效的 CSRF 令牌（请求头 x-csrf-token），请刷新页面后重试',
      );
    }
  }
  request.user = toAuthUser(found.user);
  request.authentication = {
    via: 'session',
    sessionId: found.session.id,
    csrfToken: found.session.csrfToken,
    expiresAt,
  };
}

/** Cookies, and `request.user` on every request. Called directly on the root app (not encapsulated). */
export async function registerAuth(app: FastifyInstance): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('user', null);
  app.decorateRequest('authentication', null);
  app.addHook('onRequest', async (request, reply) => authenticateRequest(app, request, reply));
}

/**
 * The caller, or 401 UNAUTHENTICATED; 403 FORBIDDEN (details.mustChangePassword) when the caller
 * must change the password first and the route does not allow that.
 */
export function requireUser(request: FastifyRequest): AuthUser {
  if (!request.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (request.user.mustChangePassword && request.routeOptions.config?.passwordChangeDue !== 'allowed') {
    throw new AppError(
      'FORBIDDEN',
      '请先修改初始密码（POST /api/auth/password）：修改前只能查看当前会话、修改密码或退出登录',
      { mustChangePassword: true },
    );
  }
  return request.user;
}

/** The caller signed in with a browser session (not an API token): managing tokens and passwords. */
export function requireSession(request: FastifyRequest): AuthUser {
  const user = requireUser(request);
  if (request.authentication?.via !== 'session') {
    throw new AppError('FORBIDDEN', '无权用 API 令牌执行此操作：请登录后在网页中操作');
  }
  return user;
}

/** The audit log's "who": the user's id and a readable label. */
export function actorOf(user: AuthUser): Actor {
  return { userId: user.id, label: `${user.displayName}（${user.username}）` };
}
