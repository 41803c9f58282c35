import { addWorkingDays, provisionalYearsBetween } from '../calendar/workdays.ts';
import type { IsoDate } from '../dates.ts';
import { ART26_WORKING_DAYS } from '../disclosures/disclosure-deadline.ts';
import { isAppError } from '../errors.ts';
import { type LabelledCount, tally } from './labelled-count.ts';
import { inYear, round1 } from './summary-arithmetic.ts';
import { INTERPRETATION_FORMS, type InterpretationForm, type WorkRecordsOfYear } from './work-records.ts';

/** The year's policy interpretations (政策解读), as sections 一（一） and （三） state them. */
export interface InterpretationsSummary {
  count: number;
  /** Interpretations using each form (one interpretation may use several forms). */
  byForm: Array<LabelledCount & { form: InterpretationForm }>;
  /** True when every interpretation has exactly one form (byForm then adds up to count). */
  singleForm: boolean;
  /** Distinct documents interpreted. */
  documentsInterpreted: number;
  byDraftingOffice: number;
  /** 行政规范性文件 issued in the year, and how many of them have an interpretation. */
  normativeIssued: number;
  normativeInterpreted: number;
  /** normativeInterpreted / normativeIssued in percent (one decimal); null when none issued. */
  coveragePercent: number | null;
  /** Interpretations of a normative document of the year: published the same day as it. */
  sameDay: number;
  /** … published within the art. 26 period (20 working days from issue, same day included). */
  withinArt26: number;
  /** … whose art. 26 period the holiday calendar cannot tell. */
  art26Unknown: number;
}

/** Form labels as counted items ("图文解读4篇"). */
const FORM_LABELS: Record<InterpretationForm, string> = {
  text: '文字解读',
  graphic: '图文解读',
  video: '视频解读',
  oneChart: '一图读懂',
  qa: '政策问答',
  pressConference: '新闻发布会解读',
  interview: '访谈解读',
  other: '其他形式解读',
};

/**
 * Published within the art. 26 period of the document's issue; null when the holiday calendar
 * cannot tell (the period is only 暂定: a year without an entered arrangement, issue 15).
 */
function within26(issuedOn: IsoDate, publishedOn: IsoDate): boolean | null {
  try {
    const due = addWorkingDays(issuedOn, ART26_WORKING_DAYS);
    if (provisionalYearsBetween(issuedOn, due).length > 0) return null;
    return publishedOn <= due;
  } catch (error) {
    if (isAppError(error) && error.code === 'CALENDAR_UNKNOWN') return null;
    throw error;
  }
}

/** The interpretations published in the year, against the normative documents issued in it. */
export function summariseInterpretations(records: WorkRecordsOfYear): InterpretationsSummary {
  const year = records.year;
  const items = records.interpretations.filter((i) => inYear(i.publishedOn, year));
  const normative = new Map(records.normativeDocumentsIssued.map((d) => [d.id, d]));
  const documentKey = (i: (typeof items)[number]) =>
    i.normativeDocumentId
      ? `n:${i.normativeDocumentId}`
      : i.disclosureId
        ? `d:${i.disclosureId}`
        : `t:${i.documentTitle}`;
  let sameDay = 0;
  let withinArt26 = 0;
  let art26Unknown = 0;
  for (const i of items) {
    const doc = i.normativeDocumentId ? normative.get(i.normativeDocumentId) : undefined;
    if (!doc) continue;
    if (i.publishedOn === doc.issuedOn) sameDay += 1;
    const ok = within26(doc.issuedOn, i.publishedOn);
    if (ok === null) art26Unknown += 1;
    else if (ok) withinArt26 += 1;
  }
  const interpretedNormative = new Set(
    items.map((i) => i.normativeDocumentId).filter((id): id is string => id !== null && normative.has(id)),
  );
  const forms = items.flatMap((i) => [...new Set(i.forms)]);
  return {
    count: items.length,
    byForm: tally(INTERPRETATION_FORMS, FORM_LABELS, forms).map(({ key, ...c }) => ({ form: key, ...c })),
    singleForm: items.every((i) => new Set(i.forms).size === 1),
    documentsInterpreted: new Set(items.map(documentKey)).size,
    byDraftingOffice: items.filter((i) => i.byDraftingOffice).length,
    normativeIssued: normative.size,
    normativeInterpreted: interpretedNormative.size,
    coveragePercent: normative.size === 0 ? null : round1((interpretedNormative.size / normative.size) * 100),
    sameDay,
    withinArt26,
    art26Unknown,
  };
}
