import { AppError } from '../../core/errors.ts';
import { type ArchiveFile, isZip, listArchive } from './unpack-archive.ts';

/**
 * What an upload (or one file on disk) holds for import: the report files of a zip — its
 * skipped entries as sources that fail with their reason, so that they appear in the summary —
 * or the file itself. `label` prefixes the names of a zip's entries ("reports.zip/…").
 */
export function sourcesOfBytes(bytes: Uint8Array, fileName: string, label = fileName): ArchiveFile[] {
  const lower = fileName.toLowerCase();
  if (!lower.endsWith('.zip') && !(isZip(bytes) && !lower.endsWith('.docx'))) {
    return [{ name: label, read: () => bytes }];
  }
  const { files, skipped } = listArchive(bytes);
  const prefix = label === '' ? '' : `${label}/`;
  return [
    ...files.map((f) => ({ name: `${prefix}${f.name}`, read: f.read })),
    ...skipped.map((s) => ({
      name: `${prefix}${s.name}`,
      read: (): Uint8Array => {
        throw new AppError('DOCUMENT_REFUSED', s.reason);
      },
    })),
  ];
}
