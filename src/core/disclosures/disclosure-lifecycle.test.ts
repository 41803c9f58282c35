import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type {
  Disclosure,
  DisclosureActor,
  DisclosureContent,
  DisclosureStatus,
  DisclosureStepInput,
} from './disclosure.ts';
import { applyDisclosureStep, draftDisclosure, editDisclosure } from './disclosure-lifecycle.ts';

const TODAY = '2025-03-20';
const NOW = '2025-03-20T02:00:00.000Z';
const officer: DisclosureActor = { userId: 'u-officer', label: '经办人甲', role: 'officer' };
const sectionHead: DisclosureActor = { userId: 'u-head', label: '科长乙', role: 'reviewer' };
const leader: DisclosureActor = { userId: 'u-leader', label: '局长丙', role: 'reviewer' };
const supervisor: DisclosureActor = { userId: 'u-sup', label: '主管部门丁', role: 'supervisor' };
const admin: DisclosureActor = { userId: 'u-admin', label: '管理员', role: 'admin' };

const CONTENT: DisclosureContent = {
  title: '关于调整城市公交票价的通知',
  category: '政策文件',
  channel: 'website',
  documentNumber: '中卫交发〔2025〕3号',
  attribute: 'proactive',
  attributeReason: null,
  createdOn: '2025-03-03',
};

const STEPS: Record<DisclosureStepInput['type'], DisclosureStepInput> = {
  submit: { type: 'submit' },
  sectionApprove: { type: 'sectionApprove', secrecyConclusion: 'publishable' },
  leaderApprove: { type: 'leaderApprove' },
  return: { type: 'return', reason: '请补充文号' },
  publish: { type: 'publish', publishedOn: '2025-03-20' },
};

