import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  bundlePageImages,
  isPageImageName,
  refuseTooManyPages,
} from '../documents/ingest/image/page-image-bundle.ts';
import { INGEST_LIMITS } from '../documents/ingest/source-document.ts';
import { readLimitedFile } from './read-limited-file.ts';

/** The page images directly in a folder (not in its sub-folders), by name; [] when there are none. */
export function pageImagesIn(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && isPageImageName(entry.name))
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

/**
 * The page images of a folder as one scanned report (a page-image bundle, natural name order).
 * Throws AppError DOCUMENT_REFUSED when the folder has more pages than a scan may have (before
 * reading any) or a page is over the file size limit, FILE_UNREADABLE when one cannot be read.
 */
export function readPageImageFolder(dir: string): Uint8Array {
  const names = pageImagesIn(dir);
  refuseTooManyPages(names.length);
  return bundlePageImages(
    names.map((name) => ({ name, bytes: readLimitedFile(join(dir, name), INGEST_LIMITS.maxFileBytes) })),
  );
}
