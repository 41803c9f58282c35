import { type DocumentsConfig, loadDocumentsConfig } from '../server/config.ts';
import { configOrUsageError } from './exit.ts';

/**
 * GONGKAI_PDF_READER and GONGKAI_CHROMIUM, parsed by the server configuration's own schema; a bad
 * value is a usage error listing it.
 */
export function documentsConfig(env: Record<string, string | undefined> = process.env): DocumentsConfig {
  return configOrUsageError(() => loadDocumentsConfig(env));
}
