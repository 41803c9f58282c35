/**
 * The applicant's identity document (条例第二十九条第二款第（一）项: 身份证明) and the form in which
 * the information is wanted (第（三）项: 获取信息的方式、途径, and the 载体形式).
 */

export const ID_TYPES = ['resident-id', 'passport', 'uscc', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, string> = {
  'resident-id': '居民身份证',
  passport: '护照',
  uscc: '统一社会信用代码',
  other: '其他证件',
};

/** 获取信息的方式、途径. */
export const DELIVERY_METHODS = ['post', 'email', 'pickup', 'online', 'fax'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
  fax: '传真',
};

/** 载体形式. */
export const MEDIA = ['paper', 'electronic'] as const;
export type Medium = (typeof MEDIA)[number];

export const MEDIUM_LABELS: Record<Medium, string> = {
  paper: '纸质文本',
  electronic: '电子文本',
};

const RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK = '10X98765432';

/** GB 11643-1999: 17 digits (region, birth date, sequence) and a check character (0–9 or X). */
export function residentIdProblem(id: string): string | null {
  if (!/^\d{17}[\dX]$/.test(id)) return '居民身份证号码应为18位（前17位为数字，最后一位为数字或X）';
  const birth = id.slice(6, 14);
  const [y, m, d] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return `居民身份证号码中的出生日期 ${birth} 不是有效日期`;
  }
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17]) return '居民身份证号码的校验位不正确，请核对号码';
  return null;
}

/** GB 32100-2015: 18 characters of this alphabet (no I, O, S, V, Z); the last is a check character. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码. */
export function usccCheckCharacter(first17: string): string {
  const sum = USCC_WEIGHTS.reduce((a, w, i) => a + w * USCC_ALPHABET.indexOf(first17[i]!), 0);
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

export function usccProblem(code: string): string | null {
  if (code.length !== 18 || [...code].some((c) => !USCC_ALPHABET.includes(c))) {
    return '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）';
  }
  if (usccCheckCharacter(code.slice(0, 17)) !== code[17]) return '统一社会信用代码的校验位不正确，请核对代码';
  return null;
}

/** The check character of the first 17 digits of a 居民身份证 number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = RESIDENT_WEIGHTS.reduce((a, w, i) => a + w * Number(first17[i]), 0);
  return RESIDENT_CHECK[sum % 11]!;
}

/** A number written as people write it: spaces removed, letters upper-case. */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Why `number` is not a valid number of `type`, in Chinese; null when it is. */
export function idNumberProblem(type: IdType, number: string): string | null {
  switch (type) {
    case 'resident-id':
      return residentIdProblem(number);
    case 'uscc':
      return usccProblem(number);
    case 'passport':
      return /^[A-Z0-9]{5,20}$/.test(number) ? null : '护照号码应为5至20位字母或数字';
    case 'other':
      return number.length >= 2 ? null : '证件号码过短';
  }
}

/**
 * Why an applicant's identity number (as typed) is not valid for its type, in Chinese; null when it
 * is, or when none is given. Without a type, the number must be a valid 身份证 or 统一社会信用代码.
 * The one check of the registration schema and of the web's forms.
 */
export function identityProblem(
  type: IdType | null | undefined,
  raw: string | null | undefined,
): string | null {
  const number = normaliseIdNumber(raw ?? '');
  if (number === '') return null;
  const known = type ?? inferIdType(number);
  return known === null
    ? '证件号码不是有效的居民身份证号码或统一社会信用代码：请选择证件类型（护照、其他证件）或核对号码'
    : idNumberProblem(known, number);
}

/** The type of a number given without one (clients of the API before the type existed), if it is unambiguous. */
export function inferIdType(number: string): IdType | null {
  if (residentIdProblem(number) === null) return 'resident-id';
  if (usccProblem(number) === null) return 'uscc';
  return null;
}

/** “纸质文本；邮寄、电子邮件” — what the applicant asked for, as the case page and letters say it. */
export function requestedFormLabel(
  form: { media: readonly Medium[]; delivery: readonly DeliveryMethod[] } | null,
): string | null {
  if (!form || (form.media.length === 0 && form.delivery.length === 0)) return null;
  const media = form.media.map((m) => MEDIUM_LABELS[m]).join('、');
  const delivery = form.delivery.map((d) => DELIVERY_METHOD_LABELS[d]).join('、');
  return [media, delivery].filter(Boolean).join('；');
}
