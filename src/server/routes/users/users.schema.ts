import { z } from 'zod';
import { PASSWORD_MIN_LENGTH, PASSWORD_RULE_TEXT } from '../../../core/organisation/password-rule.ts';
import { ROLES } from '../../../core/organisation/role.ts';
import { nameText, userSchema, withoutUnsafeCharacters } from '../common.schema.ts';

export const managedUserSchema = userSchema.extend({
  disabled: z.boolean().describe('已停用：不能登录，会话与 API 令牌失效'),
  loginHeldBackUntil: z
    .string()
    .nullable()
    .describe(
      '用户列表中：连续输错密码后，某个地址对该账户的登录暂缓到何时（按“账户 + 地址”暂缓，账户本身不锁定；其他地址照常登录）；无则为 null',
    ),
  mustChangePassword: z.boolean().describe('须先修改密码（系统生成的初始密码）才能使用其他功能'),
  createdAt: z.string(),
});

const role = z.enum(ROLES, { error: '角色应为 officer、reviewer、supervisor 或 admin' });
const id = z.string().min(1).max(100);

export const createUserBody = z.strictObject({
  username: withoutUnsafeCharacters(
    z.string().regex(/^\S{2,64}$/u, { error: '用户名应为2至64个字符，不含空格' }),
    '用户名',
  ).describe('登录用的用户名'),
  displayName: nameText('姓名', 100).describe('姓名'),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, { error: `密码${PASSWORD_RULE_TEXT}` })
    .max(1024),
  role,
  agencyId: id.nullable().optional().describe('经办人、审核人必填：所属机关'),
  regionId: id.nullable().optional().describe('主管部门必填：管辖的行政区划'),
  mustChangePassword: z
    .boolean()
    .optional()
    .describe('true：密码由管理员设定，该用户登录后须先修改密码才能使用其他功能（默认 false）'),
});

export const updateUserBody = z
  .strictObject({
    role: role.optional(),
    agencyId: id.nullable().optional(),
    regionId: id.nullable().optional(),
    disabled: z.boolean().optional().describe('true 停用账户（并结束其会话），false 重新启用'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: '请至少指定一项要修改的内容' });

export const userListResponse = z.object({ items: z.array(managedUserSchema) });

export const passwordResetResponse = z.object({
  username: z.string(),
  temporaryPassword: z
    .string()
    .describe('一次性密码：只显示这一次；用户用它登录后须先修改密码，原有的登录会话和 API 令牌均已失效'),
});
