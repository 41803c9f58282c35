import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../core/errors.ts';
import type { Role } from '../../../core/organisation/role.ts';
import type { StoreDb } from '../../../store/dialect.ts';
import { getAgency, getRegion } from '../../../store/organisation/organisation.repository.ts';
import { deleteApiTokensOfUser } from '../../../store/users/api-tokens.repository.ts';
import { deleteSessionsOfUser } from '../../../store/users/sessions.repository.ts';
import {
  changeUserRole,
  createUser,
  getUser,
  listUsers,
  setUserDisabled,
  setUserPassword,
} from '../../../store/users/users.repository.ts';
import { auditUser } from '../../../use-cases/users/audit-user.ts';
import { authorize } from '../../access/authorize.ts';
import { generateOneTimePassword } from '../../bootstrap/one-time-password.ts';
import { actorOf, requireUser } from '../../plugins/auth.ts';
import { loginHoldsByAccount } from '../../plugins/login-throttle.ts';
import { presentManagedUser } from '../../presenters/user.presenter.ts';
import { errorResponses, idParams } from '../common.schema.ts';
import {
  createUserBody,
  managedUserSchema,
  passwordResetResponse,
  updateUserBody,
  userListResponse,
} from './users.schema.ts';

/** The agency or region a role needs must exist (the store would otherwise fail on the foreign key). */
async function checkScopeExists(
  db: StoreDb,
  role: Role,
  agencyId: string | null | undefined,
  regionId: string | null | undefined,
): Promise<void> {
  if ((role === 'officer' || role === 'reviewer') && agencyId && !(await getAgency(db, agencyId))) {
    throw new AppError('NOT_FOUND', '所属机关不存在');
  }
  if (role === 'supervisor' && regionId && !(await getRegion(db, regionId))) {
    throw new AppError('NOT_FOUND', '管辖的行政区划不存在');
  }
}

/** Staff accounts, for administrators. Every change is audited with the account before and after. */
export async function registerUserRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '全部用户（系统管理员）',
        response: { 200: userListResponse, ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(requireUser(request), 'user', 'administer');
      const holds = await loginHoldsByAccount(app.db, app.now());
      return { items: (await listUsers(app.db)).map((user) => presentManagedUser(user, holds.get(user.id))) };
    },
  );

  api.post(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: '新建用户（系统管理员）',
        body: createUserBody,
        response: { 201: managedUserSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const admin = requireUser(request);
      authorize(admin, 'user', 'administer');
      const body = request.body;
      const now = app.now();
      const agencyId = body.role === 'officer' || body.role === 'reviewer' ? (body.agencyId ?? null) : null;
      const regionId = body.role === 'supervisor' ? (body.regionId ?? null) : null;
      const user = await app.db.transaction().execute(async (trx) => {
        await checkScopeExists(trx, body.role, agencyId, regionId);
        const created = await createUser(trx, { ...body, agencyId, regionId }, now);
        await auditUser(trx, actorOf(admin), now, {
          userId: created.id,
          action: 'create',
          after: presentManagedUser(created),
        });
        return created;
      });
      return reply.status(201).send(presentManagedUser(user));
    },
  );

  api.patch(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改用户的角色与范围，或停用、启用账户（系统管理员）',
        params: idParams,
        body: updateUserBody,
        response: { 200: managedUserSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      authorize(admin, 'user', 'administer');
      const { id } = request.params;
      const body = request.body;
      if (id === admin.id && (body.disabled === true || (body.role !== undefined && body.role !== 'admin'))) {
        throw new AppError('CONFLICT', '不能停用自己的账户或取消自己的管理员角色');
      }
      const now = app.now();
      const user = await app.db.transaction().execute(async (trx) => {
        const before = await getUser(trx, id);
        if (!before) throw new AppError('NOT_FOUND', '用户不存在');
        let after = before;
        if (body.role !== undefined || body.agencyId !== undefined || body.regionId !== undefined) {
          const role = body.role ?? before.role;
          const agencyId = body.agencyId !== undefined ? body.agencyId : before.agencyId;
          const regionId = body.regionId !== undefined ? body.regionId : before.regionId;
          await checkScopeExists(trx, role, agencyId, regionId);
          after = await changeUserRole(trx, id, { role, agencyId, regionId });
        }
        if (body.disabled !== undefined) {
          after = await setUserDisabled(trx, id, body.disabled);
          if (body.disabled) {
            await deleteSessionsOfUser(trx, id);
            await deleteApiTokensOfUser(trx, id);
          }
        }
        await auditUser(trx, actorOf(admin), now, {
          userId: id,
          action: 'update',
          before: presentManagedUser(before),
          after: presentManagedUser(after),
        });
        return after;
      });
      return presentManagedUser(user);
    },
  );
  api.post(
    '/users/:id/password-reset',
    {
      schema: {
        tags: ['users'],
        summary:
          '重置用户的密码（系统管理员）：生成一次性密码，用户登录后须先修改；其登录会话和 API 令牌随即失效',
        params: idParams,
        response: { 200: passwordResetResponse, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const admin = requireUser(request);
      authorize(admin, 'user', 'administer');
      const { id } = request.params;
      if (id === admin.id) throw new AppError('CONFLICT', '不能重置自己的密码：请在“修改密码”中修改');
      const now = app.now();
      const temporaryPassword = generateOneTimePassword();
      const user = await app.db.transaction().execute(async (trx) => {
        const before = await getUser(trx, id);
        if (!before) throw new AppError('NOT_FOUND', '用户不存在');
        await setUserPassword(trx, id, temporaryPassword, { temporary: true });
        await deleteSessionsOfUser(trx, id);
        await deleteApiTokensOfUser(trx, id);
        const after = (await getUser(trx, id)) ?? before;
        // The audit says that the password was reset, never the password.
        await auditUser(trx, actorOf(admin), now, {
          userId: id,
          action: 'password-reset',
          before: presentManagedUser(before),
          after: presentManagedUser(after),
        });
        return after;
      });
      return { username: user.username, temporaryPassword };
    },
  );
}
