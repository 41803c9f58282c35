import type { DeliveryMethod, Medium } from './applicant-identity.ts';
import { MEDIUM_LABELS } from './applicant-identity.ts';

/** How the information reaches the applicant by each method, as an answer letter says it (art. 36 (1)–(2)). */
const DELIVERY_WORDING: Record<DeliveryMethod, string> = {
  post: '随本答复书一并邮寄送达',
  email: '通过电子邮件发送至申请时提供的电子邮箱',
  pickup: '请持本答复书到本机关当面领取',
  online: '可在本机关门户网站“政府信息公开”栏目获取',
  fax: '通过传真发送至申请时提供的传真号码',
};

/**
 * The answer letter's “获取信息的方式、途径”, drafted from what the applicant asked for (条例第二十九条
 * 第二款第（三）项), for the officer to correct: “以纸质文本形式随本答复书一并邮寄送达”. Several methods
 * asked for are offered as alternatives (“，或…”). Null when the applicant stated neither form nor method.
 */
export function suggestedObtainWording(
  form: { media: readonly Medium[]; delivery: readonly DeliveryMethod[] } | null,
): string | null {
  if (!form || (form.media.length === 0 && form.delivery.length === 0)) return null;
  const media = form.media.length > 0 ? `以${form.media.map((m) => MEDIUM_LABELS[m]).join('和')}形式` : '';
  if (form.delivery.length === 0) return `${media}提供`;
  return `${media}${form.delivery.map((d) => DELIVERY_WORDING[d]).join('，或')}`;
}
