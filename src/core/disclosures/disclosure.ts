import type { IsoDate } from '../dates.ts';
import type { Role } from '../organisation/role.ts';

/**
 * The proactive disclosure register (主动公开, 条例 arts. 19–26): each item of government
 * information an agency produces, the attribute decided for it, and its review chain
 * 拟稿 (officer) → 科室审核 with 保密审查 (reviewer) → 领导审批 (another reviewer) → 发布.
 */
export const DISCLOSURE_CHANNELS = ['website', 'weibo', 'wechat', 'gazette', 'other'] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];
export const DISCLOSURE_CHANNEL_LABELS: Record<DisclosureChannel, string> = {
  website: '政府网站',
  weibo: '政务微博',
  wechat: '微信公众号',
  gazette: '政府公报',
  other: '其他',
};

/** 公开属性. Anything but 主动公开 needs its reason (legal basis). */
export const DISCLOSURE_ATTRIBUTES = ['proactive', 'onRequest', 'withheld'] as const;
export type DisclosureAttribute = (typeof DISCLOSURE_ATTRIBUTES)[number];
export const DISCLOSURE_ATTRIBUTE_LABELS: Record<DisclosureAttribute, string> = {
  proactive: '主动公开',
  onRequest: '依申请公开',
  withheld: '不予公开',
};

/** 保密审查结论. */
export const SECRECY_CONCLUSIONS = ['publishable', 'publishableAfterRedaction', 'notPublishable'] as const;
export type SecrecyConclusion = (typeof SECRECY_CONCLUSIONS)[number];
export const SECRECY_CONCLUSION_LABELS: Record<SecrecyConclusion, string> = {
  publishable: '不涉及国家秘密和敏感信息，可以公开',
  publishableAfterRedaction: '删除涉密、敏感内容后可以公开',
  notPublishable: '涉及国家秘密或敏感信息，不得公开',
};

/**
 * draft: being written (or returned for changes), editable; submitted: awaiting 科室审核;
 * sectionApproved: awaiting 领导审批; approved: the chain is complete (final for an item not
 * proactively disclosed); published: 主动公开 item published, locked.
 */
export const DISCLOSURE_STATUSES = [
  'draft',
  'submitted',
  'sectionApproved',
  'approved',
  'published',
] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = {
  draft: '拟稿',
  submitted: '待科室审核',
  sectionApproved: '待领导审批',
  approved: '已审批',
  published: '已发布',
};

/** The editable content of an item. */
export interface DisclosureContent {
  title: string;
  /** The agency's own classification (机构职能, 政策文件, 财政信息, …), free text. */
  category: string;
  channel: DisclosureChannel;
  /** 文号, when the information has one. */
  documentNumber: string | null;
  attribute: DisclosureAttribute;
  /** Required unless attribute is 'proactive' (then null). */
  attributeReason: string | null;
  /** When the information was created or changed: art. 26's 20 working days run from it. */
  createdOn: IsoDate;
}

/** Who takes a step: the user and the role the step requires of them. */
export interface DisclosureActor {
  userId: string;
  /** Readable name for the record ("王科长（wang）"); staff, never applicants. */
  label: string;
  role: Role;
}

/** A step as requested. */
export type DisclosureStepInput =
  | { type: 'submit' }
  | { type: 'sectionApprove'; secrecyConclusion: SecrecyConclusion; secrecyNote?: string | null }
  | { type: 'leaderApprove' }
  | { type: 'return'; reason: string }
  | { type: 'publish'; publishedOn: IsoDate };

/** The review chain's steps as a user reads them. */
export const DISCLOSURE_STEP_LABELS: Record<DisclosureStepInput['type'], string> = {
  submit: '提交审核',
  sectionApprove: '科室审核（含保密审查）',
  leaderApprove: '领导审批',
  return: '退回修改',
  publish: '发布',
};

/** A step as recorded: the input plus who took it, the instant and the day. */
export type DisclosureStep = DisclosureStepInput & {
  byUserId: string;
  byLabel: string;
  at: string;
  on: IsoDate;
};

/** 保密审查 record: who reviewed, when, with which conclusion. */
export interface SecrecyReview {
  byUserId: string;
  byLabel: string;
  at: string;
  conclusion: SecrecyConclusion;
  note: string | null;
}

export interface Disclosure extends DisclosureContent {
  status: DisclosureStatus;
  drafterUserId: string;
  /** 科室负责人 who approved, once they have (cleared again when the item is returned). */
  sectionHeadUserId: string | null;
  leaderUserId: string | null;
  secrecyReview: SecrecyReview | null;
  publishedOn: IsoDate | null;
  steps: DisclosureStep[];
}
