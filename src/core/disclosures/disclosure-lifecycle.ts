import { assertAllowed } from '../access/access-policy.ts';
import { type IsoDate, parseIsoDate } from '../dates.ts';
import { AppError } from '../errors.ts';
import {
  DISCLOSURE_ATTRIBUTES,
  DISCLOSURE_CHANNELS,
  DISCLOSURE_STATUS_LABELS,
  DISCLOSURE_STEP_LABELS,
  type Disclosure,
  type DisclosureActor,
  type DisclosureContent,
  type DisclosureStatus,
  type DisclosureStepInput,
  SECRECY_CONCLUSIONS,
} from './disclosure.ts';

/**
 * Which step each status accepts. The role each step needs is the access policy's
 * (core/access/workflow-policy.ts), asked before the status.
 */
const ALLOWED: Record<DisclosureStepInput['type'], { from: DisclosureStatus[] }> = {
  submit: { from: ['draft'] },
  sectionApprove: { from: ['submitted'] },
  leaderApprove: { from: ['sectionApproved'] },
  return: { from: ['submitted', 'sectionApproved'] },
  publish: { from: ['approved'] },
};

/** The steps are decided by role alone: the agency was checked before (disclosure handle). */
function roleOnly(actor: DisclosureActor) {
  return { role: actor.role, agencyId: null, regionId: null };
}

/**
 * Checks the content of an item, `today` being the current day in China: title, category, a known
 * channel and attribute, a reason unless 主动公开 (dropped for 主动公开), a real creation date not
 * after today. Returns the trimmed content; throws INVALID_INPUT / INVALID_DATE in Chinese.
 */
export function checkDisclosureContent(content: DisclosureContent, today: IsoDate): DisclosureContent {
  const title = content.title.trim();
  if (title === '' || title.length > 500) throw new AppError('INVALID_INPUT', '信息标题应为1至500个字符');
  const category = content.category.trim();
  if (category === '' || category.length > 100)
    throw new AppError('INVALID_INPUT', '信息类别应为1至100个字符');
  if (!DISCLOSURE_CHANNELS.includes(content.channel)) {
    throw new AppError(
      'INVALID_INPUT',
      '公开渠道无效：应为 政府网站、政务微博、微信公众号、政府公报 或 其他',
    );
  }
  if (!DISCLOSURE_ATTRIBUTES.includes(content.attribute)) {
    throw new AppError('INVALID_INPUT', '公开属性无效：应为 主动公开、依申请公开 或 不予公开');
  }
  const documentNumber = content.documentNumber?.trim() || null;
  if (documentNumber !== null && documentNumber.length > 200)
    throw new AppError('INVALID_INPUT', '文号过长（最多200字）');
  const reason = content.attributeReason?.trim() || null;
  if (content.attribute !== 'proactive' && reason === null) {
    throw new AppError('INVALID_INPUT', '公开属性为依申请公开或不予公开的，应当说明理由（法律依据）');
  }
  if (reason !== null && reason.length > 2000)
    throw new AppError('INVALID_INPUT', '公开属性理由过长（最多2000字）');
  const createdOn = parseIsoDate(content.createdOn);
  if (createdOn > today) throw new AppError('INVALID_INPUT', `信息形成（变更）日期 ${createdOn} 晚于今天`);
  return {
    title,
    category,
    channel: content.channel,
    documentNumber,
    attribute: content.attribute,
    attributeReason: content.attribute === 'proactive' ? null : reason,
    createdOn,
  };
}

/** A new item in draft, written by `actor` (an officer). Throws FORBIDDEN, INVALID_INPUT. */
export function draftDisclosure(
  content: DisclosureContent,
  actor: DisclosureActor,
  today: IsoDate,
): Disclosure {
  assertAllowed(roleOnly(actor), 'disclosure-step', 'draft');
  return {
    ...checkDisclosureContent(content, today),
    status: 'draft',
    drafterUserId: actor.userId,
    sectionHeadUserId: null,
    leaderUserId: null,
    secrecyReview: null,
    publishedOn: null,
    steps: [],
  };
}

/**
 * Changes the content of an item. Only in draft (before submission, or after a return) and only
 * by an officer: once submitted the reviewers see a fixed text, and a published item is locked.
 * Throws FORBIDDEN (role), CONFLICT (status), INVALID_INPUT.
 */
export function editDisclosure(
  item: Disclosure,
  content: DisclosureContent,
  actor: DisclosureActor,
  today: IsoDate,
): Disclosure {
  assertAllowed(roleOnly(actor), 'disclosure-step', 'edit');
  if (item.status !== 'draft') {
    throw new AppError(
      'CONFLICT',
      item.status === 'published'
        ? '该信息已发布，不能修改'
        : `该信息${DISCLOSURE_STATUS_LABELS[item.status]}，不能修改（审核人退回后才能修改）`,
    );
  }
  return { ...item, ...checkDisclosureContent(content, today) };
}

