import { allowedSteps } from '../../../core/applications/allowed-steps.ts';
import type { ApplicationEvent } from '../../../core/applications/application.ts';

type EventType = ApplicationEvent['type'];

/** The steps the workspace offers in a status: exactly those the core's state machine accepts. */
export function stepsOffered(status: string): readonly EventType[] {
  return allowedSteps(status).filter((type) => STEP_FIELDS[type] !== undefined);
}

export type FieldKind =
  | 'date'
  | 'text'
  | 'longText'
  | 'int'
  | 'count'
  | 'party'
  | 'feeMethod'
  | 'outcome'
  | 'outcomes';

export interface StepField {
  /** The API's field; a dotted name is a nested one (`basis.pages` → `{ basis: { pages } }`). */
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Shown (and sent) only while another field has this value. */
  when?: { field: string; is: string };
}

const on: StepField = { name: 'on', label: '日期', kind: 'date', required: true };

/** The fields of each step, as the API's event schema names them. */
export const STEP_FIELDS: Record<EventType, StepField[]> = {
  'correction-requested': [on, { name: 'note', label: '需要补正的事项', kind: 'longText', required: false }],
  'correction-received': [on],
  'correction-lapsed': [on],
  'consultation-started': [
    on,
    { name: 'party', label: '征求意见对象', kind: 'party', required: true },
    { name: 'name', label: '第三方或机关名称', kind: 'text', required: true },
    { name: 'letterReceivedOn', label: '对方收到征求意见书之日', kind: 'date', required: false },
  ],
  'consultation-ended': [on, { name: 'opinion', label: '意见', kind: 'longText', required: false }],
  // The basis is recorded with the amount, which must be what 国办函〔2020〕109号 gives for it.
  'fee-notice': [
    on,
    { name: 'basis.method', label: '计费方式', kind: 'feeMethod', required: true },
    {
      name: 'basis.pages',
      label: '页数',
      kind: 'int',
      required: true,
      when: { field: 'basis.method', is: 'per-page' },
    },
    {
      name: 'basis.count',
      label: '本次计费的申请件数',
      kind: 'int',
      required: true,
      when: { field: 'basis.method', is: 'per-application' },
    },
    {
      name: 'basis.alreadyThisMonth',
      label: '同一申请人本月此前已申请的件数',
      kind: 'count',
      required: false,
      when: { field: 'basis.method', is: 'per-application' },
    },
    { name: 'amountYuan', label: '收费金额（元）', kind: 'int', required: true },
    { name: 'noticeReceivedOn', label: '申请人收到收费通知之日', kind: 'date', required: false },
  ],
  'fee-paid': [on],
  'fee-lapsed': [on],
  extension: [
    { name: 'approvedOn', label: '批准延期之日', kind: 'date', required: true },
    { name: 'noticeOn', label: '告知申请人之日', kind: 'date', required: true },
    { name: 'days', label: '延长工作日数（最多20）', kind: 'int', required: true },
    { name: 'approver', label: '批准人（政府信息公开工作机构负责人）', kind: 'text', required: true },
  ],
  art35: [
    { name: 'decidedOn', label: '确定之日', kind: 'date', required: true },
    { name: 'dueOn', label: '延迟答复期限', kind: 'date', required: true },
    { name: 'noticeOn', label: '告知申请人之日', kind: 'date', required: false },
  ],
  answered: [
    on,
    { name: 'outcome', label: '办理结果', kind: 'outcome', required: true },
    // A request for several items answered differently (DOMAIN.md §A.6): the other results.
    {
      name: 'secondaryOutcomes',
      label: '其他办理结果（申请多项内容且结果不同时选择）',
      kind: 'outcomes',
      required: false,
    },
  ],
  withdrawn: [on],
};
