import type { Report } from '../../report/schema.ts';
import type { Finding } from '../finding.ts';
import { checkEnumerations } from './enumerations.ts';
import { checkLegalNames } from './legal-names.ts';
import { type NarrativeParagraphs, paragraphsOfReport } from './narrative-input.ts';
import { checkOwnUnitPlaceNames, type NarrativeReading } from './place-names.ts';
import { checkPlaceholders } from './placeholders.ts';
import { checkSectionFive, checkSectionSix } from './section-six.ts';
import {
  checkApplicationCount,
  checkCompletionRateClaim,
  checkNoApplicationsClaim,
  checkNoCasesClaim,
  checkNoNormativeDocumentsClaim,
} from './table-claims.ts';
import { checkWording } from './wording.ts';
import { checkAnachronisticYears, checkDatedCampaigns } from './years.ts';

/**
 * The narrative rules (N-01…N-12, S-03, S-04) over sections 一、五、六. `paragraphs` carries the
 * source location of each paragraph when the report was read from a document; without it the
 * section texts are split on newlines; `reading` says whether OCR read it (a scan).
 */
export function checkNarrative(
  report: Report,
  paragraphs: NarrativeParagraphs = paragraphsOfReport(report),
  reading: NarrativeReading = {},
): Finding[] {
  return [
    ...checkNoApplicationsClaim(report, paragraphs),
    ...checkApplicationCount(report, paragraphs),
    ...checkCompletionRateClaim(report, paragraphs),
    ...checkNoCasesClaim(report, paragraphs),
    ...checkNoNormativeDocumentsClaim(report, paragraphs),
    ...checkEnumerations(paragraphs),
    ...checkAnachronisticYears(report, paragraphs),
    ...checkDatedCampaigns(report, paragraphs),
    ...checkLegalNames(paragraphs),
    ...checkOwnUnitPlaceNames(report, paragraphs, reading),
    ...checkWording(report, paragraphs),
    ...checkPlaceholders(paragraphs),
    ...checkSectionFive(report),
    ...checkSectionSix(report),
  ];
}
