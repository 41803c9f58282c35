import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, PASSWORD_RULE_TEXT } from '../../../core/organisation/password-rule.ts';
import { userSchema } from '../common.schema.ts';

export const loginBody = z.strictObject({
  username: z.string().min(1).max(64).describe('用户名'),
  password: z.string().min(1).max(1024).describe('密码'),
});

export const sessionResponse = z.object({
  user: userSchema,
  failedLoginsBefore: z
    .number()
    .int()
    .optional()
    .describe('仅登录成功时：自上次成功登录以来本账户密码输错的次数（只告诉账户本人）'),
  mustChangePassword: z
    .boolean()
    .describe('true：须先修改密码（POST /api/auth/password），此前其他接口一律返回 403'),
  via: z.enum(['session', 'token']).describe('session：浏览器会话（Cookie）；token：API 令牌'),
  csrfToken: z
    .string()
    .nullable()
    .describe('浏览器会话的 CSRF 令牌：POST、PUT、PATCH、DELETE 请求须在请求头 x-csrf-token 中带上'),
  expiresAt: z.string().nullable().describe('会话到期时间（无操作时）'),
});

/** The new password must differ from the current one: checked by the route once the current one is right. */
export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: `新密码${PASSWORD_RULE_TEXT}` })
    .max(1024),
});
