import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AppError } from '../core/errors.ts';
import type { ScanSource } from '../core/report/scan-source.ts';
import type { Report } from '../core/report/schema.ts';
import { IMPORT_EXTENSIONS } from '../documents/import/unpack-archive.ts';
import { isPageImageName } from '../documents/ingest/image/page-image-bundle.ts';
import type { IngestWorker } from '../documents/ingest/ingest-pool.ts';
import type { IngestResult } from '../documents/ingest/interpret/interpret-document.ts';
import { readReportDocument } from '../documents/ingest/read-document.ts';
import { INGEST_LIMITS, type ReadOptions } from '../documents/ingest/source-document.ts';
import { pageImagesIn, readPageImageFolder } from './page-image-folder.ts';
import { readLimitedFile } from './read-limited-file.ts';
import { readReportFile } from './read-report-file.ts';

/** Extensions `check` and `import` pick up when given a folder. */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.json', ...IMPORT_EXTENSIONS]);

export interface LoadedReport {
  path: string;
  report: Report;
  /** Present when the report was read from a document (not from gongkai-report/1 JSON). */
  ingest?: Omit<IngestResult, 'scan'> & { scan?: ScanSource };
  format: string;
}

/**
 * Expands folders (recursively, sorted) into the report files they hold; files are kept as given.
 * A folder holding page images is itself one report (a scan: its images are the pages).
 * Throws FILE_UNREADABLE for a given folder that holds nothing to read.
 */
export function collectFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (pageImagesIn(dir).length > 0) out.push(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (
        entry.isFile() &&
        REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase()) &&
        !isPageImageName(entry.name)
      )
        out.push(full);
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Not there: loadReport reports it with the file's name.
    }
    if (!isDir) {
      out.push(path);
      continue;
    }
    const before = out.length;
    walk(path);
    // Silence would read as "checked, nothing found": say that the folder held no report.
    if (out.length === before) {
      throw new AppError(
        'FILE_UNREADABLE',
        `${path}：文件夹中没有可读取的报告文件（可读取 ${[...REPORT_EXTENSIONS].join(' ')} 文件，或一组扫描页图片）`,
      );
    }
  }
  return out;
}

/**
 * Loads a report from a gongkai-report/1 JSON file, from a published document in any format, or
 * from a folder of page images (one scanned report).
 * Every failure is an AppError whose message starts with the file's path. A document is read by
 * `worker` when given, else in this thread with `options`.
 */
export async function loadReport(
  path: string,
  worker?: IngestWorker,
  options: ReadOptions = {},
): Promise<LoadedReport> {
  if (extname(path).toLowerCase() === '.json') return { path, report: readReportFile(path), format: 'json' };
  try {
    const bytes = isFolder(path)
      ? readPageImageFolder(path)
      : readLimitedFile(path, INGEST_LIMITS.maxFileBytes);
    const result = worker
      ? await worker.read(bytes, path, options.onPage)
      : await readReportDocument(bytes, path, options);
    return { path, report: result.report, ingest: result, format: result.format };
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, `${path}：${error.message}`, error.details);
    // A reader library failed in a way it does not describe: refuse the file, never crash the batch.
    throw new AppError(
      'DOCUMENT_REFUSED',
      `${path}：无法解析该文件（${error instanceof Error ? error.message.slice(0, 120) : '未知错误'}）`,
    );
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