/**
 * One step of the review chain (pure: `now` is the instant, `today` its day in China):
 * - submit (officer): draft → submitted;
 * - sectionApprove (reviewer, the 科室负责人) with the 保密审查 conclusion: submitted →
 *   sectionApproved; a 主动公开 item found 不得公开 cannot pass (return it instead);
 * - leaderApprove (reviewer, the 分管领导, not the user who approved as section head):
 *   sectionApproved → approved;
 * - return (reviewer) with a reason: submitted or sectionApproved → draft, approvals cleared;
 * - publish (officer) on a day not before creation nor approval, not after today; only 主动公开 items.
 * Throws FORBIDDEN (wrong role or same user), CONFLICT (step not allowed now), INVALID_INPUT.
 */
export function applyDisclosureStep(
  item: Disclosure,
  step: DisclosureStepInput,
  actor: DisclosureActor,
  now: string,
  today: IsoDate,
): Disclosure {
  const rule = ALLOWED[step.type];
  if (!rule) throw new AppError('INVALID_INPUT', '审核步骤无效');
  assertAllowed(roleOnly(actor), 'disclosure-step', step.type);
  if (!rule.from.includes(item.status)) {
    throw new AppError(
      'CONFLICT',
      `该信息当前状态为“${DISCLOSURE_STATUS_LABELS[item.status]}”，不能${DISCLOSURE_STEP_LABELS[step.type]}`,
    );
  }
  const record = { byUserId: actor.userId, byLabel: actor.label, at: now, on: today };
  switch (step.type) {
    case 'submit':
      return { ...item, status: 'submitted', steps: [...item.steps, { type: 'submit', ...record }] };
    case 'sectionApprove': {
      if (!SECRECY_CONCLUSIONS.includes(step.secrecyConclusion)) {
        throw new AppError('INVALID_INPUT', '保密审查结论无效');
      }
      if (item.attribute === 'proactive' && step.secrecyConclusion === 'notPublishable') {
        throw new AppError(
          'INVALID_INPUT',
          '保密审查结论为不得公开，不能按主动公开审核通过：请退回经办人修改公开属性',
        );
      }
      const note = step.secrecyNote?.trim() || null;
      if (note !== null && note.length > 2000)
        throw new AppError('INVALID_INPUT', '保密审查意见过长（最多2000字）');
      return {
        ...item,
        status: 'sectionApproved',
        sectionHeadUserId: actor.userId,
        secrecyReview: {
          byUserId: actor.userId,
          byLabel: actor.label,
          at: now,
          conclusion: step.secrecyConclusion,
          note,
        },
        steps: [
          ...item.steps,
          { type: 'sectionApprove', secrecyConclusion: step.secrecyConclusion, secrecyNote: note, ...record },
        ],
      };
    }
    case 'leaderApprove':
      if (actor.userId === item.sectionHeadUserId) {
        throw new AppError('FORBIDDEN', '无权办理“领导审批”：应由科室审核人以外的另一位审核人办理');
      }
      return {
        ...item,
        status: 'approved',
        leaderUserId: actor.userId,
        steps: [...item.steps, { type: 'leaderApprove', ...record }],
      };
    case 'return': {
      const reason = step.reason?.trim() ?? '';
      if (reason === '' || reason.length > 2000)
        throw new AppError('INVALID_INPUT', '退回应说明理由（1至2000字）');
      return {
        ...item,
        status: 'draft',
        sectionHeadUserId: null,
        leaderUserId: null,
        secrecyReview: null,
        steps: [...item.steps, { type: 'return', reason, ...record }],
      };
    }
    case 'publish': {
      if (item.attribute !== 'proactive') {
        throw new AppError('CONFLICT', '只有公开属性为主动公开的信息才能发布');
      }
      const publishedOn = parseIsoDate(step.publishedOn);
      const approvedOn = item.steps.findLast((s) => s.type === 'leaderApprove')?.on ?? item.createdOn;
      if (publishedOn < item.createdOn || publishedOn < approvedOn) {
        throw new AppError('INVALID_INPUT', `发布日期 ${publishedOn} 早于信息形成日期或领导审批日期`);
      }
      if (publishedOn > today) throw new AppError('INVALID_INPUT', `发布日期 ${publishedOn} 晚于今天`);
      return {
        ...item,
        status: 'published',
        publishedOn,
        steps: [...item.steps, { type: 'publish', publishedOn, ...record }],
      };
    }
  }
}
