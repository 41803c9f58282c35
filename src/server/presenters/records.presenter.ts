import { CASE_KIND_LABELS, CASE_RESULT_LABELS } from '../../core/cases/case.ts';
import type { IsoDate } from '../../core/dates.ts';
import {
  DISCLOSURE_ATTRIBUTE_LABELS,
  DISCLOSURE_CHANNEL_LABELS,
  DISCLOSURE_STATUS_LABELS,
  SECRECY_CONCLUSION_LABELS,
} from '../../core/disclosures/disclosure.ts';
import { disclosureDeadline } from '../../core/disclosures/disclosure-deadline.ts';
import { formatWanYuan } from '../../core/records/enforcement-figures.ts';
import { NORMATIVE_KIND_LABELS } from '../../core/records/normative-document.ts';
import type { StoredCase } from '../../store/cases/cases.repository.ts';
import type { StoredDisclosure } from '../../store/disclosures/disclosures.repository.ts';
import type { StoredEnforcementFigures } from '../../store/records/enforcement-statistics.repository.ts';
import type { StoredNormativeDocument } from '../../store/records/normative-documents.repository.ts';

/** What leaves the server of the agency's records: staff names only, no applicant data. */

export function presentDisclosure(item: StoredDisclosure, today: IsoDate) {
  const deadline = disclosureDeadline(item, today);
  return {
    id: item.id,
    agencyId: item.agencyId,
    title: item.title,
    category: item.category,
    channel: item.channel,
    channelLabel: DISCLOSURE_CHANNEL_LABELS[item.channel],
    documentNumber: item.documentNumber,
    attribute: item.attribute,
    attributeLabel: DISCLOSURE_ATTRIBUTE_LABELS[item.attribute],
    attributeReason: item.attributeReason,
    createdOn: item.createdOn,
    dueOn: deadline.dueOn,
    dueProvisional: deadline.dueProvisional,
    overdue: deadline.overdue,
    status: item.status,
    statusLabel: DISCLOSURE_STATUS_LABELS[item.status],
    publishedOn: item.publishedOn,
    drafterUserId: item.drafterUserId,
    sectionHeadUserId: item.sectionHeadUserId,
    leaderUserId: item.leaderUserId,
    secrecyReview: item.secrecyReview
      ? { ...item.secrecyReview, conclusionLabel: SECRECY_CONCLUSION_LABELS[item.secrecyReview.conclusion] }
      : null,
    steps: item.steps.map((s) => ({
      type: s.type,
      byUserId: s.byUserId,
      byLabel: s.byLabel,
      at: s.at,
      on: s.on,
      ...(s.type === 'return' ? { reason: s.reason } : {}),
      ...(s.type === 'publish' ? { publishedOn: s.publishedOn } : {}),
      ...(s.type === 'sectionApprove' ? { secrecyConclusion: s.secrecyConclusion } : {}),
    })),
    version: item.version,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

export function presentNormativeDocument(doc: StoredNormativeDocument) {
  return { ...doc, kindLabel: NORMATIVE_KIND_LABELS[doc.kind] };
}

/** The figures with the fee as an exact decimal string in 万元 (never a float). */
export function presentFigures(agencyId: string, year: number, figures: StoredEnforcementFigures | null) {
  return {
    agencyId,
    year,
    entered: figures !== null,
    licensing: figures?.licensing ?? null,
    punishment: figures?.punishment ?? null,
    coercion: figures?.coercion ?? null,
    feesWanYuan: figures?.feesWanYuanE4 == null ? null : formatWanYuan(figures.feesWanYuanE4),
    version: figures?.version ?? null,
    updatedAt: figures?.updatedAt ?? null,
  };
}

export function presentCase(c: StoredCase) {
  return {
    ...c,
    kindLabel: CASE_KIND_LABELS[c.kind],
    resultLabel: c.result === null ? '尚未审结' : CASE_RESULT_LABELS[c.result],
  };
}
