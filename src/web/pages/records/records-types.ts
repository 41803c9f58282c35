/** Shapes of the records API's answers (disclosures, normative documents, cases; see /api/openapi.json). */
import type { CaseKind, CaseResult } from '../../../core/cases/case.ts';
import type {
  DisclosureAttribute,
  DisclosureChannel,
  DisclosureStatus,
  SecrecyConclusion,
} from '../../../core/disclosures/disclosure.ts';
import type { NormativeKind } from '../../../core/records/normative-document.ts';

export interface DisclosureStepView {
  type: 'submit' | 'sectionApprove' | 'leaderApprove' | 'return' | 'publish';
  byUserId: string;
  byLabel: string;
  at: string;
  on: string;
  reason?: string;
  publishedOn?: string;
  secrecyConclusion?: string;
}

export interface DisclosureView {
  id: string;
  agencyId: string;
  title: string;
  category: string;
  channel: DisclosureChannel;
  channelLabel: string;
  documentNumber: string | null;
  attribute: DisclosureAttribute;
  attributeLabel: string;
  attributeReason: string | null;
  createdOn: string;
  dueOn: string | null;
  overdue: boolean;
  status: DisclosureStatus;
  statusLabel: string;
  publishedOn: string | null;
  drafterUserId: string;
  sectionHeadUserId: string | null;
  leaderUserId: string | null;
  secrecyReview: {
    byUserId: string;
    byLabel: string;
    at: string;
    conclusion: SecrecyConclusion;
    conclusionLabel: string;
    note: string | null;
  } | null;
  steps: DisclosureStepView[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface DisclosureList {
  items: DisclosureView[];
  total: number;
  limit: number;
  offset: number;
  today: string;
}

export interface NormativeDocumentView {
  id: string;
  agencyId: string;
  kind: NormativeKind;
  kindLabel: string;
  documentNumber: string;
  title: string;
  issuedOn: string;
  repealedOn: string | null;
  version: number;
}

export interface CaseRecordView {
  id: string;
  agencyId: string;
  applicationId: string | null;
  kind: CaseKind;
  kindLabel: string;
  caseNumber: string | null;
  filedOn: string;
  result: CaseResult | null;
  resultLabel: string;
  decidedOn: string | null;
  version: number;
}

export interface Table4View {
  agencyId: string;
  year: number;
  table4: Record<CaseKind, (number | null)[]>;
}

/** The review chain's steps as a user reads them. */
export const DISCLOSURE_STEP_LABELS: Record<DisclosureStepView['type'], string> = {
  submit: '提交审核',
  sectionApprove: '科室审核（含保密审查）',
  leaderApprove: '领导审批',
  return: '退回修改',
  publish: '发布',
};
