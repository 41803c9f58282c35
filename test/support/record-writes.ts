/**
 * The use-cases store tests write their fixtures with, as the app does (src/store may not import
 * src/use-cases, so its tests take them from here).
 */
export { decideCase } from '../../src/use-cases/cases/decide-case.ts';
export { fileCase } from '../../src/use-cases/cases/file-case.ts';
export { applyDisclosureItemStep } from '../../src/use-cases/disclosures/apply-disclosure-item-step.ts';
export { draftDisclosureItem } from '../../src/use-cases/disclosures/draft-disclosure-item.ts';
export { issueNormativeDocument } from '../../src/use-cases/table2-sources/issue-normative-document.ts';
export { repealNormativeDocument } from '../../src/use-cases/table2-sources/repeal-normative-document.ts';
export { saveEnforcementFigures } from '../../src/use-cases/table2-sources/save-enforcement-figures.ts';
export { createWorkRecord } from '../../src/use-cases/work-records/create-work-record.ts';
