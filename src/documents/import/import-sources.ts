import { AppError } from '../../core/errors.ts';
import { bundlePageImages, isPageImageName, refuseTooManyPages } from '../ingest/image/page-image-bundle.ts';
import { type ArchiveFile, isZip, listArchive } from './unpack-archive.ts';

/**
 * What an upload (or one file on disk) holds for import: the report files of a zip — its
 * skipped entries as sources that fail with their reason, so that they appear in the summary —
 * or the file itself. The page images of one folder of the zip are ONE source (a scanned report,
 * its pages in natural name order; see groupPageImages). `label` prefixes the names of a zip's
 * entries ("reports.zip/…").
 */
export function sourcesOfBytes(bytes: Uint8Array, fileName: string, label = fileName): ArchiveFile[] {
  const lower = fileName.toLowerCase();
  if (!lower.endsWith('.zip') && !(isZip(bytes) && !lower.endsWith('.docx'))) {
    return [{ name: label, read: () => bytes }];
  }
  const { files, skipped } = listArchive(bytes);
  const prefix = label === '' ? '' : `${label}/`;
  return [
    ...groupPageImages(files, label).map((f) => ({
      ...f,
      name: f.name === '' ? label : `${prefix}${f.name}`,
    })),
    ...skipped.map((s) => ({
      name: `${prefix}${s.name}`,
      read: (): Uint8Array => {
        throw new AppError('DOCUMENT_REFUSED', s.reason);
      },
    })),
  ];
}

/**
 * Report files as they are, and the page images of each folder as one source named after the
 * folder ("2024/某县民政局/"; '' for the top folder, or “页面图片（N 页）” when `label` is '' too)
 * whose read() bundles them (page-image-bundle.ts). The page count is refused before any page is
 * inflated.
 */
export function groupPageImages(files: readonly ArchiveFile[], label = ''): ArchiveFile[] {
  const out: ArchiveFile[] = [];
  const folders = new Map<string, ArchiveFile[]>();
  for (const file of files) {
    if (!isPageImageName(file.name)) {
      out.push(file);
      continue;
    }
    const cut = Math.max(file.name.lastIndexOf('/'), file.name.lastIndexOf('\\')) + 1;
    const folder = file.name.slice(0, cut);
    if (!folders.has(folder)) folders.set(folder, []);
    folders.get(folder)!.push(file);
  }
  for (const [folder, pages] of folders) {
    out.push({
      name: folder === '' && label === '' ? `页面图片（${pages.length} 页）` : folder,
      read: () => {
        refuseTooManyPages(pages.length);
        return bundlePageImages(pages.map((p) => ({ name: p.name.slice(folder.length), bytes: p.read() })));
      },
    });
  }
  return out;
}
