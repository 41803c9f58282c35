import type { IsoDate } from '../../core/dates.ts';
import {
  DISCLOSURE_ATTRIBUTE_LABELS,
  DISCLOSURE_CHANNEL_LABELS,
  DISCLOSURE_STATUS_LABELS,
  SECRECY_CONCLUSION_LABELS,
} from '../../core/disclosures/disclosure.ts';
import { disclosureDeadline } from '../../core/disclosures/disclosure-deadline.ts';
import type { StoredDisclosure } from '../../store/disclosures/disclosures.repository.ts';

/** What leaves the server of a disclosure: staff names only. */

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