/** An item brought to `status` through the chain. */
function itemIn(status: DisclosureStatus, content: DisclosureContent = CONTENT): Disclosure {
  let item = draftDisclosure(content, officer, TODAY);
  const path: Array<[DisclosureStepInput, DisclosureActor]> = [
    [STEPS.submit, officer],
    [STEPS.sectionApprove, sectionHead],
    [STEPS.leaderApprove, leader],
    [STEPS.publish, officer],
  ];
  const order: DisclosureStatus[] = ['draft', 'submitted', 'sectionApproved', 'approved', 'published'];
  for (const [step, actor] of path.slice(0, order.indexOf(status))) {
    item = applyDisclosureStep(item, step, actor, NOW, TODAY);
  }
  expect(item.status).toBe(status);
  return item;
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/**
 * The whole matrix, written by hand: for each status and step, the status it leads to when taken
 * by the right role, or the error. Wrong roles are always FORBIDDEN.
 */
const EXPECTED: Record<
  DisclosureStatus,
  Record<DisclosureStepInput['type'], DisclosureStatus | 'CONFLICT'>
> = {
  draft: {
    submit: 'submitted',
    sectionApprove: 'CONFLICT',
    leaderApprove: 'CONFLICT',
    return: 'CONFLICT',
    publish: 'CONFLICT',
  },
  submitted: {
    submit: 'CONFLICT',
    sectionApprove: 'sectionApproved',
    leaderApprove: 'CONFLICT',
    return: 'draft',
    publish: 'CONFLICT',
  },
  sectionApproved: {
    submit: 'CONFLICT',
    sectionApprove: 'CONFLICT',
    leaderApprove: 'approved',
    return: 'draft',
    publish: 'CONFLICT',
  },
  approved: {
    submit: 'CONFLICT',
    sectionApprove: 'CONFLICT',
    leaderApprove: 'CONFLICT',
    return: 'CONFLICT',
    publish: 'published',
  },
  published: {
    submit: 'CONFLICT',
    sectionApprove: 'CONFLICT',
    leaderApprove: 'CONFLICT',
    return: 'CONFLICT',
    publish: 'CONFLICT',
  },
};
const RIGHT_ROLE: Record<DisclosureStepInput['type'], DisclosureActor> = {
  submit: officer,
  sectionApprove: sectionHead,
  leaderApprove: leader,
  return: sectionHead,
  publish: officer,
};
const EVERYONE = [officer, sectionHead, supervisor, admin];

describe('applyDisclosureStep', () => {
  for (const [status, row] of Object.entries(EXPECTED) as Array<
    [DisclosureStatus, (typeof EXPECTED)['draft']]
  >) {
    for (const [type, expected] of Object.entries(row) as Array<
      [DisclosureStepInput['type'], DisclosureStatus | 'CONFLICT']
    >) {
      const right = RIGHT_ROLE[type];
      it(`${type} from ${status}: ${expected} for the right role, FORBIDDEN for the others`, () => {
        const item = itemIn(status);
        if (expected === 'CONFLICT') {
          expect(codeOf(() => applyDisclosureStep(item, STEPS[type], right, NOW, TODAY))).toBe('CONFLICT');
        } else {
          const next = applyDisclosureStep(item, STEPS[type], right, NOW, TODAY);
          expect(next.status).toBe(expected);
          expect(next.steps.at(-1)).toMatchObject({ type, byUserId: right.userId, at: NOW, on: TODAY });
        }
        for (const actor of EVERYONE.filter((a) => a.role !== right.role)) {
          expect(
            codeOf(() => applyDisclosureStep(item, STEPS[type], actor, NOW, TODAY)),
            actor.role,
          ).toBe('FORBIDDEN');
        }
      });
    }
  }

  it('records the 保密审查 (who, when, conclusion) with the section head approval', () => {
    const item = applyDisclosureStep(
      itemIn('submitted'),
      { type: 'sectionApprove', secrecyConclusion: 'publishableAfterRedaction', secrecyNote: ' 删除附件二 ' },
      sectionHead,
      NOW,
      TODAY,
    );
    expect(item.secrecyReview).toEqual({
      byUserId: 'u-head',
      byLabel: '科长乙',
      at: NOW,
      conclusion: 'publishableAfterRedaction',
      note: '删除附件二',
    });
    expect(item.sectionHeadUserId).toBe('u-head');
  });

  it('refuses the leader approval by the user who approved as section head', () => {
    const item = itemIn('sectionApproved');
    expect(codeOf(() => applyDisclosureStep(item, STEPS.leaderApprove, sectionHead, NOW, TODAY))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses to pass a 主动公开 item the secrecy review finds not publishable', () => {
    const step: DisclosureStepInput = { type: 'sectionApprove', secrecyConclusion: 'notPublishable' };
    expect(codeOf(() => applyDisclosureStep(itemIn('submitted'), step, sectionHead, NOW, TODAY))).toBe(
      'INVALID_INPUT',
    );
    const withheld = itemIn('submitted', {
      ...CONTENT,
      attribute: 'withheld',
      attributeReason: '涉及国家秘密（条例第十四条）',
    });
    expect(applyDisclosureStep(withheld, step, sectionHead, NOW, TODAY).status).toBe('sectionApproved');
  });

  it('clears approvals and the secrecy record when an item is returned, and needs a reason', () => {
    const returned = applyDisclosureStep(itemIn('sectionApproved'), STEPS.return, leader, NOW, TODAY);
    expect(returned).toMatchObject({ status: 'draft', sectionHeadUserId: null, secrecyReview: null });
    expect(returned.steps.map((s) => s.type)).toEqual(['submit', 'sectionApprove', 'return']);
    expect(
      codeOf(() =>
        applyDisclosureStep(itemIn('submitted'), { type: 'return', reason: '  ' }, leader, NOW, TODAY),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('publishes only 主动公开 items, on a day between approval and today', () => {
    const onRequest = itemIn('approved', {
      ...CONTENT,
      attribute: 'onRequest',
      attributeReason: '仅涉及特定对象',
    });
    expect(codeOf(() => applyDisclosureStep(onRequest, STEPS.publish, officer, NOW, TODAY))).toBe('CONFLICT');
    const item = itemIn('approved');
    const on = (publishedOn: string) => () =>
      applyDisclosureStep(item, { type: 'publish', publishedOn }, officer, NOW, TODAY);
    expect(codeOf(on('2025-03-19'))).toBe('INVALID_INPUT'); // before the leader's approval (today)
    expect(codeOf(on('2025-03-21'))).toBe('INVALID_INPUT'); // after today
    expect(codeOf(on('2025-02-30'))).toBe('INVALID_DATE');
    expect(on('2025-03-20')().publishedOn).toBe('2025-03-20');
  });
});

describe('draftDisclosure and editDisclosure', () => {
  it('lets only officers draft, and requires a reason unless 主动公开', () => {
    expect(codeOf(() => draftDisclosure(CONTENT, sectionHead, TODAY))).toBe('FORBIDDEN');
    expect(codeOf(() => draftDisclosure({ ...CONTENT, attribute: 'withheld' }, officer, TODAY))).toBe(
      'INVALID_INPUT',
    );
    expect(
      draftDisclosure({ ...CONTENT, attributeReason: '无需理由' }, officer, TODAY).attributeReason,
    ).toBeNull();
    expect(codeOf(() => draftDisclosure({ ...CONTENT, createdOn: '2025-03-21' }, officer, TODAY))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => draftDisclosure({ ...CONTENT, channel: 'tv' as never }, officer, TODAY))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(() => draftDisclosure({ ...CONTENT, title: ' ' }, officer, TODAY))).toBe('INVALID_INPUT');
  });

  it('edits only drafts, by an officer; a published item is locked', () => {
    const changed = { ...CONTENT, title: '关于调整城市公交票价的通知（修订）' };
    expect(editDisclosure(itemIn('draft'), changed, officer, TODAY).title).toBe(changed.title);
    expect(codeOf(() => editDisclosure(itemIn('draft'), changed, sectionHead, TODAY))).toBe('FORBIDDEN');
    for (const status of ['submitted', 'sectionApproved', 'approved', 'published'] as const) {
      expect(
        codeOf(() => editDisclosure(itemIn(status), changed, officer, TODAY)),
        status,
      ).toBe('CONFLICT');
    }
  });
});
