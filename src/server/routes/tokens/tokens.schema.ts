import { z } from 'zod';

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1, { error: '令牌名称不能为空' }).max(100).describe('用途，例如“年报导入脚本”'),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

export const createdTokenResponse = z.object({
  token: z.string().describe('令牌本身，只显示这一次：请求头 Authorization: Bearer <token>'),
  apiToken: apiTokenSchema,
});

export const tokenListResponse = z.object({ items: z.array(apiTokenSchema) });
