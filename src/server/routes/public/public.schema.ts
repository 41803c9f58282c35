import { z } from 'zod';

export const trackBody = z.strictObject({
  agencyId: z.string().min(1).max(100).describe('受理申请的机关（见 GET /api/agencies）'),
  trackingNumber: z.string().trim().min(1).max(40).describe('受理编号，例如 2025-0042'),
  code: z.string().trim().min(1).max(64).describe('登记时告知申请人的查询码'),
});

export const trackResponse = z.object({
  trackingNumber: z.string(),
  receivedOn: z.string().describe('收到申请之日'),
  status: z.enum(['received', 'awaiting-correction', 'consulting', 'awaiting-fee', 'concluded']),
  statusLabel: z.string(),
  answerDueOn: z.string().nullable().describe('答复期限；等待补正或中止计算期间为 null'),
  overdue: z.boolean(),
  concludedOn: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  steps: z.array(z.object({ date: z.string(), label: z.string() })).describe('办理步骤（不含任何个人信息）'),
});
