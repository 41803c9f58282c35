import { AppError } from '../../core/errors.ts';
import { importFilesJob } from '../imports/import-files-job.ts';
import { readImportPreviewJob } from '../imports/read-import-preview-job.ts';
import type { AnyJobKind } from './job-kind.ts';

/**
 * Every kind of job, by name: a new kind (OCR of scanned reports, a regional export…) is one file
 * exporting a JobKind, added here.
 */
export const JOB_KINDS: Readonly<Record<string, AnyJobKind>> = Object.fromEntries(
  [importFilesJob, readImportPreviewJob].map((k) => [k.kind, k]),
);

export function jobKindOf(kind: string): AnyJobKind {
  const found = JOB_KINDS[kind];
  if (!found) throw new AppError('INTERNAL', `未知的任务类型“${kind}”`);
  return found;
}

/** The kind's label for the web and the CLI; the name itself for a kind this version does not know. */
export const jobKindLabel = (kind: string): string => JOB_KINDS[kind]?.label ?? kind;
